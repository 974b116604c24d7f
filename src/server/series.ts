/** One chart as the browser script draws it: a stacked area or one line per series. */
export interface Chart {
  kind: 'stacked' | 'lines';
  /** What the y axis counts, such as `minutes`. */
  unit: string;
  labels: string[];
  series: { label: string; data: (number | null)[] }[];
}

const DAY_MS = 86_400_000;

/** Every UTC day from `first` to `last` (YYYY-MM-DD), both included. */
export function dayRange(first: string, last: string): string[] {
  const days: string[] = [];
  for (let time = Date.parse(`${first}T00:00:00Z`), end = Date.parse(`${last}T00:00:00Z`); time <= end; time += DAY_MS) {
    days.push(new Date(time).toISOString().slice(0, 10));
  }
  return days;
}

/** The day `count` days before `day`. */
export function daysBefore(day: string, count: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - count * DAY_MS).toISOString().slice(0, 10);
}

/** A series' value on each of `days` (ascending): the sum of its deltas up to that day. */
export function cumulative(deltas: readonly { day: string; delta: number }[], days: readonly string[]): number[] {
  const values: number[] = [];
  let index = 0;
  let sum = 0;
  for (const day of days) {
    while (index < deltas.length && deltas[index]!.day <= day) sum += deltas[index++]!.delta;
    values.push(round(sum));
  }
  return values;
}

/** A series' value on `day`. */
export function valueOn(deltas: readonly { day: string; delta: number }[] | undefined, day: string): number {
  let sum = 0;
  for (const { day: at, delta } of deltas ?? []) if (at <= day) sum += delta;
  return round(sum);
}

/** `part / whole` to three decimals, null when `whole` is 0. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 1000;
}

// Deltas are summed as floats; counts and minutes are whole, so rounding removes the noise.
function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
