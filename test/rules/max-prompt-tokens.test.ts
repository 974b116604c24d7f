import { describe, expect, it } from 'vitest';
import rule from '../../rules/prompts/max-prompt-tokens.js';
import type { AnyRule } from '../../src/rules/define-rule.js';
import { findingsFor } from './rule-tester.js';

const maxPromptTokens = rule as unknown as AnyRule;

// "refund " is one o200k token, so a prompt of N repetitions has N tokens.
const agentWithInstructions = (words: number) => `import { Agent } from '@openai/agents';
export const refundsAgent = new Agent({ name: 'Refunds', instructions: '${'refund '.repeat(words).trim()}' });`;

describe('max-prompt-tokens', () => {
  it('does not report instructions of 2,000 tokens', () => {
    expect(findingsFor(maxPromptTokens, agentWithInstructions(2000))).toEqual([]);
  });

  it('reports instructions of 2,001 tokens as a warning naming the holder', () => {
    expect(findingsFor(maxPromptTokens, agentWithInstructions(2001)).map(({ severity, message, line }) => ({ severity, message, line }))).toEqual([
      {
        severity: 'warning',
        line: 2,
        message:
          'Prompt instructions prompt of openai-agents.Agent has 2001 tokens; the limit is 2000. Split it by task or move reference text to retrieval.',
      },
    ]);
  });

  it('reports a prompt over 8,000 tokens as an error', () => {
    expect(findingsFor(maxPromptTokens, agentWithInstructions(8001)).map(({ severity }) => severity)).toEqual(['error']);
  });

  it('names the constant a system prompt comes from and honours a lower limit', () => {
    const code = `import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';
const TRIAGE_PROMPT = 'You triage support tickets into billing, bug or question and answer with one word.';
export const triage = (ticket: string) => generateText({ model: openai('gpt-4o-mini'), system: TRIAGE_PROMPT, prompt: ticket });`;
    expect(findingsFor(maxPromptTokens, code, { warning: 10, error: 100 }).map((finding) => finding.message)).toEqual([
      'Prompt TRIAGE_PROMPT has 17 tokens; the limit is 10. Split it by task or move reference text to retrieval.',
    ]);
    expect(findingsFor(maxPromptTokens, code, { warning: 17, error: 100 })).toEqual([]);
  });

  it('keeps the fingerprint when the prompt moves down', () => {
    const [before] = findingsFor(maxPromptTokens, agentWithInstructions(2001));
    const [after] = findingsFor(maxPromptTokens, `\n\n${agentWithInstructions(2001)}`);
    expect(after?.line).toBe(4);
    expect(after?.fingerprint).toBe(before?.fingerprint);
  });
});
