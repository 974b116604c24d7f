import pc from 'picocolors';
import type { BudgetViolation, GateReport } from '../../model/gate.js';
import { type Colors, diagnosticRows, findingRows, groupByFile, maxWidth, padEnd, sanitize } from '../format-text.js';
import { sortFindings } from '../sort-findings.js';
import { describeBudgetChange, gateSummary, type GateSummaryLine } from './describe-gate.js';
import { sortBudgetViolations } from './sort-gate-items.js';

/**
 * Renders a check for a terminal or CI log, in the layout of the scan's text format: the new
 * findings grouped by file, the broken budgets, the scan diagnostics (a skipped file may hide
 * debt), then the summary against what was compared. Unchanged findings are left out: they are
 * not what the change adds.
 *
 * @param options.color - emit ANSI colours; when false the output contains no escape codes.
 */
export function formatGateText(gate: GateReport, options: { color: boolean }): string {
  const c = pc.createColors(options.color);
  const out: string[] = [];

  for (const [file, findings] of groupByFile(sortFindings(gate.newFindings))) {
    out.push(c.underline(sanitize(file)), ...findingRows(findings, c), '');
  }

  if (gate.budgetViolations.length > 0) {
    out.push(c.bold(`Broken budgets (${gate.budgetViolations.length})`), ...budgetRows(sortBudgetViolations(gate.budgetViolations), c), '');
  }

  const { diagnostics } = gate.report;
  if (diagnostics.length > 0) {
    out.push(c.bold(`Diagnostics (${diagnostics.length})`), ...diagnosticRows(diagnostics, c), '');
  }

  out.push(...gateSummary(gate).map((line) => summaryLine(line, c)));
  return out.join('\n') + '\n';
}

function budgetRows(budgets: BudgetViolation[], c: Colors): string[] {
  const rows = budgets.map((b) => {
    const where = b.file === undefined ? '' : `${sanitize(b.file)}${b.line === undefined ? '' : `:${b.line}`}: `;
    return { severity: b.severity, text: where + sanitize(b.message), change: sanitize(describeBudgetChange(b)), id: sanitize(b.id) };
  });
  const severityWidth = maxWidth(rows.map((r) => r.severity));
  const textWidth = maxWidth(rows.map((r) => r.text));
  const changeWidth = maxWidth(rows.map((r) => r.change));

  return rows.map((r) =>
    [
      '',
      (r.severity === 'error' ? c.red : c.yellow)(padEnd(r.severity, severityWidth)),
      padEnd(r.text, textWidth),
      padEnd(r.change, changeWidth),
      c.dim(r.id),
    ].join('  '),
  );
}

function summaryLine(line: GateSummaryLine, c: Colors): string {
  const text = sanitize(line.text);
  if (line.tone === 'ok') return c.green(c.bold(text));
  return line.tone === 'fail' ? c.red(c.bold(text)) : c.yellow(c.bold(text));
}
