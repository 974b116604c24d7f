import type { SuppressionFact } from '../model/facts.js';

const DIRECTIVE = /\/\/\s*genai-debt-ignore-next-line\b(.*)$/;

/**
 * Finds `// genai-debt-ignore-next-line rule-a, rule-b -- reason` comments. A directive without
 * rule ids suppresses every rule on the next line.
 */
export function extractSuppressions(text: string): SuppressionFact[] {
  if (!text.includes('genai-debt-ignore-next-line')) return [];
  const suppressions: SuppressionFact[] = [];
  const lines = text.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    const match = DIRECTIVE.exec(line);
    if (!match) continue;
    const [rulesPart = '', ...reasonParts] = (match[1] ?? '').split(' -- ');
    const reason = reasonParts.join(' -- ').trim();
    const ruleIds = rulesPart
      .split(/[\s,]+/)
      .map((id) => id.trim())
      .filter((id) => id.length > 0);
    suppressions.push(reason ? { line: index + 1, ruleIds, reason } : { line: index + 1, ruleIds });
  }
  return suppressions;
}
