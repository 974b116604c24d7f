import type { RepoModel } from '../model/repo-model.js';
import type { Finding, TeamMetrics } from '../model/report.js';

/**
 * Counts per owner team: every LLM call, tool, prompt and finding is counted for the team that
 * owns its file. Pure.
 *
 * @param ownerOf - the team of a path relative to the scanned root
 */
export function computeTeamMetrics(model: Omit<RepoModel, 'files'>, findings: readonly Finding[], ownerOf: (path: string) => string): Record<string, TeamMetrics> {
  const teams = new Map<string, TeamMetrics>();
  const of = (path: string): TeamMetrics => {
    const team = ownerOf(path);
    let metrics = teams.get(team);
    if (!metrics) {
      metrics = {
        llmCalls: 0,
        tracedCalls: 0,
        untracedCalls: 0,
        evalCoveredCalls: 0,
        tools: 0,
        largestToolSet: 0,
        prompts: 0,
        totalPromptTokens: 0,
        largestPromptTokens: 0,
        findings: { error: 0, warning: 0 },
        debtMinutes: 0,
      };
      teams.set(team, metrics);
    }
    return metrics;
  };
  const reached = new Set(model.evals.flatMap((suite) => suite.reaches));
  for (const call of model.llmCalls) {
    const metrics = of(call.file);
    metrics.llmCalls += 1;
    if (call.tracing.verdict === 'traced') metrics.tracedCalls += 1;
    if (call.tracing.verdict === 'untraced') metrics.untracedCalls += 1;
    if (reached.has(call.file)) metrics.evalCoveredCalls += 1;
  }
  for (const tool of model.tools) of(tool.file).tools += 1;
  for (const set of model.toolSets) {
    const metrics = of(set.file);
    metrics.largestToolSet = Math.max(metrics.largestToolSet, set.count);
  }
  for (const prompt of model.prompts) {
    const metrics = of(prompt.file);
    metrics.prompts += 1;
    metrics.totalPromptTokens += prompt.tokens;
    metrics.largestPromptTokens = Math.max(metrics.largestPromptTokens, prompt.tokens);
  }
  for (const finding of findings) {
    const metrics = of(finding.file);
    metrics.findings[finding.severity] += 1;
    metrics.debtMinutes += finding.effortMinutes;
  }
  return Object.fromEntries([...teams].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
