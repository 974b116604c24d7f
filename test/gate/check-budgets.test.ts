import { describe, expect, it } from 'vitest';
import { configSchema, type GateSettings } from '../../src/config/config-schema.js';
import { checkBudgets, type MetricsSide, metricsSideOf } from '../../src/gate/check-budgets.js';
import type { Prompt, ToolSet } from '../../src/model/repo-model.js';
import type { ScanReport } from '../../src/model/report.js';
import { sampleReport } from '../report/sample-report.js';

function gateSettings(gate: Record<string, unknown>): GateSettings {
  return configSchema.parse({ gate }).gate;
}

/** A side that breaks nothing unless a test says otherwise. */
function side(metrics: Partial<MetricsSide['metrics']>, rest: Omit<Partial<MetricsSide>, 'metrics'> = {}): MetricsSide {
  return { metrics: { largestToolSet: 6, largestPromptTokens: 900, evalCoverage: 1, tracedShare: 1, ...metrics }, prompts: [], ...rest };
}

const supportAgentTools = { file: 'src/agents/support bot.ts', line: 7 };
const supportPromptAt = { file: 'src/prompts/support.ts', line: 3 };

describe('checkBudgets: maxLargestToolSet', () => {
  const settings = gateSettings({ budgets: { maxLargestToolSet: 15 } });

  it('reports a tool set larger than the budget, at the largest tool set', () => {
    expect(checkBudgets(settings, undefined, side({ largestToolSet: 16 }, { largestToolSetAt: supportAgentTools }))).toEqual([
      {
        id: 'budget/max-largest-tool-set',
        severity: 'error',
        metric: 'largestToolSet',
        limit: 15,
        after: 16,
        file: 'src/agents/support bot.ts',
        line: 7,
        message: 'The largest tool set has 16 tools; the budget (gate.budgets) is 15.',
      },
    ]);
  });

  it('accepts a tool set of exactly the budget', () => {
    expect(checkBudgets(settings, undefined, side({ largestToolSet: 15 }, { largestToolSetAt: supportAgentTools }))).toEqual([]);
  });

  it('accepts a tool set that already broke the budget before and did not grow', () => {
    expect(checkBudgets(settings, side({ largestToolSet: 23 }), side({ largestToolSet: 23 }))).toEqual([]);
  });

  it('accepts a tool set that already broke the budget and shrank but is still over it', () => {
    expect(checkBudgets(settings, side({ largestToolSet: 23 }), side({ largestToolSet: 18 }))).toEqual([]);
  });

  it('reports a tool set that already broke the budget and grew, with before and after', () => {
    expect(checkBudgets(settings, side({ largestToolSet: 20 }), side({ largestToolSet: 23 }, { largestToolSetAt: supportAgentTools }))).toEqual([
      {
        id: 'budget/max-largest-tool-set',
        severity: 'error',
        metric: 'largestToolSet',
        limit: 15,
        before: 20,
        after: 23,
        file: 'src/agents/support bot.ts',
        line: 7,
        message: 'The largest tool set has 23 tools; the budget (gate.budgets) is 15, before 20.',
      },
    ]);
  });

  it('reports a tool set that was within the budget before and is over it now, with its earlier size', () => {
    expect(checkBudgets(settings, side({ largestToolSet: 15 }), side({ largestToolSet: 16 }))).toEqual([
      {
        id: 'budget/max-largest-tool-set',
        severity: 'error',
        metric: 'largestToolSet',
        limit: 15,
        before: 15,
        after: 16,
        message: 'The largest tool set has 16 tools; the budget (gate.budgets) is 15, before 15.',
      },
    ]);
  });

  it('checks nothing without the budget', () => {
    expect(checkBudgets(gateSettings({}), undefined, side({ largestToolSet: 80, largestPromptTokens: 50_000, evalCoverage: 0, tracedShare: 0 }))).toEqual([]);
  });
});

