import type { BudgetViolation, FixedFinding } from '../../model/gate.js';
import { compareStrings } from '../sort-findings.js';

/**
 * Returns a sorted copy of `fixed`: file, line (a baseline entry has none and comes first), rule id,
 * fingerprint.
 */
export function sortFixedFindings(fixed: readonly FixedFinding[]): FixedFinding[] {
  return [...fixed].sort(
    (a, b) =>
      compareStrings(a.file, b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      compareStrings(a.ruleId, b.ruleId) ||
      compareStrings(a.fingerprint, b.fingerprint),
  );
}

/**
 * Returns a sorted copy of `budgets`: repository-wide budgets (no file) first, then file, line,
 * budget id and message.
 */
export function sortBudgetViolations(budgets: readonly BudgetViolation[]): BudgetViolation[] {
  return [...budgets].sort(
    (a, b) =>
      Number(a.file !== undefined) - Number(b.file !== undefined) ||
      compareStrings(a.file ?? '', b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      compareStrings(a.id, b.id) ||
      compareStrings(a.message, b.message),
  );
}
