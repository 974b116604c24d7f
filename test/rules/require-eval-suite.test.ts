import { describe, expect, it } from 'vitest';
import rule from '../../rules/evals/require-eval-suite.js';
import type { AnyRule } from '../../src/rules/define-rule.js';
import { findingsFor } from './rule-tester.js';

const requireEvalSuite = rule as unknown as AnyRule;

const feature = `import OpenAI from 'openai';
const openai = new OpenAI();
export const classifyTicket = (text: string) => openai.responses.create({ model: 'gpt-4.1-mini', input: text });`;

describe('require-eval-suite', () => {
  it('reports a repository with LLM calls and no eval suite, once, at the first call', () => {
    expect(findingsFor(requireEvalSuite, { 'src/classify-ticket.ts': feature }).map(({ file, line, message }) => ({ file, line, message }))).toEqual([
      {
        file: 'src/classify-ticket.ts',
        line: 3,
        message:
          'Expected an eval suite: 1 LLM call(s) and no evals. Add one (evalite, Braintrust Eval, LangSmith evaluate, vitest-evals, promptfoo) for the main LLM feature.',
      },
    ]);
  });

  it('does not report a repository without LLM calls', () => {
    expect(findingsFor(requireEvalSuite, { 'src/math.ts': 'export const add = (a: number, b: number) => a + b;' })).toEqual([]);
  });

  it('does not report a repository with a Braintrust Eval() suite, even one that reaches no feature', () => {
    const files = {
      'src/classify-ticket.ts': feature,
      'evals/tone.eval.ts': `import { Eval } from 'braintrust';
Eval('tone', { data: () => [], task: async (input: string) => input, scores: [] });`,
    };
    expect(findingsFor(requireEvalSuite, files)).toEqual([]);
  });

  it('does not count a file that imports braintrust only to wrap a client as an eval suite', () => {
    const files = {
      'src/classify-ticket.ts': `import OpenAI from 'openai';
import { wrapOpenAI } from 'braintrust';
const openai = wrapOpenAI(new OpenAI());
export const classifyTicket = (text: string) => openai.responses.create({ model: 'gpt-4.1-mini', input: text });`,
    };
    expect(findingsFor(requireEvalSuite, files).map((finding) => finding.ruleId)).toEqual(['require-eval-suite']);
  });
});