describe('checkBudgets: maxLargestPromptTokens', () => {
  const settings = gateSettings({ budgets: { maxLargestPromptTokens: 4000 } });

  it('reports a prompt larger than the budget, at the largest prompt', () => {
    expect(checkBudgets(settings, undefined, side({ largestPromptTokens: 6120 }, { largestPromptAt: supportPromptAt }))).toEqual([
      {
        id: 'budget/max-largest-prompt-tokens',
        severity: 'error',
        metric: 'largestPromptTokens',
        limit: 4000,
        after: 6120,
        file: 'src/prompts/support.ts',
        line: 3,
        message: 'The largest prompt has 6120 tokens; the budget (gate.budgets) is 4000.',
      },
    ]);
  });

  it('accepts a prompt of exactly the budget', () => {
    expect(checkBudgets(settings, undefined, side({ largestPromptTokens: 4000 }, { largestPromptAt: supportPromptAt }))).toEqual([]);
  });

  it('reports a prompt that was already over the budget and grew', () => {
    expect(checkBudgets(settings, side({ largestPromptTokens: 6120 }), side({ largestPromptTokens: 6121 }))).toEqual([
      {
        id: 'budget/max-largest-prompt-tokens',
        severity: 'error',
        metric: 'largestPromptTokens',
        limit: 4000,
        before: 6120,
        after: 6121,
        message: 'The largest prompt has 6121 tokens; the budget (gate.budgets) is 4000, before 6120.',
      },
    ]);
  });
});

describe('checkBudgets: minEvalCoverage', () => {
  const settings = gateSettings({ budgets: { minEvalCoverage: 0.8 } });

  it('reports eval coverage below the budget, in percent', () => {
    expect(checkBudgets(settings, undefined, side({ evalCoverage: 0.5 }))).toEqual([
      {
        id: 'budget/min-eval-coverage',
        severity: 'error',
        metric: 'evalCoverage',
        limit: 0.8,
        after: 0.5,
        message: 'Eval coverage is 50%; the budget (gate.budgets) is at least 80%.',
      },
    ]);
  });

  it('accepts eval coverage of exactly the budget (4 of 5 calls)', () => {
    expect(checkBudgets(settings, undefined, side({ evalCoverage: 4 / 5 }))).toEqual([]);
  });

  it('skips the budget when there are no LLM calls (coverage null)', () => {
    expect(checkBudgets(settings, undefined, side({ evalCoverage: null }))).toEqual([]);
  });

  it('accepts coverage that was already below the budget and did not drop', () => {
    expect(checkBudgets(settings, side({ evalCoverage: 0.5 }), side({ evalCoverage: 0.5 }))).toEqual([]);
  });

  it('reports coverage that was already below the budget and dropped, with before and after', () => {
    expect(checkBudgets(settings, side({ evalCoverage: 0.5 }), side({ evalCoverage: 0.25 }))).toEqual([
      {
        id: 'budget/min-eval-coverage',
        severity: 'error',
        metric: 'evalCoverage',
        limit: 0.8,
        before: 0.5,
        after: 0.25,
        message: 'Eval coverage is 25%; the budget (gate.budgets) is at least 80%, before 50%.',
      },
    ]);
  });

  it('reports coverage below the budget when the earlier side had no LLM calls, with before null', () => {
    expect(checkBudgets(settings, side({ evalCoverage: null }), side({ evalCoverage: 0.5 }))).toEqual([
      {
        id: 'budget/min-eval-coverage',
        severity: 'error',
        metric: 'evalCoverage',
        limit: 0.8,
        before: null,
        after: 0.5,
        message: 'Eval coverage is 50%; the budget (gate.budgets) is at least 80%.',
      },
    ]);
  });
});

describe('checkBudgets: minTracedShare', () => {
  const settings = gateSettings({ budgets: { minTracedShare: 0.75 } });

  it('reports a traced share below the budget, rounded to a tenth of a percent', () => {
    expect(checkBudgets(settings, undefined, side({ tracedShare: 2 / 3 }))).toEqual([
      {
        id: 'budget/min-traced-share',
        severity: 'error',
        metric: 'tracedShare',
        limit: 0.75,
        after: 2 / 3,
        message: 'The traced share of LLM calls is 66.7%; the budget (gate.budgets) is at least 75%.',
      },
    ]);
  });

  it('accepts a traced share of exactly the budget (3 of 4 calls)', () => {
    expect(checkBudgets(settings, undefined, side({ tracedShare: 3 / 4 }))).toEqual([]);
  });

  it('accepts a traced share that was already below the budget and rose but is still under it', () => {
    expect(checkBudgets(settings, side({ tracedShare: 0.5 }), side({ tracedShare: 0.6 }))).toEqual([]);
  });

  it('reports a traced share that was already below the budget and dropped, with before and after', () => {
    expect(checkBudgets(settings, side({ tracedShare: 0.5 }), side({ tracedShare: 0.4 }))).toEqual([
      {
        id: 'budget/min-traced-share',
        severity: 'error',
        metric: 'tracedShare',
        limit: 0.75,
        before: 0.5,
        after: 0.4,
        message: 'The traced share of LLM calls is 40%; the budget (gate.budgets) is at least 75%, before 50%.',
      },
    ]);
  });
});

