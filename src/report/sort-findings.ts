import type { Finding } from '../model/report.js';

/** Code-unit order, not `localeCompare`, so output does not depend on the machine's locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Returns a sorted copy of `findings` in report order: file, line, column, rule id, with
 * message and fingerprint as tie-breakers so the order is total.
 */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      compareStrings(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      compareStrings(a.ruleId, b.ruleId) ||
      compareStrings(a.message, b.message) ||
      compareStrings(a.fingerprint, b.fingerprint),
  );
}
