import * as z from 'zod';
import { defineRule } from '../../src/rules/define-rule.js';

export default defineRule({
  id: 'require-eval-suite',
  category: 'evals',
  defaultSeverity: 'warning',
  description: 'Require at least one eval suite in a repository that calls LLMs.',
  rationale:
    'Without evals, every prompt or model change is judged by feel: regressions reach users first. One small eval suite on the main feature turns changes into measurable ones.',
  effortMinutes: 240,
  options: z.strictObject({}),
  defaultOptions: {},
  messages: {
    missing:
      'Expected an eval suite: {{count}} LLM call(s) and no evals. Add one (evalite, Braintrust Eval, LangSmith evaluate, vitest-evals, promptfoo) for the main LLM feature.',
  },
  examples: {
    invalid: [
      {
        'src/summarize-ticket.ts': `import OpenAI from 'openai';
const openai = new OpenAI();
export const summarizeTicket = (text: string) => openai.responses.create({ model: 'gpt-4.1-mini', input: text });`,
      },
    ],
    valid: [
      {
        'src/summarize-ticket.ts': `import OpenAI from 'openai';
const openai = new OpenAI();
export const summarizeTicket = (text: string) => openai.responses.create({ model: 'gpt-4.1-mini', input: text });`,
        'evals/summarize-ticket.eval.ts': `import { evalite } from 'evalite';
import { Levenshtein } from 'autoevals';
import { summarizeTicket } from '../src/summarize-ticket';
evalite('Ticket summaries', { data: async () => [{ input: 'Printer on fire', expected: 'Fire hazard' }], task: async (input) => String(await summarizeTicket(input)), scorers: [Levenshtein] });`,
      },
    ],
  },
  check({ model, report }) {
    const first = model.llmCalls[0];
    if (!first || model.evals.length > 0) return;
    report({ messageId: 'missing', data: { count: model.llmCalls.length }, file: first.file, line: first.line, column: first.column, anchor: 'repository' });
  },
});