describe('checkBudgets: all budgets at once', () => {
  it('reports every broken budget in the order tool set, prompt, eval coverage, traced share', () => {
    const settings = gateSettings({ budgets: { maxLargestToolSet: 15, maxLargestPromptTokens: 4000, minEvalCoverage: 0.8, minTracedShare: 0.75 } });
    const after = side({ largestToolSet: 23, largestPromptTokens: 6120, evalCoverage: 0, tracedShare: 1 / 3 });
    expect(checkBudgets(settings, undefined, after).map((violation) => violation.message)).toEqual([
      'The largest tool set has 23 tools; the budget (gate.budgets) is 15.',
      'The largest prompt has 6120 tokens; the budget (gate.budgets) is 4000.',
      'Eval coverage is 0%; the budget (gate.budgets) is at least 80%.',
      'The traced share of LLM calls is 33.3%; the budget (gate.budgets) is at least 75%.',
    ]);
  });
});

describe('checkBudgets: ratchets on eval coverage and traced share', () => {
  const bothRatchets = gateSettings({ ratchets: { evalCoverage: true, tracedShare: true } });

  it('reports eval coverage that dropped, with the earlier value as the limit', () => {
    expect(checkBudgets(bothRatchets, side({ evalCoverage: 0.75 }), side({ evalCoverage: 0.5 }))).toEqual([
      {
        id: 'ratchet/eval-coverage',
        severity: 'error',
        metric: 'evalCoverage',
        limit: 0.75,
        before: 0.75,
        after: 0.5,
        message: 'Eval coverage fell from 75% to 50%; it may not drop (gate.ratchets.evalCoverage).',
      },
    ]);
  });

  it('reports a traced share that dropped', () => {
    expect(checkBudgets(bothRatchets, side({ tracedShare: 0.9 }), side({ tracedShare: 0.8 }))).toEqual([
      {
        id: 'ratchet/traced-share',
        severity: 'error',
        metric: 'tracedShare',
        limit: 0.9,
        before: 0.9,
        after: 0.8,
        message: 'The traced share of LLM calls fell from 90% to 80%; it may not drop (gate.ratchets.tracedShare).',
      },
    ]);
  });

  it('accepts an equal share computed from other counts (2 of 3 calls, then 4 of 6)', () => {
    expect(checkBudgets(bothRatchets, side({ evalCoverage: 2 / 3, tracedShare: 2 / 3 }), side({ evalCoverage: 4 / 6, tracedShare: 4 / 6 }))).toEqual([]);
  });

  it('accepts a share that differs from the earlier one by floating-point rounding only (0.1 × 7 against 7 / 10)', () => {
    expect(0.1 * 7).toBeGreaterThan(7 / 10);
    expect(checkBudgets(bothRatchets, side({ tracedShare: 0.1 * 7 }), side({ tracedShare: 7 / 10 }))).toEqual([]);
  });

  it('reports a drop of one call in a thousand', () => {
    expect(checkBudgets(bothRatchets, side({ tracedShare: 1000 / 1000 }), side({ tracedShare: 999 / 1000 })).map((violation) => violation.id)).toEqual([
      'ratchet/traced-share',
    ]);
  });

  it('accepts a share that rose', () => {
    expect(checkBudgets(bothRatchets, side({ evalCoverage: 0.5, tracedShare: 0.5 }), side({ evalCoverage: 0.6, tracedShare: 0.9 }))).toEqual([]);
  });

  it('skips the ratchets without an earlier side (a baseline file)', () => {
    expect(checkBudgets(bothRatchets, undefined, side({ evalCoverage: 0, tracedShare: 0 }))).toEqual([]);
  });

  it('skips a ratchet when either side has no LLM calls', () => {
    expect(checkBudgets(bothRatchets, side({ evalCoverage: null, tracedShare: 0.9 }), side({ evalCoverage: 0.2, tracedShare: null }))).toEqual([]);
  });

  it('does not ratchet by default', () => {
    expect(checkBudgets(gateSettings({}), side({ evalCoverage: 0.9, tracedShare: 0.9 }), side({ evalCoverage: 0.1, tracedShare: 0.1 }))).toEqual([]);
  });

  it('ratchets only the share that is switched on', () => {
    const tracedOnly = gateSettings({ ratchets: { tracedShare: true } });
    expect(checkBudgets(tracedOnly, side({ evalCoverage: 0.9, tracedShare: 0.9 }), side({ evalCoverage: 0.1, tracedShare: 0.1 })).map((violation) => violation.id)).toEqual([
      'ratchet/traced-share',
    ]);
  });
});

