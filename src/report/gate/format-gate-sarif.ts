import type * as Sarif from 'sarif';
import type { BudgetViolation, FixedFinding, GateReport } from '../../model/gate.js';
import { findingResult, firstOfEachId, ruleName, sarifLevel, sarifLocation, sarifLog } from '../format-sarif.js';
import { sortFindings } from '../sort-findings.js';
import { BUDGET_CONFIG_PATH, budgetFingerprints } from './budget-fingerprints.js';
import { sortBudgetViolations, sortFixedFindings } from './sort-gate-items.js';

/**
 * Renders a check as a SARIF 2.1.0 log: the scan's log with `baselineState` on every result.
 * Current findings are `new` or `unchanged`; fixed findings come back as `absent` results (kind
 * `pass`, level `none`, as the spec requires for a result that is not a failure); broken budgets
 * are `new` results of a reporting descriptor per budget id. The run's properties record what was
 * compared and the verdict.
 *
 * @see https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/sarif-v2.1.0-errata01-os-complete.html (result `baselineState`, `kind`, `level`)
 */
export function formatGateSarif(gate: GateReport): string {
  const budgets = sortBudgetViolations(gate.budgetViolations);
  const fingerprints = budgetFingerprints(budgets);
  const newFindings = new Set(gate.newFindings);

  const log = sarifLog(
    gate.report,
    (ruleIndex) => [
      ...sortFindings([...gate.newFindings, ...gate.unchangedFindings]).map(
        (finding): Sarif.Result => ({
          ...findingResult(finding, ruleIndex.get(finding.ruleId)),
          baselineState: newFindings.has(finding) ? 'new' : 'unchanged',
        }),
      ),
      ...budgets.map((budget) => budgetResult(budget, ruleIndex.get(budget.id), fingerprints.get(budget)!)),
      ...sortFixedFindings(gate.fixedFindings).map((fixed) => fixedResult(fixed, ruleIndex.get(fixed.ruleId))),
    ],
    budgetDescriptors(budgets),
  );
  const [run] = log.runs;
  if (run) run.properties = { against: gate.against, failOn: gate.failOn, frozen: gate.frozen, failed: gate.failed };
  return JSON.stringify(log, null, 2) + '\n';
}

/** One descriptor per budget id, in id order; the first violation's severity is its level. */
function budgetDescriptors(budgets: readonly BudgetViolation[]): Sarif.ReportingDescriptor[] {
  return firstOfEachId(budgets).map((budget) => ({
    id: budget.id,
    name: ruleName(budget.id),
    shortDescription: {
      text: budget.id.startsWith('ratchet/')
        ? `Limit how far ${budget.metric} may get worse than before.`
        : `Limit ${budget.metric} to its configured budget.`,
    },
    defaultConfiguration: { level: sarifLevel(budget.severity) },
    properties: { category: 'budget', metric: budget.metric },
  }));
}

function budgetResult(budget: BudgetViolation, index: number | undefined, fingerprint: string): Sarif.Result {
  return {
    ruleId: budget.id,
    ...(index === undefined ? {} : { ruleIndex: index }),
    level: sarifLevel(budget.severity),
    message: { text: budget.message },
    // Code scanning wants a location on every result; a repository-wide budget is set in the config.
    locations: [sarifLocation(budget.file ?? BUDGET_CONFIG_PATH, budget.line)],
    partialFingerprints: { 'genaiDebt/v1': fingerprint },
    baselineState: 'new',
    properties: {
      metric: budget.metric,
      ...(budget.before === undefined ? {} : { before: budget.before }),
      after: budget.after,
      limit: budget.limit,
    },
  };
}

function fixedResult(fixed: FixedFinding, index: number | undefined): Sarif.Result {
  return {
    ruleId: fixed.ruleId,
    ...(index === undefined ? {} : { ruleIndex: index }),
    kind: 'pass',
    level: 'none',
    message: { text: fixed.message ?? `Fixed: ${fixed.ruleId} in ${fixed.file}` },
    locations: [sarifLocation(fixed.file, fixed.line)],
    partialFingerprints: { 'genaiDebt/v1': fixed.fingerprint },
    baselineState: 'absent',
  };
}
