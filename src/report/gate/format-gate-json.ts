import type { BudgetViolation, FixedFinding, GateComparison, GateReport } from '../../model/gate.js';
import type { Diagnostic, Finding, Metrics, ScanReport, Severity } from '../../model/report.js';
import { sortFindings } from '../sort-findings.js';
import { sortBudgetViolations, sortFixedFindings } from './sort-gate-items.js';

/** The JSON output of a check; its shape is documented by `schemas/check-report.schema.json`. */
export interface GateJson {
  tool: ScanReport['tool'];
  against: GateComparison;
  failOn: Severity;
  frozen: boolean;
  failed: boolean;
  summary: { new: number; fixed: number; unchanged: number; budgetViolations: number };
  newFindings: Finding[];
  fixedFindings: FixedFinding[];
  budgetViolations: BudgetViolation[];
  metrics: Metrics;
  diagnostics: Diagnostic[];
}

/**
 * Renders a check as pretty-printed JSON for scripts and bots: the verdict, counts, what is new,
 * fixed or over budget, and the current scan's metrics and diagnostics. Unchanged findings are
 * counted but not listed (the scan's JSON has every finding).
 */
export function formatGateJson(gate: GateReport): string {
  const json: GateJson = {
    tool: gate.tool,
    against: gate.against,
    failOn: gate.failOn,
    frozen: gate.frozen,
    failed: gate.failed,
    summary: {
      new: gate.newFindings.length,
      fixed: gate.fixedFindings.length,
      unchanged: gate.unchangedFindings.length,
      budgetViolations: gate.budgetViolations.length,
    },
    newFindings: sortFindings(gate.newFindings),
    fixedFindings: sortFixedFindings(gate.fixedFindings),
    budgetViolations: sortBudgetViolations(gate.budgetViolations),
    metrics: gate.report.metrics,
    diagnostics: gate.report.diagnostics,
  };
  return JSON.stringify(json, null, 2) + '\n';
}