describe('checkBudgets: maxPromptGrowthPercent', () => {
  const settings = gateSettings({ ratchets: { maxPromptGrowthPercent: 10 } });
  const supportPrompt = (tokens: number) => ({ id: 'src/prompts/support.ts#SUPPORT_PROMPT', file: 'src/prompts/support.ts', line: 3, name: 'SUPPORT_PROMPT', tokens });
  const triageTemplate = (tokens: number) => ({ id: 'src/prompts/triage.ts#template:ChatPromptTemplate', file: 'src/prompts/triage.ts', line: 11, tokens });

  it('reports a prompt that grew by more than the percent, at the prompt, with tokens before and after', () => {
    expect(checkBudgets(settings, side({}, { prompts: [supportPrompt(1000)] }), side({}, { prompts: [supportPrompt(1150)] }))).toEqual([
      {
        id: 'ratchet/prompt-growth',
        severity: 'error',
        metric: 'promptTokens',
        limit: 10,
        before: 1000,
        after: 1150,
        file: 'src/prompts/support.ts',
        line: 3,
        message: 'Prompt SUPPORT_PROMPT grew by 15% (1000 → 1150 tokens); at most 10% is allowed (gate.ratchets.maxPromptGrowthPercent).',
      },
    ]);
  });

  it('accepts a prompt that grew by exactly the percent', () => {
    expect(checkBudgets(settings, side({}, { prompts: [supportPrompt(1000)] }), side({}, { prompts: [supportPrompt(1100)] }))).toEqual([]);
  });

  it('accepts growth of exactly the percent where floating point would overshoot (100 → 107 tokens at 7%)', () => {
    const sevenPercent = gateSettings({ ratchets: { maxPromptGrowthPercent: 7 } });
    expect(checkBudgets(sevenPercent, side({}, { prompts: [supportPrompt(100)] }), side({}, { prompts: [supportPrompt(107)] }))).toEqual([]);
  });

  it('says 10.1% rather than a rounded 10% when 1000 → 1101 tokens breaks a 10% limit', () => {
    const [violation] = checkBudgets(settings, side({}, { prompts: [supportPrompt(1000)] }), side({}, { prompts: [supportPrompt(1101)] }));
    expect(violation?.message).toBe('Prompt SUPPORT_PROMPT grew by 10.1% (1000 → 1101 tokens); at most 10% is allowed (gate.ratchets.maxPromptGrowthPercent).');
  });

  it('reports a prompt that grew by one token more than the percent allows', () => {
    const violations = checkBudgets(settings, side({}, { prompts: [supportPrompt(1000)] }), side({}, { prompts: [supportPrompt(1101)] }));
    expect(violations.map(({ id, before, after }) => ({ id, before, after }))).toEqual([{ id: 'ratchet/prompt-growth', before: 1000, after: 1101 }]);
  });

  it('names a prompt without a constant by its id', () => {
    expect(checkBudgets(settings, side({}, { prompts: [triageTemplate(200)] }), side({}, { prompts: [triageTemplate(300)] })).map((violation) => violation.message)).toEqual([
      'Prompt src/prompts/triage.ts#template:ChatPromptTemplate grew by 50% (200 → 300 tokens); at most 10% is allowed (gate.ratchets.maxPromptGrowthPercent).',
    ]);
  });

  it('skips a prompt that is new, and one that had no static tokens before', () => {
    expect(checkBudgets(settings, side({}, { prompts: [triageTemplate(0)] }), side({}, { prompts: [supportPrompt(5000), triageTemplate(400)] }))).toEqual([]);
  });

  it('accepts a prompt that shrank', () => {
    expect(checkBudgets(settings, side({}, { prompts: [supportPrompt(1000)] }), side({}, { prompts: [supportPrompt(400)] }))).toEqual([]);
  });

  it('skips prompt growth without an earlier side', () => {
    expect(checkBudgets(settings, undefined, side({}, { prompts: [supportPrompt(1150)] }))).toEqual([]);
  });
});

