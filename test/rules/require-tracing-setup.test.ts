import { describe, expect, it } from 'vitest';
import rule from '../../rules/tracing/require-tracing-setup.js';
import type { AnyRule } from '../../src/rules/define-rule.js';
import { findingsFor } from './rule-tester.js';

const requireTracingSetup = rule as unknown as AnyRule;

describe('require-tracing-setup', () => {
  it('reports a repository whose only LLM calls are all untraced, once, at the first call', () => {
    const files = {
      'src/draft-reply.ts': `import Anthropic from '@anthropic-ai/sdk';
const anthropic = new Anthropic();
export const draftReply = (ticket: string) => anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 512, messages: [] });`,
      'src/summarize.ts': `import OpenAI from 'openai';
const openai = new OpenAI();
export const summarize = (text: string) => openai.responses.create({ model: 'gpt-4o-mini', input: text });`,
    };
    expect(findingsFor(requireTracingSetup, files).map(({ file, line, message }) => ({ file, line, message }))).toEqual([
      {
        file: 'src/draft-reply.ts',
        line: 3,
        message:
          'Expected LLM tracing: 2 LLM call(s) and no tracing at all. Set up one tracing library (LangSmith, Langfuse, OpenTelemetry/OpenLLMetry, Braintrust) for the whole service.',
      },
    ]);
  });

  it('does not report a repository with no LLM calls', () => {
    expect(findingsFor(requireTracingSetup, `export const add = (a: number, b: number) => a + b;`)).toEqual([]);
  });

  it('does not report a repository where one call of several is traced', () => {
    const files = {
      'src/draft-reply.ts': `import Anthropic from '@anthropic-ai/sdk';
import { traceable } from 'langsmith/traceable';
const anthropic = new Anthropic();
export const draftReply = traceable((ticket: string) => anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 512, messages: [] }));`,
      'src/summarize.ts': `import OpenAI from 'openai';
const openai = new OpenAI();
export const summarize = (text: string) => openai.responses.create({ model: 'gpt-4o-mini', input: text });`,
    };
    expect(findingsFor(requireTracingSetup, files)).toEqual([]);
  });

  it('does not report a repository with an OpenTelemetry exporter set up even when calls are untraced', () => {
    const files = {
      'src/instrumentation.ts': `import { NodeSDK } from '@opentelemetry/sdk-node';
new NodeSDK({}).start();`,
      'src/summarize.ts': `import OpenAI from 'openai';
const openai = new OpenAI();
export const summarize = (text: string) => openai.responses.create({ model: 'gpt-4o-mini', input: text });`,
    };
    expect(findingsFor(requireTracingSetup, files)).toEqual([]);
  });
});
