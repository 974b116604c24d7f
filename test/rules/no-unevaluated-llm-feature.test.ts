import { describe, expect, it } from 'vitest';
import rule from '../../rules/evals/no-unevaluated-llm-feature.js';
import type { AnyRule } from '../../src/rules/define-rule.js';
import { findingsFor } from './rule-tester.js';

const noUnevaluatedLlmFeature = rule as unknown as AnyRule;

const summarize = `import OpenAI from 'openai';
const openai = new OpenAI();
export const summarizeTicket = (text: string) => openai.responses.create({ model: 'gpt-4.1-mini', input: text });
export const titleTicket = (text: string) => openai.responses.create({ model: 'gpt-4.1-mini', input: 'Title: ' + text });`;
const reply = `import Anthropic from '@anthropic-ai/sdk';
const anthropic = new Anthropic();
export const draftReply = (text: string) => anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 300, messages: [{ role: 'user', content: text }] });`;
const summarizeEval = `import { evalite } from 'evalite';
import { summarizeTicket } from '../src/summarize';
evalite('summaries', { data: async () => [], task: async (input: string) => String(await summarizeTicket(input)), scorers: [] });`;

describe('no-unevaluated-llm-feature', () => {
  it('reports one finding per feature module that no eval reaches, not one per call', () => {
    const files = { 'src/summarize.ts': summarize, 'src/reply.ts': reply, 'evals/summarize.eval.ts': summarizeEval };
    expect(findingsFor(noUnevaluatedLlmFeature, files).map(({ file, line, message }) => ({ file, line, message }))).toEqual([
      { file: 'src/reply.ts', line: 3, message: 'LLM feature src/reply.ts (1 call(s)) is not reached by any eval suite; add an eval that imports it.' },
    ]);
  });

  it('follows imports through an index module the eval imports', () => {
    const files = {
      'src/summarize.ts': summarize,
      'src/reply.ts': reply,
      'src/index.ts': `export { summarizeTicket } from './summarize';\nexport { draftReply } from './reply';`,
      'evals/all.eval.ts': `import { evalite } from 'evalite';
import { draftReply, summarizeTicket } from '../src/index';
evalite('all', { data: async () => [], task: async (input: string) => String(await summarizeTicket(input)) + String(await draftReply(input)), scorers: [] });`,
    };
    expect(findingsFor(noUnevaluatedLlmFeature, files)).toEqual([]);
  });

  it('stays silent without any eval suite (require-eval-suite reports that once)', () => {
    expect(findingsFor(noUnevaluatedLlmFeature, { 'src/summarize.ts': summarize, 'src/reply.ts': reply })).toEqual([]);
  });
});
