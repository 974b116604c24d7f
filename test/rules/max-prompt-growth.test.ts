import { describe, expect, it } from 'vitest';
import rule from '../../rules/prompts/max-prompt-growth.js';
import type { AnyRule } from '../../src/rules/define-rule.js';
import { resolveRuleSettings } from '../../src/rules/resolve-rule-settings.js';
import { findingsFor } from './rule-tester.js';

const maxPromptGrowth = rule as unknown as AnyRule;
const defaults = { maxGrowthPercent: 25, maxGrowthTokens: null, window: null };

// "refund " is one o200k token, so these instructions have 125 tokens.
const refundsAgent = `import { Agent } from '@openai/agents';
export const refundsAgent = new Agent({ name: 'Refunds', instructions: '${'refund '.repeat(125).trim()}' });`;
const REFUNDS_ID = 'src/example.ts|instructions|openai-agents.Agent';
const NOW = '2026-05-28T09:00:00Z';

const messagesFor = (history: { at: string; prompts: Record<string, { at: string; tokens: number }[]> }, options: object = {}) =>
  findingsFor(maxPromptGrowth, { code: refundsAgent, history }, { ...defaults, ...options }).map((finding) => finding.message);

describe('max-prompt-growth', () => {
  it('does not report without a stored history', () => {
    expect(findingsFor(maxPromptGrowth, refundsAgent)).toEqual([]);
  });

  it('does not report a prompt with no stored sizes (a new prompt is not growth)', () => {
    expect(messagesFor({ at: NOW, prompts: { [REFUNDS_ID]: [] } })).toEqual([]);
    expect(messagesFor({ at: NOW, prompts: { 'src/example.ts|instructions|Billing': [{ at: '2026-01-05T10:00:00Z', tokens: 10 }] } })).toEqual([]);
  });

  it('reports growth over 25% of the first stored size, saying from what to what since when', () => {
    const findings = findingsFor(
      maxPromptGrowth,
      { code: refundsAgent, history: { at: NOW, prompts: { [REFUNDS_ID]: [{ at: '2026-01-05T10:00:00Z', tokens: 99 }, { at: '2026-04-20T08:00:00Z', tokens: 124 }] } } },
      defaults,
    );
    expect(findings.map(({ severity, line, message }) => ({ severity, line, message }))).toEqual([
      {
        severity: 'warning',
        line: 2,
        message:
          'Prompt instructions prompt of openai-agents.Agent grew from 99 to 125 tokens (+26.3%) since 2026-01-05; the limit is +25%. Split it by task or prune stale instructions.',
      },
    ]);
  });

  it('does not report growth of exactly 25% of the first stored size', () => {
    expect(messagesFor({ at: NOW, prompts: { [REFUNDS_ID]: [{ at: '2026-01-05T10:00:00Z', tokens: 100 }, { at: '2026-04-20T08:00:00Z', tokens: 80 }] } })).toEqual([]);
  });

  it('names the constant a prompt comes from', () => {
    const [invalid] = maxPromptGrowth.examples.invalid;
    expect(findingsFor(maxPromptGrowth, invalid!).map((finding) => finding.message)).toEqual([
      'Prompt SUPPORT_PROMPT grew from 34 to 89 tokens (+161.8%) since 2026-01-12; the limit is +25%. Split it by task or prune stale instructions.',
    ]);
  });

  it('does not report a shrinking prompt', () => {
    expect(messagesFor({ at: NOW, prompts: { [REFUNDS_ID]: [{ at: '2026-01-05T10:00:00Z', tokens: 200 }] } })).toEqual([]);
  });

  it('reports any growth from an empty stored prompt', () => {
    expect(messagesFor({ at: NOW, prompts: { [REFUNDS_ID]: [{ at: '2026-01-05T10:00:00Z', tokens: 0 }] } })).toEqual([
      'Prompt instructions prompt of openai-agents.Agent grew from 0 to 125 tokens since 2026-01-05. Split it by task or prune stale instructions.',
    ]);
  });

  it('honours a lower percentage', () => {
    const history = { at: NOW, prompts: { [REFUNDS_ID]: [{ at: '2026-01-05T10:00:00Z', tokens: 110 }] } };
    expect(messagesFor(history, { maxGrowthPercent: 10 })).toEqual([
      'Prompt instructions prompt of openai-agents.Agent grew from 110 to 125 tokens (+13.7%) since 2026-01-05; the limit is +10%. Split it by task or prune stale instructions.',
    ]);
    expect(messagesFor(history, { maxGrowthPercent: 15 })).toEqual([]);
  });

  describe('with a window', () => {
    // 12 weeks before NOW is 2026-03-05T09:00:00Z.
    const samples = [
      { at: '2026-01-05T10:00:00Z', tokens: 60 },
      { at: '2026-02-16T10:00:00Z', tokens: 90 },
      { at: '2026-04-20T08:00:00Z', tokens: 120 },
    ];

    it('reports growth since the newest size at least the window old', () => {
      expect(messagesFor({ at: NOW, prompts: { [REFUNDS_ID]: samples } }, { window: '12w' })).toEqual([
        'Prompt instructions prompt of openai-agents.Agent grew from 90 to 125 tokens (+38.9%) since 2026-02-16; the limit is +25%. Split it by task or prune stale instructions.',
      ]);
    });

    it('counts a size stored exactly the window ago and not one a second later', () => {
      const atCutoff = [samples[0]!, { at: '2026-03-05T09:00:00Z', tokens: 110 }, samples[2]!];
      expect(messagesFor({ at: NOW, prompts: { [REFUNDS_ID]: atCutoff } }, { window: '12w' })).toEqual([]);
      const justAfter = [samples[0]!, { at: '2026-03-05T09:00:01Z', tokens: 110 }, samples[2]!];
      expect(messagesFor({ at: NOW, prompts: { [REFUNDS_ID]: justAfter } }, { window: '12w' })).toEqual([
        'Prompt instructions prompt of openai-agents.Agent grew from 60 to 125 tokens (+108.4%) since 2026-01-05; the limit is +25%. Split it by task or prune stale instructions.',
      ]);
    });

    it('reads days and hours as well as weeks', () => {
      expect(messagesFor({ at: NOW, prompts: { [REFUNDS_ID]: samples } }, { window: '30d' })).toEqual([]);
      expect(messagesFor({ at: NOW, prompts: { [REFUNDS_ID]: samples } }, { window: '2016h' })).toEqual([
        'Prompt instructions prompt of openai-agents.Agent grew from 90 to 125 tokens (+38.9%) since 2026-02-16; the limit is +25%. Split it by task or prune stale instructions.',
      ]);
    });

    it('falls back to the oldest size when none is the window old', () => {
      expect(messagesFor({ at: NOW, prompts: { [REFUNDS_ID]: samples } }, { window: '52w' })).toEqual([
        'Prompt instructions prompt of openai-agents.Agent grew from 60 to 125 tokens (+108.4%) since 2026-01-05; the limit is +25%. Split it by task or prune stale instructions.',
      ]);
    });
  });

  describe('with maxGrowthTokens', () => {
    const history = { at: NOW, prompts: { [REFUNDS_ID]: [{ at: '2026-01-05T10:00:00Z', tokens: 105 }] } };

    it('does not report growth within both limits', () => {
      expect(messagesFor(history)).toEqual([]);
      expect(messagesFor(history, { maxGrowthTokens: 20 })).toEqual([]);
    });

    it('reports growth over the tokens limit even within the percentage', () => {
      expect(messagesFor(history, { maxGrowthTokens: 19 })).toEqual([
        'Prompt instructions prompt of openai-agents.Agent grew from 105 to 125 tokens (+20) since 2026-01-05; the limit is +19 tokens. Split it by task or prune stale instructions.',
      ]);
    });

    it('reports growth over both limits once, with the percentage', () => {
      expect(messagesFor({ at: NOW, prompts: { [REFUNDS_ID]: [{ at: '2026-01-05T10:00:00Z', tokens: 50 }] } }, { maxGrowthTokens: 19 })).toEqual([
        'Prompt instructions prompt of openai-agents.Agent grew from 50 to 125 tokens (+150%) since 2026-01-05; the limit is +25%. Split it by task or prune stale instructions.',
      ]);
    });
  });

  it('keeps the fingerprint when the prompt moves down', () => {
    const history = { at: NOW, prompts: { [REFUNDS_ID]: [{ at: '2026-01-05T10:00:00Z', tokens: 50 }] } };
    const [before] = findingsFor(maxPromptGrowth, { code: refundsAgent, history }, defaults);
    const [after] = findingsFor(maxPromptGrowth, { code: `\n\n${refundsAgent}`, history }, defaults);
    expect(after?.line).toBe(4);
    expect(after?.fingerprint).toBe(before?.fingerprint);
  });

  it('accepts partial options merged with the defaults', () => {
    for (const given of [{ window: '90d' }, { window: '12w', maxGrowthTokens: 500 }, { maxGrowthPercent: 12.5 }]) {
      expect(maxPromptGrowth.options.safeParse({ ...defaults, ...given }).success).toBe(true);
    }
  });

  it('rejects invalid options', () => {
    const invalid = [
      { maxGrowthPercent: 0 },
      { maxGrowthPercent: -10 },
      { maxGrowthPercent: '25%' },
      { maxGrowthTokens: 0 },
      { maxGrowthTokens: 1.5 },
      { window: '0d' },
      { window: '12 weeks' },
      { window: '3m' },
      { window: '' },
      { windowDays: 90 },
    ];
    for (const given of invalid) {
      expect(maxPromptGrowth.options.safeParse({ ...defaults, ...given }).success, JSON.stringify(given)).toBe(false);
    }
  });

  it('names the bad key of an invalid window in the config error', () => {
    expect(() => resolveRuleSettings([maxPromptGrowth], { 'max-prompt-growth': ['warning', { window: '12 weeks' }] })).toThrow(
      'rules.max-prompt-growth.window: expected a duration such as 12w, 90d or 48h',
    );
  });
});
