import type { BudgetViolation, GateComparison, GateReport } from '../../model/gate.js';
import { plural } from '../format-text.js';

/** One sentence of the gate summary; `tone` picks the colour or icon a format gives it. */
export interface GateSummaryLine {
  tone: 'ok' | 'warn' | 'fail';
  text: string;
}

/**
 * What the check compared with, as a phrase that follows "compared with": `genai-debt-baseline`,
 * `the merge-base of origin/main (abc12345)`, `the last stored scan of main in acme/app (scan 12, abc12345)`.
 * Plain text: each format escapes it.
 */
export function describeComparison(against: GateComparison): string {
  switch (against.kind) {
    case 'baseline':
      return against.file;
    case 'merge-base':
      return `the merge-base of ${against.ref} (${shortCommit(against.commit)})`;
    case 'stored-scan': {
      const details = [`scan ${against.scanId}`, ...(against.commit ? [shortCommit(against.commit)] : [])];
      return `the last stored scan of ${against.branch} in ${against.repository} (${details.join(', ')})`;
    }
  }
}

/**
 * The sentences every human-readable format ends with: what is new against what, the fixed and
 * unchanged counts, why a check with new debt still passes, and what a frozen baseline needs.
 */
export function gateSummary(gate: GateReport): GateSummaryLine[] {
  const comparison = describeComparison(gate.against);
  const counts = `${gate.fixedFindings.length} fixed, ${gate.unchangedFindings.length} unchanged`;
  const debt = newDebtPhrase(gate);
  const lines: GateSummaryLine[] = [
    debt === undefined
      ? { tone: 'ok', text: `✔ No new debt compared with ${comparison}; ${counts}` }
      : { tone: gate.failed ? 'fail' : 'warn', text: `✖ ${debt} compared with ${comparison}; ${counts}` },
  ];
  if (debt !== undefined && !gate.failed) {
    lines.push({ tone: 'warn', text: `The check passes: nothing new reaches the fail-on level (${gate.failOn}).` });
  }
  const fixed = gate.fixedFindings.length;
  if (gate.frozen && gate.against.kind === 'baseline' && fixed > 0) {
    lines.push({
      tone: 'fail',
      text: `✖ ${plural(fixed, 'fixed finding')} ${fixed === 1 ? 'is' : 'are'} still listed in the frozen baseline ${gate.against.file}; remove ${fixed === 1 ? 'it' : 'them'} with \`genai-debt baseline\``,
    });
  }
  return lines;
}

/** `2 new problems (1 error, 1 warning) and 1 broken budget`; undefined when nothing is new. */
export function newDebtPhrase(gate: GateReport): string | undefined {
  const parts: string[] = [];
  const findings = gate.newFindings;
  if (findings.length > 0) {
    const errors = findings.filter((f) => f.severity === 'error').length;
    parts.push(`${plural(findings.length, 'new problem')} (${plural(errors, 'error')}, ${plural(findings.length - errors, 'warning')})`);
  }
  if (gate.budgetViolations.length > 0) parts.push(plural(gate.budgetViolations.length, 'broken budget'));
  return parts.length === 0 ? undefined : parts.join(' and ');
}

/** `20 → 23 (limit 20)`, or `23 (limit 20)` for an absolute budget checked without an earlier side. */
export function describeBudgetChange(budget: BudgetViolation): string {
  const after = formatMetricValue(budget.metric, budget.after);
  const limit = `(limit ${formatMetricValue(budget.metric, budget.limit)})`;
  return budget.before === undefined
    ? `${after} ${limit}`
    : `${formatMetricValue(budget.metric, budget.before)} → ${after} ${limit}`;
}

/** Metrics that are shares from 0 to 1 (see `Metrics`); their limits are shares too. */
const SHARE_METRICS = new Set(['tracedShare', 'evalCoverage']);

/** A metric value for people: shares as whole percents, other numbers with at most two decimals. */
export function formatMetricValue(metric: string, value: number | null | undefined): string {
  if (value === null || value === undefined) return 'n/a';
  if (SHARE_METRICS.has(metric)) return `${Math.round(value * 100)}%`;
  return String(Math.round(value * 100) / 100);
}

function shortCommit(commit: string): string {
  return commit.slice(0, 8);
}
