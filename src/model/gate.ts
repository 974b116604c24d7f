import type { Finding, ScanReport, Severity } from './report.js';

/** What a check compared the current scan with. */
export type GateComparison =
  /** A committed baseline file (`genai-debt-baseline`). */
  | { kind: 'baseline'; file: string }
  /** The merge-base of HEAD and a ref, scanned from git objects with the same config and rules. */
  | { kind: 'merge-base'; ref: string; commit: string }
  /** The last stored scan of a branch in the history database. */
  | { kind: 'stored-scan'; repository: string; branch: string; scanId: number; commit?: string; at: string };

/** A finding of the earlier side that the current scan no longer has. */
export interface FixedFinding {
  ruleId: string;
  file: string;
  fingerprint: string;
  /** Known when the earlier side was a scan; a baseline entry has no message, line or severity. */
  message?: string;
  line?: number;
  severity?: Severity;
}

/**
 * A metric budget or ratchet the current scan breaks, reported like a finding. `id` names the
 * budget (`budget/largest-tool-set`, `ratchet/traced-share`, `ratchet/prompt-growth`, …).
 */
export interface BudgetViolation {
  id: string;
  severity: Severity;
  /** Says what broke, with the numbers before and after and the limit. */
  message: string;
  /** The metric's name in {@link ScanReport.metrics} (`largestToolSet`), or `promptTokens` for one prompt. */
  metric: string;
  /** The value on the earlier side; undefined for an absolute budget checked without one. */
  before?: number | null;
  after: number | null;
  limit: number;
  /** Where it is, when the budget is about one thing (a prompt, a tool set). */
  file?: string;
  line?: number;
}

/** The result of `genai-debt check`: what a change adds, and whether that fails the build. */
export interface GateReport {
  tool: ScanReport['tool'];
  against: GateComparison;
  /** The lowest severity that fails the check. */
  failOn: Severity;
  /** With `--frozen`, baseline entries whose debt is gone fail the check too. */
  frozen: boolean;
  /** Findings that were not there before: the debt the change adds. Sorted by file, line, rule. */
  newFindings: Finding[];
  /** Findings that were there before (possibly moved or renamed). */
  unchangedFindings: Finding[];
  /** Findings of the earlier side that are gone. */
  fixedFindings: FixedFinding[];
  budgetViolations: BudgetViolation[];
  /**
   * Whether the check fails: a new finding or a broken budget at or above `failOn`, or with
   * `frozen` a fixed baseline entry still listed.
   */
  failed: boolean;
  /** The full current scan: rules with their metadata, metrics, diagnostics. */
  report: ScanReport;
}
