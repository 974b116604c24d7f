import * as z from 'zod';
import type { LlmCall } from '../../src/model/repo-model.js';
import { defineRule } from '../../src/rules/define-rule.js';

export default defineRule({
  id: 'no-unevaluated-llm-feature',
  category: 'evals',
  defaultSeverity: 'warning',
  description: 'Disallow LLM feature modules that no eval suite reaches.',
  rationale:
    'A feature whose prompts and model calls no eval exercises can regress silently; one finding per module (not per call) says where evals are missing.',
  effortMinutes: 120,
  options: z.strictObject({}),
  defaultOptions: {},
  messages: {
    unevaluated: 'LLM feature {{file}} ({{count}} call(s)) is not reached by any eval suite; add an eval that imports it.',
  },
  examples: {
    invalid: [
      {
        'src/summarize-ticket.ts': `import OpenAI from 'openai';
const openai = new OpenAI();
export const summarizeTicket = (text: string) => openai.responses.create({ model: 'gpt-4.1-mini', input: text });`,
        'src/draft-reply.ts': `import OpenAI from 'openai';
const openai = new OpenAI();
export const draftReply = (text: string) => openai.responses.create({ model: 'gpt-4.1-mini', input: text });`,
        'evals/summarize-ticket.eval.ts': `import { evalite } from 'evalite';
import { summarizeTicket } from '../src/summarize-ticket';
evalite('Ticket summaries', { data: async () => [], task: async (input: string) => String(await summarizeTicket(input)), scorers: [] });`,
      },
    ],
    valid: [
      {
        'src/summarize-ticket.ts': `import OpenAI from 'openai';
const openai = new OpenAI();
export const summarizeTicket = (text: string) => openai.responses.create({ model: 'gpt-4.1-mini', input: text });`,
        'evals/summarize-ticket.eval.ts': `import { evalite } from 'evalite';
import { summarizeTicket } from '../src/summarize-ticket';
evalite('Ticket summaries', { data: async () => [], task: async (input: string) => String(await summarizeTicket(input)), scorers: [] });`,
      },
    ],
  },
  check({ model, report }) {
    // With no eval suite at all, require-eval-suite says it once instead.
    if (model.evals.length === 0) return;
    const reached = new Set(model.evals.flatMap((suite) => suite.reaches));
    const byFile = new Map<string, LlmCall[]>();
    for (const call of model.llmCalls) {
      if (reached.has(call.file)) continue;
      byFile.set(call.file, [...(byFile.get(call.file) ?? []), call]);
    }
    for (const [file, calls] of byFile) {
      const first = calls[0]!;
      report({ messageId: 'unevaluated', data: { file, count: calls.length }, file, line: first.line, column: first.column, anchor: 'module' });
    }
  },
});
