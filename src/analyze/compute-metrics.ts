import type { RepoModel } from '../model/repo-model.js';
import type { Finding, Metrics, RuleCategory } from '../model/report.js';

const CATEGORIES: RuleCategory[] = ['tracing', 'tool-sprawl', 'prompts', 'evals', 'hygiene'];

function duplicateTools(model: RepoModel): number {
  const filesByName = new Map<string, Set<string>>();
  for (const tool of model.tools) {
    if (tool.name === undefined) continue;
    const files = filesByName.get(tool.name) ?? new Set<string>();
    files.add(tool.file);
    filesByName.set(tool.name, files);
  }
  return model.tools.filter((tool) => tool.name !== undefined && (filesByName.get(tool.name)?.size ?? 0) > 1).length;
}

function evalCoverage(model: RepoModel): number | null {
  if (model.llmCalls.length === 0) return null;
  const reached = new Set(model.evals.flatMap((suite) => suite.reaches));
  const covered = model.llmCalls.filter((call) => reached.has(call.file)).length;
  return Math.round((covered / model.llmCalls.length) * 1000) / 1000;
}

/** Counts for one scan. Pure. */
export function computeMetrics(model: RepoModel, findings: Finding[]): Metrics {
  const count = (verdict: string) => model.llmCalls.filter((call) => call.tracing.verdict === verdict).length;
  const traced = count('traced');
  const byCategory = Object.fromEntries(CATEGORIES.map((category) => [category, 0])) as Record<RuleCategory, number>;
  for (const finding of findings) byCategory[finding.category] += 1;
  return {
    filesScanned: model.files.length,
    llmCalls: model.llmCalls.length,
    embeddingCalls: model.llmCalls.filter((call) => call.kind === 'embedding').length,
    tracedCalls: traced,
    untracedCalls: count('untraced'),
    unknownTracingCalls: count('unknown'),
    tracedShare: model.llmCalls.length === 0 ? null : Math.round((traced / model.llmCalls.length) * 1000) / 1000,
    tools: model.tools.length,
    largestToolSet: Math.max(0, ...model.toolSets.map((set) => set.count)),
    duplicateTools: duplicateTools(model),
    prompts: model.prompts.length,
    totalPromptTokens: model.prompts.reduce((sum, prompt) => sum + prompt.tokens, 0),
    largestPromptTokens: Math.max(0, ...model.prompts.map((prompt) => prompt.tokens)),
    evalSuites: model.evals.length,
    evalCoverage: evalCoverage(model),
    findings: {
      error: findings.filter((finding) => finding.severity === 'error').length,
      warning: findings.filter((finding) => finding.severity === 'warning').length,
    },
    findingsByCategory: byCategory,
    debtMinutes: findings.reduce((sum, finding) => sum + finding.effortMinutes, 0),
  };
}
