import { ConfigError, formatZodIssues } from '../config/config-error.js';
import type { RuleSetting } from '../config/config-schema.js';
import type { Severity } from '../model/report.js';
import type { AnyRule } from './define-rule.js';

/** A rule that will run, with its effective severity and validated options. */
export interface EnabledRule {
  rule: AnyRule;
  severity: Severity;
  options: object;
}

/**
 * Applies the config's `rules:` settings to the rule set. Unknown rule ids and invalid options
 * are config errors that name the key path.
 */
export function resolveRuleSettings(rules: readonly AnyRule[], settings: Record<string, RuleSetting>, source = 'config'): EnabledRule[] {
  const known = new Set(rules.map((rule) => rule.id));
  const unknown = Object.keys(settings).filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new ConfigError(
      `Invalid config in ${source}:\n${unknown.map((id) => `  rules.${id}: unknown rule; run "genai-debt rules" for the list`).join('\n')}`,
    );
  }
  const enabled: EnabledRule[] = [];
  for (const rule of rules) {
    const setting = settings[rule.id];
    const level = Array.isArray(setting) ? setting[0] : (setting ?? rule.defaultSeverity);
    if (level === 'off') continue;
    const given = Array.isArray(setting) ? setting[1] : {};
    const result = rule.options.safeParse({ ...rule.defaultOptions, ...given });
    if (!result.success) {
      const issues = result.error.issues.map((issue) => ({ ...issue, path: ['rules', rule.id, ...issue.path] }));
      throw new ConfigError(`Invalid config in ${source}:\n${formatZodIssues(issues)}`);
    }
    enabled.push({ rule, severity: level, options: result.data as object });
  }
  return enabled;
}
