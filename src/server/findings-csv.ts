import type { FindingRow } from '../store/dashboard-queries.js';

const COLUMNS = ['ruleId', 'category', 'severity', 'team', 'file', 'line', 'effortMinutes', 'message', 'fingerprint'] as const;

/**
 * One RFC 4180 field. A text that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab,
 * carriage return first) gets a leading `'`, as OWASP advises against CSV injection.
 */
function field(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Findings as CSV with a header row, lines ended by CRLF. */
export function findingsCsv(rows: readonly FindingRow[]): string {
  const lines = [COLUMNS.join(','), ...rows.map((row) => COLUMNS.map((column) => field(row[column])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
