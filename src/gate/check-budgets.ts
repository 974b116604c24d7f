import type { GateSettings } from '../config/config-schema.js';
import type { BudgetViolation } from '../model/gate.js';
import type { Metrics, ScanReport } from '../model/report.js';

/** A place in the code a metric is about. */
interface Place {
  file: string;
  line: number;
}

/** The metrics budgets and ratchets read, on one side of a comparison. */
export interface MetricsSide {
  metrics: Pick<Metrics, 'largestToolSet' | 'largestPromptTokens' | 'evalCoverage' | 'tracedShare'>;
  prompts: readonly { id: string; file: string; line: number; name?: string; tokens: number }[];
  /** Where the largest tool set and the largest prompt are, for annotations. */
  largestToolSetAt?: Place;
  largestPromptAt?: Place;
}

export function metricsSideOf(report: ScanReport): MetricsSide {
  const { toolSets, prompts } = report.inventory;
  const largestSet = toolSets.reduce<(typeof toolSets)[number] | undefined>((best, set) => (best && best.count >= set.count ? best : set), undefined);
  const largestPrompt = prompts.reduce<(typeof prompts)[number] | undefined>((best, prompt) => (best && best.tokens >= prompt.tokens ? best : prompt), undefined);
  return {
    metrics: report.metrics,
    prompts,
    ...(largestSet ? { largestToolSetAt: { file: largestSet.file, line: largestSet.line } } : {}),
    ...(largestPrompt ? { largestPromptAt: { file: largestPrompt.file, line: largestPrompt.line } } : {}),
  };
}

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

/**
 * The budgets and ratchets of `gate` that `after` breaks. An absolute budget that the earlier
 * side already broke only counts when `after` is worse still: old debt does not block a change.
 * Ratchets need an earlier side and are skipped without one. Pure.
 */
export function checkBudgets(settings: GateSettings, before: MetricsSide | undefined, after: MetricsSide): BudgetViolation[] {
  const violations: BudgetViolation[] = [];
  const { budgets, ratchets } = settings;

  const maximum = (id: string, metric: 'largestToolSet' | 'largestPromptTokens', limit: number | undefined, what: (value: number) => string, at?: Place) => {
    if (limit === undefined) return;
    const value = after.metrics[metric];
    const previous = before?.metrics[metric];
    if (value <= limit || (previous !== undefined && previous > limit && value <= previous)) return;
    violations.push({
      id,
      severity: 'error',
      metric,
      limit,
      after: value,
      ...(previous === undefined ? {} : { before: previous }),
      ...at,
      message: `${what(value)}; the budget (gate.budgets) is ${limit}${previous === undefined ? '' : `, before ${previous}`}.`,
    });
  };
  maximum('budget/max-largest-tool-set', 'largestToolSet', budgets.maxLargestToolSet, (value) => `The largest tool set has ${value} tools`, after.largestToolSetAt);
  maximum('budget/max-largest-prompt-tokens', 'largestPromptTokens', budgets.maxLargestPromptTokens, (value) => `The largest prompt has ${value} tokens`, after.largestPromptAt);

  const minimum = (id: string, metric: 'evalCoverage' | 'tracedShare', limit: number | undefined, what: string) => {
    const value = after.metrics[metric];
    if (limit === undefined || value === null) return;
    const previous = before?.metrics[metric];
    if (value >= limit || (previous != null && previous < limit && value >= previous)) return;
    violations.push({
      id,
      severity: 'error',
      metric,
      limit,
      after: value,
      ...(previous === undefined ? {} : { before: previous }),
      message: `${what} is ${percent(value)}; the budget (gate.budgets) is at least ${percent(limit)}${previous == null ? '' : `, before ${percent(previous)}`}.`,
    });
  };
  minimum('budget/min-eval-coverage', 'evalCoverage', budgets.minEvalCoverage, 'Eval coverage');
  minimum('budget/min-traced-share', 'tracedShare', budgets.minTracedShare, 'The traced share of LLM calls');

  if (!before) return violations;
  const noDrop = (id: string, metric: 'evalCoverage' | 'tracedShare', isOn: boolean, what: string, key: string) => {
    const value = after.metrics[metric];
    const previous = before.metrics[metric];
    // A tiny tolerance: shares are ratios of counts, and 2/3 must equal 4/6.
    if (!isOn || value === null || previous === null || value >= previous - 1e-9) return;
    violations.push({
      id,
      severity: 'error',
      metric,
      limit: previous,
      before: previous,
      after: value,
      message: `${what} fell from ${percent(previous)} to ${percent(value)}; it may not drop (gate.ratchets.${key}).`,
    });
  };
  noDrop('ratchet/eval-coverage', 'evalCoverage', ratchets.evalCoverage, 'Eval coverage', 'evalCoverage');
  noDrop('ratchet/traced-share', 'tracedShare', ratchets.tracedShare, 'The traced share of LLM calls', 'tracedShare');

  const maxGrowth = ratchets.maxPromptGrowthPercent;
  if (maxGrowth !== undefined) {
    const earlier = new Map(before.prompts.map((prompt) => [prompt.id, prompt.tokens]));
    for (const prompt of after.prompts) {
      const previous = earlier.get(prompt.id);
      if (previous === undefined || previous === 0) continue;
      // Compared in whole numbers: (107 - 100) / 100 * 100 is 7.000000000000001 in floating point.
      if ((prompt.tokens - previous) * 100 <= maxGrowth * previous) continue;
      const growth = ((prompt.tokens - previous) / previous) * 100;
      violations.push({
        id: 'ratchet/prompt-growth',
        severity: 'error',
        metric: 'promptTokens',
        limit: maxGrowth,
        before: previous,
        after: prompt.tokens,
        file: prompt.file,
        line: prompt.line,
        message: `Prompt ${prompt.name ?? prompt.id} grew by ${Math.round(growth * 10) / 10}% (${previous} → ${prompt.tokens} tokens); at most ${maxGrowth}% is allowed (gate.ratchets.maxPromptGrowthPercent).`,
      });
    }
  }
  return violations;
}
