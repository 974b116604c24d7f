import * as z from 'zod';
import type { Prompt } from '../../src/model/repo-model.js';
import { defineRule } from '../../src/rules/define-rule.js';

export default defineRule({
  id: 'no-duplicate-prompt',
  category: 'prompts',
  defaultSeverity: 'warning',
  description: 'Disallow the same prompt text in more than one place.',
  rationale:
    'Copied prompts drift: one copy gets the fix for an incident and the other keeps failing. Keep one prompt in one module and import it where it is used.',
  effortMinutes: 30,
  options: z.strictObject({
    /** Shorter prompts (in tokens) are too generic to matter. */
    minTokens: z.number().int().nonnegative(),
  }),
  defaultOptions: { minTokens: 20 },
  messages: {
    duplicate: 'Prompt {{name}} repeats the prompt at {{other}}; keep one copy and import it.',
  },
  examples: {
    invalid: [
      {
        'src/billing/answer.ts': `import Anthropic from '@anthropic-ai/sdk';
const anthropic = new Anthropic();
export const answerBilling = (question: string) =>
  anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 500, system: 'You answer billing questions for Acme. Quote the invoice number, never guess amounts, and hand over to a human for refunds above 500 euros.', messages: [{ role: 'user', content: question }] });`,
        'src/support/answer.ts': `import Anthropic from '@anthropic-ai/sdk';
const anthropic = new Anthropic();
export const answerSupport = (question: string) =>
  anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 500, system: 'You answer billing questions for Acme. Quote the invoice number, never guess amounts, and hand over to a human for refunds above 500 euros.', messages: [{ role: 'user', content: question }] });`,
      },
    ],
    valid: [
      {
        'src/billing/answer.ts': `import Anthropic from '@anthropic-ai/sdk';
const anthropic = new Anthropic();
export const answerBilling = (question: string) =>
  anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 500, system: 'You answer billing questions for Acme. Quote the invoice number, never guess amounts, and hand over to a human for refunds above 500 euros.', messages: [{ role: 'user', content: question }] });`,
        'src/support/answer.ts': `import Anthropic from '@anthropic-ai/sdk';
const anthropic = new Anthropic();
export const answerSupport = (question: string) =>
  anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 500, system: 'You answer product support questions for Acme. Ask for the device model first and link the matching manual page.', messages: [{ role: 'user', content: question }] });`,
      },
    ],
  },
  check({ model, options, report }) {
    const first = new Map<string, Prompt>();
    for (const prompt of model.prompts) {
      if (prompt.tokens < options.minTokens) continue;
      const other = first.get(prompt.textHash);
      if (!other) {
        first.set(prompt.textHash, prompt);
        continue;
      }
      // One constant sent from several calls (or imported into several modules) is one prompt, not a copy.
      if (other.definedIn === prompt.definedIn && other.name !== undefined && other.name === prompt.name) continue;
      report({
        messageId: 'duplicate',
        data: { name: prompt.name ?? `${prompt.role} prompt of ${prompt.usedBy}`, other: `${other.file}:${other.line}` },
        file: prompt.file,
        line: prompt.line,
        anchor: `${prompt.textHash}|${prompt.id}`,
      });
    }
  },
});
