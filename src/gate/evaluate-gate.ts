import type { GateSettings } from '../config/config-schema.js';
import { compareFindings, type FindingIdentity } from '../findings/lifecycle.js';
import type { FixedFinding, GateComparison, GateReport } from '../model/gate.js';
import type { Finding, ScanReport, Severity } from '../model/report.js';
import { checkBudgets, type MetricsSide, metricsSideOf } from './check-budgets.js';

/** A finding of the earlier side: a baseline entry (identity only) or a scanned finding. */
export type EarlierFinding = FindingIdentity & { message?: string; line?: number; severity?: Severity };

export interface GateInput {
  current: ScanReport;
  against: GateComparison;
  earlier: {
    findings: readonly EarlierFinding[];
    /** Metrics and prompt sizes of the earlier side; absent for a baseline file, so ratchets are skipped. */
    side?: MetricsSide;
  };
  /** Renames git saw between the earlier side and now (old → new, relative to the scanned folder). */
  renames?: ReadonlyMap<string, string>;
  settings: GateSettings;
  failOn: Severity;
  frozen: boolean;
}

const atLeast = (severity: Severity, failOn: Severity) => failOn === 'warning' || severity === 'error';

function byPlace(a: Finding, b: Finding): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/**
 * What a change adds: the current findings the earlier side does not have (matched as the
 * history store matches consecutive scans, so moves and renames are not new), plus the budgets
 * and ratchets it breaks. Pure.
 */
export function evaluateGate(input: GateInput): GateReport {
  const { current, earlier, failOn, frozen } = input;
  const changes = compareFindings(earlier.findings, current.findings, input.renames);
  const newFindings = [...changes.added].sort(byPlace);
  const unchangedFindings = changes.unchanged.map((pair) => pair.current).sort(byPlace);
  const fixedFindings: FixedFinding[] = changes.fixed.map(({ ruleId, file, fingerprint, message, line, severity }) => ({
    ruleId,
    file,
    fingerprint,
    ...(message === undefined ? {} : { message }),
    ...(line === undefined ? {} : { line }),
    ...(severity === undefined ? {} : { severity }),
  }));
  const budgetViolations = checkBudgets(input.settings, earlier.side, metricsSideOf(current));
  const failed =
    newFindings.some((finding) => atLeast(finding.severity, failOn)) ||
    budgetViolations.some((violation) => atLeast(violation.severity, failOn)) ||
    (frozen && input.against.kind === 'baseline' && fixedFindings.length > 0);
  return {
    tool: current.tool,
    against: input.against,
    failOn,
    frozen,
    newFindings,
    unchangedFindings,
    fixedFindings,
    budgetViolations,
    failed,
    report: current,
  };
}
