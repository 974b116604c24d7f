import type { Catalog } from '../catalog/catalog-schema.js';
import { applySuppressions } from '../findings/apply-suppressions.js';
import type { CountTokens } from '../link/link-prompts.js';
import { linkRepository } from '../link/link-repository.js';
import type { FileFacts } from '../model/facts.js';
import type { RepoHistory, RepoModel } from '../model/repo-model.js';
import type { Diagnostic, Finding, Metrics } from '../model/report.js';
import type { EnabledRule } from '../rules/resolve-rule-settings.js';
import { runRules } from '../rules/run-rules.js';
import { computeMetrics } from './compute-metrics.js';

export interface Analysis {
  model: RepoModel;
  findings: Finding[];
  diagnostics: Diagnostic[];
  metrics: Metrics;
}

/**
 * link → rules → suppressions → metrics: everything after extraction. Pure.
 *
 * @param context.history - sizes from earlier stored scans, for rules that compare with the past
 * @param context.promptFiles - the texts of prompt files the code reads at run time, by repository
 *   path (the scan reads the files `promptFileCandidates` names)
 */
export function analyze(
  facts: FileFacts[],
  catalog: Catalog,
  rules: readonly EnabledRule[],
  countTokens: CountTokens,
  context: { history?: RepoHistory; promptFiles?: ReadonlyMap<string, string> } = {},
): Analysis {
  const { history, promptFiles } = context;
  const model: RepoModel = { ...linkRepository(facts, catalog, countTokens, promptFiles), ...(history ? { history } : {}) };
  const ruled = runRules(model, rules);
  const suppressed = applySuppressions(ruled.findings, facts);
  const findings = suppressed.findings.sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId),
  );
  return {
    model,
    findings,
    diagnostics: [...ruled.diagnostics, ...suppressed.diagnostics],
    metrics: computeMetrics(model, findings),
  };
}
