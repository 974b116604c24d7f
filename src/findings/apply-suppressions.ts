import type { FileFacts } from '../model/facts.js';
import type { Diagnostic, Finding } from '../model/report.js';

/**
 * Drops findings on the line after a matching `genai-debt-ignore-next-line` comment and reports
 * each directive that suppressed nothing, so stale ones get cleaned up. Pure.
 */
export function applySuppressions(findings: Finding[], files: FileFacts[]): { findings: Finding[]; diagnostics: Diagnostic[] } {
  const directives = new Map<string, FileFacts['suppressions']>();
  for (const facts of files) {
    if (facts.suppressions.length > 0) directives.set(facts.path, facts.suppressions);
  }
  const used = new Set<FileFacts['suppressions'][number]>();
  const kept = findings.filter((finding) => {
    const directive = directives
      .get(finding.file)
      ?.find((candidate) => candidate.line === finding.line - 1 && (candidate.ruleIds.length === 0 || candidate.ruleIds.includes(finding.ruleId)));
    if (!directive) return true;
    used.add(directive);
    return false;
  });
  const diagnostics: Diagnostic[] = [];
  for (const [file, list] of directives) {
    for (const directive of list) {
      if (used.has(directive)) continue;
      const rules = directive.ruleIds.length > 0 ? directive.ruleIds.join(', ') : 'any rule';
      diagnostics.push({
        code: 'unused-suppression',
        severity: 'warning',
        message: `Unused genai-debt-ignore-next-line directive (no finding of ${rules} on line ${directive.line + 1}); remove it.`,
        file,
        line: directive.line,
      });
    }
  }
  return { findings: kept, diagnostics };
}
