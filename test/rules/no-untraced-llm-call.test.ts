import { describe, expect, it } from 'vitest';
import rule from '../../rules/tracing/no-untraced-llm-call.js';
import type { AnyRule } from '../../src/rules/define-rule.js';
import { findingsFor } from './rule-tester.js';

const noUntracedLlmCall = rule as unknown as AnyRule;

const valid: { name: string; code: string }[] = [
  {
    name: 'an OpenAI client wrapped by LangSmith wrapOpenAI',
    code: `import OpenAI from 'openai';
import { wrapOpenAI } from 'langsmith/wrappers';
const openai = wrapOpenAI(new OpenAI());
export const classifyTicket = (text: string) => openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [] });`,
  },
  {
    name: 'an AI SDK call with experimental_telemetry enabled',
    code: `import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';
export const summarizeThread = (prompt: string) =>
  generateText({ model: openai('gpt-4o'), prompt, experimental_telemetry: { isEnabled: true } });`,
  },
  {
    name: 'a client passed in as a typed parameter (tracing unknown, not reported by default)',
    code: `import OpenAI from 'openai';
export async function rankResults(client: OpenAI, query: string) {
  return client.responses.create({ model: 'gpt-4o-mini', input: query });
}`,
  },
  {
    name: 'an untraced call suppressed with a reason',
    code: `import OpenAI from 'openai';
const openai = new OpenAI();
export async function legacyTitle(text: string) {
  // genai-debt-ignore-next-line no-untraced-llm-call -- replaced next quarter
  return openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [] });
}`,
  },
];

const invalid: { name: string; code: string; messages: string[] }[] = [
  {
    name: 'an OpenAI call on a plain client',
    code: `import OpenAI from 'openai';
const openai = new OpenAI();
export async function classifyTicket(text: string) {
  return openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [] });
}`,
    messages: [
      'Untraced LLM call openai.chat.completions.create in classifyTicket. Wrap the client (e.g. wrapOpenAI, observeOpenAI), run it inside a traced function, or enable telemetry.',
    ],
  },
  {
    name: 'an AI SDK call with experimental_telemetry disabled',
    code: `import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';
export const summarizeThread = (prompt: string) =>
  generateText({ model: openai('gpt-4o'), prompt, experimental_telemetry: { isEnabled: false } });`,
    messages: [
      'Untraced LLM call ai.generateText in summarizeThread. Wrap the client (e.g. wrapOpenAI, observeOpenAI), run it inside a traced function, or enable telemetry.',
    ],
  },
  {
    name: 'two untraced calls at module level, one finding each',
    code: `import Anthropic from '@anthropic-ai/sdk';
const anthropic = new Anthropic();
await anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 100, messages: [] });
await anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 100, messages: [] });`,
    messages: [
      'Untraced LLM call anthropic.messages.create. Wrap the client (e.g. wrapOpenAI, observeOpenAI), run it inside a traced function, or enable telemetry.',
      'Untraced LLM call anthropic.messages.create. Wrap the client (e.g. wrapOpenAI, observeOpenAI), run it inside a traced function, or enable telemetry.',
    ],
  },
];

describe('no-untraced-llm-call', () => {
  describe('valid', () => {
    for (const { name, code } of valid) {
      it(`does not report ${name}`, () => {
        expect(findingsFor(noUntracedLlmCall, code)).toEqual([]);
      });
    }
  });

  describe('invalid', () => {
    for (const { name, code, messages } of invalid) {
      it(`reports ${name}`, () => {
        expect(findingsFor(noUntracedLlmCall, code).map((finding) => finding.message)).toEqual(messages);
      });
    }
  });

  it('reports a typed-parameter client when reportUnknown is on', () => {
    const code = `import OpenAI from 'openai';
export async function rankResults(client: OpenAI, query: string) {
  return client.responses.create({ model: 'gpt-4o-mini', input: query });
}`;
    expect(findingsFor(noUntracedLlmCall, code, { reportUnknown: true }).map((finding) => finding.message)).toEqual([
      'LLM call openai.responses.create in rankResults uses a client created elsewhere; its tracing cannot be verified here.',
    ]);
  });

  it('keeps the fingerprint when the call moves down the file and changes it for a second identical call', () => {
    const call = `import OpenAI from 'openai';
const openai = new OpenAI();
export async function classifyTicket(text: string) {
  return openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [] });
}`;
    const moved = call.replace("const openai = new OpenAI();", "const openai = new OpenAI();\n\n\n// moved down\n");
    const [before] = findingsFor(noUntracedLlmCall, call);
    const [after] = findingsFor(noUntracedLlmCall, moved);
    expect(after?.line).toBe((before?.line ?? 0) + 4);
    expect(after?.fingerprint).toBe(before?.fingerprint);
    const twice = call.replace('return openai', 'await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [] });\n  return openai');
    const fingerprints = findingsFor(noUntracedLlmCall, twice).map((finding) => finding.fingerprint);
    expect(new Set(fingerprints).size).toBe(2);
    expect(fingerprints).toContain(before?.fingerprint);
  });
});
