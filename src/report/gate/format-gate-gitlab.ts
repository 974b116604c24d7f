import type { GateReport } from '../../model/gate.js';
import type { Severity } from '../../model/report.js';
import { sortFindings } from '../sort-findings.js';
import { BUDGET_CONFIG_PATH, budgetFingerprints } from './budget-fingerprints.js';
import { sortBudgetViolations } from './sort-gate-items.js';

/** One entry of a GitLab Code Quality report, with exactly the fields GitLab requires. */
interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  location: { path: string; lines: { begin: number } };
}

/**
 * Renders a check as a GitLab Code Quality report (`artifacts:reports:codequality`).
 *
 * Unlike the other formats it lists every current finding, new and unchanged: GitLab computes
 * what a merge request adds itself, by comparing the fingerprints of the source and target
 * branch reports, so a report of new findings only would show the unchanged ones as fixed.
 * Broken budgets are added as issues whose `check_name` is the budget id and whose fingerprint is
 * a sha256 of budget id and file; a repository-wide budget points at `genai-debt.config.yaml`,
 * since GitLab needs a path. Errors map to `critical`, warnings to `major`.
 *
 * @see https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format
 */
export function formatGateGitlab(gate: GateReport): string {
  const findings = sortFindings([...gate.newFindings, ...gate.unchangedFindings]).map(
    (f): CodeQualityIssue => ({
      description: f.message,
      check_name: f.ruleId,
      fingerprint: f.fingerprint,
      severity: severity(f.severity),
      location: { path: relativePath(f.file), lines: { begin: Math.max(1, f.line) } },
    }),
  );
  const budgets = sortBudgetViolations(gate.budgetViolations);
  const fingerprints = budgetFingerprints(budgets);
  const budgetIssues = budgets.map(
    (b): CodeQualityIssue => ({
      description: b.message,
      check_name: b.id,
      fingerprint: fingerprints.get(b)!,
      severity: severity(b.severity),
      location: { path: b.file === undefined ? BUDGET_CONFIG_PATH : relativePath(b.file), lines: { begin: Math.max(1, b.line ?? 1) } },
    }),
  );
  return JSON.stringify([...findings, ...budgetIssues], null, 2) + '\n';
}

function severity(value: Severity): CodeQualityIssue['severity'] {
  return value === 'error' ? 'critical' : 'major';
}

/** GitLab matches `location.path` against the repository tree: posix separators, no leading `./`. */
function relativePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\.\//, '');
}
