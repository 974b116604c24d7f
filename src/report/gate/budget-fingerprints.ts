import { createHash } from 'node:crypto';
import type { BudgetViolation } from '../../model/gate.js';

/**
 * Where a budget about the whole repository is reported in formats that need a file (GitLab Code
 * Quality, SARIF): the default config file, where budgets are set.
 */
export const BUDGET_CONFIG_PATH = 'genai-debt.config.yaml';

/**
 * A stable fingerprint per budget violation: sha256 hex of budget id and file, so it survives
 * line moves and number changes like a finding's. Two violations of one budget in one file
 * (two prompts that grew) would collide, so the second and later get their occurrence index
 * hashed in, as finding fingerprints do. Call with the violations in report order.
 */
export function budgetFingerprints(budgets: readonly BudgetViolation[]): Map<BudgetViolation, string> {
  const seen = new Map<string, number>();
  const fingerprints = new Map<BudgetViolation, string>();
  for (const budget of budgets) {
    const key = `${budget.id}\0${budget.file ?? ''}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    const input = occurrence === 0 ? key : `${key}\0${occurrence}`;
    fingerprints.set(budget, createHash('sha256').update(input).digest('hex'));
  }
  return fingerprints;
}
