import * as z from 'zod';
import { defineRule } from '../../src/rules/define-rule.js';

const sections = (count: number) => Array.from({ length: count }, (_, index) => `## Topic ${index + 1}\\nHandle topic ${index + 1} politely.`).join('\\n');

export default defineRule({
  id: 'max-prompt-sections',
  category: 'prompts',
  defaultSeverity: 'warning',
  description: 'Limit the number of separate topics (headings and XML-style sections) in one prompt.',
  rationale:
    'A prompt that covers many separate topics is several prompts glued together: every call pays for all of them, the sections contradict each other over time, and nobody owns the whole. Route to smaller task prompts instead.',
  effortMinutes: 120,
  options: z.strictObject({
    /** More sections than this are reported. */
    max: z.number().int().positive(),
  }),
  defaultOptions: { max: 12 },
  messages: {
    tooMany: 'Prompt {{name}} covers {{sections}} sections; the limit is {{max}}. Split it into task prompts and route between them.',
  },
  examples: {
    invalid: [
      `import OpenAI from 'openai';
const openai = new OpenAI();
const ASSISTANT_PROMPT = "${sections(13)}";
export const reply = (text: string) => openai.responses.create({ model: 'gpt-4.1', instructions: ASSISTANT_PROMPT, input: text });`,
    ],
    valid: [
      `import OpenAI from 'openai';
const openai = new OpenAI();
const ASSISTANT_PROMPT = "${sections(12)}";
export const reply = (text: string) => openai.responses.create({ model: 'gpt-4.1', instructions: ASSISTANT_PROMPT, input: text });`,
    ],
  },
  check({ model, options, report }) {
    for (const prompt of model.prompts) {
      if (prompt.sections <= options.max) continue;
      report({
        messageId: 'tooMany',
        data: { name: prompt.name ?? `${prompt.role} prompt of ${prompt.usedBy}`, sections: prompt.sections, max: options.max },
        file: prompt.file,
        line: prompt.line,
        anchor: prompt.id,
      });
    }
  },
});
