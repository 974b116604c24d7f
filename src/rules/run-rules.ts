import { anchorFingerprint, contentFingerprint, fingerprint } from '../findings/fingerprint.js';
import type { RepoModel } from '../model/repo-model.js';
import type { Diagnostic, Finding } from '../model/report.js';
import type { ReportDescriptor } from './define-rule.js';
import type { EnabledRule } from './resolve-rule-settings.js';

function interpolate(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}

/**
 * Runs every enabled rule over the model. Pure. A rule that throws does not stop the others:
 * it becomes a `rule-crash` diagnostic naming the rule.
 */
export function runRules(model: RepoModel, rules: readonly EnabledRule[]): { findings: Finding[]; diagnostics: Diagnostic[] } {
  const findings: Finding[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const { rule, severity, options } of rules) {
    const reported: (ReportDescriptor<string> & { message: string })[] = [];
    try {
      rule.check({
        model,
        options,
        report(descriptor) {
          const template = rule.messages[descriptor.messageId];
          if (template === undefined) throw new Error(`unknown messageId "${descriptor.messageId}"`);
          reported.push({ ...descriptor, message: interpolate(template, descriptor.data) });
        },
      });
    } catch (error) {
      diagnostics.push({
        code: 'rule-crash',
        severity: 'warning',
        message: `Rule ${rule.id} crashed and was skipped: ${(error as Error).message}. Please report this with the file that triggers it.`,
      });
      continue;
    }
    reported.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
    const occurrences = new Map<string, number>();
    const next = (key: string) => {
      const occurrence = occurrences.get(key) ?? 0;
      occurrences.set(key, occurrence + 1);
      return occurrence;
    };
    for (const descriptor of reported) {
      const occurrence = next(`${descriptor.file}\0${descriptor.anchor}`);
      const content = descriptor.content ?? '';
      const contentOccurrence = next(`${descriptor.file}\0${descriptor.anchor}\0\0${content}`);
      findings.push({
        ruleId: rule.id,
        category: rule.category,
        severity: descriptor.severity ?? severity,
        message: descriptor.message,
        file: descriptor.file,
        line: descriptor.line,
        column: descriptor.column ?? 1,
        fingerprint: fingerprint(rule.id, descriptor.file, descriptor.anchor, occurrence),
        contentFingerprint: contentFingerprint(rule.id, descriptor.file, descriptor.anchor, content, contentOccurrence),
        anchorFingerprint: anchorFingerprint(rule.id, descriptor.anchor, occurrence),
        effortMinutes: rule.effortMinutes,
      });
    }
  }
  return { findings, diagnostics };
}
