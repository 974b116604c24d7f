import type { TrendPoint } from '../model/trend.js';

export interface TrendTitle {
  repository: string;
  team?: string;
  branch?: string;
}

function percent(share: number | null): string {
  return share === null ? '-' : `${Math.round(share * 100)}%`;
}

function signed(value: number, sign: '+' | '-'): string {
  return value === 0 ? '0' : `${sign}${value}`;
}

/**
 * A trend as a plain-text table, oldest scan first: one row per stored scan with its debt and the
 * metrics a platform team watches. Pure.
 */
export function formatTrendText(points: readonly TrendPoint[], title: TrendTitle): string {
  const heading = `Debt trend of ${title.repository}${title.team ? `, team ${title.team}` : ''}${title.branch ? ` (${title.branch})` : ''}: ${points.length} scan${points.length === 1 ? '' : 's'}`;
  const header = ['date', 'commit', 'findings', 'new', 'fixed', 'errors', 'debt (min)', 'LLM calls', 'traced', 'eval cov.', 'tools', 'max tool set', 'max prompt tok.'];
  const rows = points.map((point) => [
    point.at.slice(0, 10),
    point.commit?.slice(0, 8) ?? '-',
    String(point.findings),
    signed(point.added, '+'),
    signed(point.fixed, '-'),
    String(point.errors),
    String(point.debtMinutes),
    String(point.llmCalls),
    percent(point.tracedShare),
    percent(point.evalCoverage),
    String(point.tools),
    String(point.largestToolSet),
    String(point.largestPromptTokens),
  ]);
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column]!.length)));
  // Text columns left-aligned, numbers right-aligned.
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column < 2 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ')
      .trimEnd();
  const first = points[0];
  const last = points.at(-1);
  const summary =
    first && last && points.length > 1
      ? `\nFrom ${first.at.slice(0, 10)} to ${last.at.slice(0, 10)}: findings ${first.findings} → ${last.findings}, debt ${first.debtMinutes} → ${last.debtMinutes} min, traced ${percent(first.tracedShare)} → ${percent(last.tracedShare)}.\n`
      : '';
  return `${heading}\n\n${[line(header), ...rows.map(line)].join('\n')}\n${summary}`;
}

/** The trend as JSON: the title and the points, oldest first. Pure. */
export function formatTrendJson(points: readonly TrendPoint[], title: TrendTitle): string {
  return `${JSON.stringify({ ...title, points }, null, 2)}\n`;
}
