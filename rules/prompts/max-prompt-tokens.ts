import * as z from 'zod';
import { defineRule } from '../../src/rules/define-rule.js';

const paragraph = 'When a customer asks about a refund, check the order status first, quote the refund policy, and never promise a date.';

export default defineRule({
  id: 'max-prompt-tokens',
  category: 'prompts',
  defaultSeverity: 'warning',
  description: 'Limit the size of a single prompt in tokens.',
  rationale:
    'Mega-prompts grow one paragraph per incident until nobody knows which instruction wins; they cost tokens on every call and degrade instruction following. Split them by task, move reference material to retrieval, and delete stale rules.',
  effortMinutes: 90,
  options: z
    .strictObject({
      /** Above this many tokens: a finding at the configured severity. */
      warning: z.number().int().positive(),
      /** Above this many tokens: an error whatever the configured severity. */
      error: z.number().int().positive(),
    })
    .refine((options) => options.error >= options.warning, { message: 'expected error to be at least warning', path: ['error'] }),
  defaultOptions: { warning: 2000, error: 8000 },
  messages: {
    tooLarge: 'Prompt {{name}} has {{tokens}} tokens; the limit is {{limit}}. Split it by task or move reference text to retrieval.',
  },
  examples: {
    invalid: [
      `import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';
const SUPPORT_PROMPT = \`${Array.from({ length: 90 }, () => paragraph).join('\n')}\`;
export const answerCustomer = (prompt: string) => generateText({ model: openai('gpt-4o'), system: SUPPORT_PROMPT, prompt });`,
    ],
    valid: [
      `import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';
const SUPPORT_PROMPT = \`${Array.from({ length: 60 }, () => paragraph).join('\n')}\`;
export const answerCustomer = (prompt: string) => generateText({ model: openai('gpt-4o'), system: SUPPORT_PROMPT, prompt });`,
    ],
  },
  check({ model, options, report }) {
    for (const prompt of model.prompts) {
      if (prompt.tokens <= options.warning) continue;
      const isError = prompt.tokens > options.error;
      report({
        messageId: 'tooLarge',
        data: { name: prompt.name ?? `${prompt.role} prompt of ${prompt.usedBy}`, tokens: prompt.tokens, limit: isError ? options.error : options.warning },
        file: prompt.file,
        line: prompt.line,
        anchor: prompt.id,
        ...(isError ? { severity: 'error' as const } : {}),
      });
    }
  },
});
