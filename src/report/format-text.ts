import pc from 'picocolors';
import type { Diagnostic, Finding, Metrics, ScanReport } from '../model/report.js';
import { compareStrings, sortFindings } from './sort-findings.js';

export type Colors = ReturnType<typeof pc.createColors>;

/**
 * Renders the report for a terminal in the style of ESLint's "stylish" formatter: findings
 * grouped by file with aligned `line:col  severity  message  rule` rows, then diagnostics,
 * then a problem count and a one-line metrics summary.
 *
 * @param options.color - emit ANSI colours; when false the output contains no escape codes.
 */
export function formatText(report: ScanReport, options: { color: boolean }): string {
  const c = pc.createColors(options.color);
  const out: string[] = [];

  for (const [file, findings] of groupByFile(sortFindings(report.findings))) {
    out.push(c.underline(sanitize(file)), ...findingRows(findings, c), '');
  }

  if (report.diagnostics.length > 0) {
    out.push(c.bold(`Diagnostics (${report.diagnostics.length})`), ...diagnosticRows(report.diagnostics, c), '');
  }

  out.push(summaryLine(report.findings, c), metricsLine(report.metrics));
  return out.join('\n') + '\n';
}

export function groupByFile(sorted: Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of sorted) {
    const group = groups.get(finding.file);
    if (group) group.push(finding);
    else groups.set(finding.file, [finding]);
  }
  return groups;
}

export function findingRows(findings: Finding[], c: Colors): string[] {
  const rows = findings.map((f) => ({
    line: String(f.line),
    column: String(f.column),
    severity: f.severity,
    message: sanitize(f.message),
    rule: sanitize(f.ruleId),
  }));
  const lineWidth = maxWidth(rows.map((r) => r.line));
  const columnWidth = maxWidth(rows.map((r) => r.column));
  const severityWidth = maxWidth(rows.map((r) => r.severity));
  const messageWidth = maxWidth(rows.map((r) => r.message));

  // As in ESLint, the line is right-aligned and the column left-aligned so the colons line up.
  return rows.map((r) =>
    [
      '',
      c.dim(`${padStart(r.line, lineWidth)}:${padEnd(r.column, columnWidth)}`),
      severityColor(r.severity, c)(padEnd(r.severity, severityWidth)),
      padEnd(r.message, messageWidth),
      c.dim(r.rule),
    ].join('  '),
  );
}

export function diagnosticRows(diagnostics: Diagnostic[], c: Colors): string[] {
  const rows = sortDiagnostics(diagnostics).map((d) => {
    const where = d.file === undefined ? '' : `${sanitize(d.file)}${d.line === undefined ? '' : `:${d.line}`}: `;
    return { severity: d.severity, text: where + sanitize(d.message), code: d.code };
  });
  const severityWidth = maxWidth(rows.map((r) => r.severity));
  const textWidth = maxWidth(rows.map((r) => r.text));

  return rows.map((r) =>
    [
      '',
      (r.severity === 'warning' ? c.yellow : c.cyan)(padEnd(r.severity, severityWidth)),
      padEnd(r.text, textWidth),
      c.dim(r.code),
    ].join('  '),
  );
}

/** Scan-wide diagnostics (no file) first, then by file, line, code and message. */
function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      Number(a.file !== undefined) - Number(b.file !== undefined) ||
      compareStrings(a.file ?? '', b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      compareStrings(a.code, b.code) ||
      compareStrings(a.message, b.message),
  );
}

function summaryLine(findings: Finding[], c: Colors): string {
  if (findings.length === 0) return c.green(c.bold('✔ No GenAI debt found'));
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const text =
    `✖ ${plural(findings.length, 'problem')} ` + `(${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
  return (errors > 0 ? c.red : c.yellow)(c.bold(text));
}

function metricsLine(m: Metrics): string {
  const calls =
    m.llmCalls === 0
      ? 'LLM calls: 0'
      : `LLM calls: ${m.llmCalls} (traced ${m.tracedCalls}, untraced ${m.untracedCalls}, unknown ${m.unknownTracingCalls})`;
  const parts = [calls];
  if (m.embeddingCalls > 0) parts.push(`embedding calls ${m.embeddingCalls}`);
  if (m.tools > 0 || m.largestToolSet > 0) {
    parts.push(`tools ${m.tools} (largest set ${m.largestToolSet}${m.duplicateTools > 0 ? `, ${m.duplicateTools} duplicated` : ''})`);
  }
  if (m.evalCoverage !== null) parts.push(`eval coverage ${Math.round(m.evalCoverage * 100)}% (${m.evalSuites} suites)`);
  if (m.prompts > 0) parts.push(`prompts ${m.prompts} (largest ${m.largestPromptTokens} tokens)`);
  parts.push(
    `traced share ${m.tracedShare === null ? 'n/a' : `${Math.round(m.tracedShare * 100)}%`}`,
    `debt ${formatDuration(m.debtMinutes)}`,
    plural(m.filesScanned, 'file') + ' scanned',
  );
  return parts.join(' · ');
}

/** `0m`, `45m`, `2h`, `3h 20m`. */
function formatDuration(minutes: number): string {
  const total = Math.max(0, Math.round(minutes));
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  if (hours === 0) return `${rest}m`;
  return rest === 0 ? `${hours}h` : `${hours}h ${rest}m`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function severityColor(severity: Finding['severity'], c: Colors): (s: string) => string {
  return severity === 'error' ? c.red : c.yellow;
}

/**
 * Messages and paths can quote scanned code, so control characters (ANSI escapes, newlines)
 * and bidi overrides are neutralised: they would break the row layout or let a scanned file
 * drive the terminal.
 */
export function sanitize(text: string): string {
  return text
    .replace(/\r\n|[\r\n\t]/g, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (ch) =>
      `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
}

/** Width in code points; good enough for a terminal table without a wcwidth dependency. */
function width(text: string): number {
  return [...text].length;
}

export function maxWidth(texts: string[]): number {
  return texts.reduce((max, t) => Math.max(max, width(t)), 0);
}

export function padEnd(text: string, to: number): string {
  return text + ' '.repeat(Math.max(0, to - width(text)));
}

function padStart(text: string, to: number): string {
  return ' '.repeat(Math.max(0, to - width(text))) + text;
}
