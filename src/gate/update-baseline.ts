import { compareFindings } from '../findings/lifecycle.js';
import type { Finding } from '../model/report.js';
import { type BaselineEntry, baselineEntryOf } from './baseline-file.js';

export interface BaselineUpdate {
  /** The new baseline's entries. */
  entries: BaselineEntry[];
  /** Current findings the old baseline did not list and the new one does (`force`, or no old baseline). */
  added: Finding[];
  /** Current findings the old baseline did not list, left out because the baseline only shrinks. */
  leftOut: Finding[];
  /** Old entries whose debt is gone. */
  removed: BaselineEntry[];
}

/**
 * The next baseline. Without an old one, every current finding. With one, the baseline only
 * shrinks: entries still matched are kept (with their current identity, so a renamed file's
 * entry follows it), fixed ones are dropped, and new findings are added only with `force`. Pure.
 */
export function updateBaseline(old: readonly BaselineEntry[] | undefined, findings: readonly Finding[], force: boolean): BaselineUpdate {
  if (old === undefined) return { entries: findings.map(baselineEntryOf), added: [...findings], leftOut: [], removed: [] };
  const changes = compareFindings(old, findings);
  const kept = changes.unchanged.map((pair) => baselineEntryOf(pair.current));
  return force
    ? { entries: [...kept, ...changes.added.map(baselineEntryOf)], added: changes.added, leftOut: [], removed: changes.fixed }
    : { entries: kept, added: [], leftOut: changes.added, removed: changes.fixed };
}