function prompt(file: string, line: number, name: string, tokens: number): Prompt {
  return {
    file,
    line,
    name,
    definedIn: file,
    role: 'system',
    usedBy: 'openai.chat.completions.create',
    textHash: '0f1e2d3c4b5a6978',
    characters: tokens * 4,
    tokens,
    sections: 2,
    numberedRules: 0,
    variables: [],
    parts: 1,
    id: `${file}#${name}`,
  };
}

function toolSet(file: string, line: number, count: number): ToolSet {
  return { file, line, holder: 'openai-agents.Agent', toolIds: [], count, isComplete: false };
}

describe('metricsSideOf', () => {
  it('takes the metrics and prompts of a scan and the places of its largest tool set and prompt', () => {
    const triagePrompt = prompt('src/prompts/triage.ts', 5, 'TRIAGE_PROMPT', 800);
    const supportPrompt = prompt('src/prompts/support.ts', 3, 'SUPPORT_PROMPT', 6120);
    const report: ScanReport = {
      ...sampleReport,
      inventory: {
        ...sampleReport.inventory,
        prompts: [triagePrompt, supportPrompt],
        toolSets: [toolSet('src/agents/router.ts', 12, 4), toolSet('src/agents/support bot.ts', 7, 23), toolSet('src/agents/billing.ts', 30, 9)],
      },
    };
    expect(metricsSideOf(report)).toEqual({
      metrics: sampleReport.metrics,
      prompts: [triagePrompt, supportPrompt],
      largestToolSetAt: { file: 'src/agents/support bot.ts', line: 7 },
      largestPromptAt: { file: 'src/prompts/support.ts', line: 3 },
    });
  });

  it('places a tie at the first of the equally large tool sets and prompts', () => {
    const report: ScanReport = {
      ...sampleReport,
      inventory: {
        ...sampleReport.inventory,
        prompts: [prompt('src/prompts/triage.ts', 5, 'TRIAGE_PROMPT', 800), prompt('src/prompts/escalate.ts', 9, 'ESCALATE_PROMPT', 800)],
        toolSets: [toolSet('src/agents/router.ts', 12, 9), toolSet('src/agents/billing.ts', 30, 9)],
      },
    };
    const { largestToolSetAt, largestPromptAt } = metricsSideOf(report);
    expect({ largestToolSetAt, largestPromptAt }).toEqual({
      largestToolSetAt: { file: 'src/agents/router.ts', line: 12 },
      largestPromptAt: { file: 'src/prompts/triage.ts', line: 5 },
    });
  });

  it('leaves out the places when the scan found no tool sets and no prompts', () => {
    const report: ScanReport = { ...sampleReport, inventory: { ...sampleReport.inventory, prompts: [], toolSets: [] } };
    expect(metricsSideOf(report)).toStrictEqual({ metrics: sampleReport.metrics, prompts: [] });
  });

  it('feeds checkBudgets the place of the largest tool set of a real scan', () => {
    const violations = checkBudgets(gateSettings({ budgets: { maxLargestToolSet: 15 } }), undefined, metricsSideOf(sampleReport));
    expect(violations).toEqual([
      {
        id: 'budget/max-largest-tool-set',
        severity: 'error',
        metric: 'largestToolSet',
        limit: 15,
        after: 23,
        file: 'src/agents/support bot.ts',
        line: 7,
        message: 'The largest tool set has 23 tools; the budget (gate.budgets) is 15.',
      },
    ]);
  });
});
