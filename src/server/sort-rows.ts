export type SortDirection = 'asc' | 'desc';

/** Rows sorted by one column; missing values (null) last in both directions, then by name. */
export function sortRows<Row extends { name: string }>(rows: readonly Row[], key: keyof Row, direction: SortDirection): Row[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const left = a[key];
    const right = b[key];
    if (left === right) return a.name.localeCompare(b.name);
    if (left === null) return 1;
    if (right === null) return -1;
    const order = typeof left === 'string' ? left.localeCompare(right as string) : (left as number) - (right as number);
    return order === 0 ? a.name.localeCompare(b.name) : sign * order;
  });
}
