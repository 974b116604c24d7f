import * as z from 'zod';
import { defineRule } from '../../src/rules/define-rule.js';

export default defineRule({
  id: 'require-tool-description',
  category: 'tool-sprawl',
  defaultSeverity: 'warning',
  description: 'Require every tool to have a description long enough to tell the model when to use it.',
  rationale:
    'The model picks tools by name and description only; a missing or one-word description makes it guess, call the wrong tool, or never call the right one.',
  effortMinutes: 10,
  options: z.strictObject({
    /** Shorter literal descriptions are reported. */
    minLength: z.number().int().nonnegative(),
  }),
  defaultOptions: { minLength: 20 },
  messages: {
    missing: 'Expected a description for tool {{name}}: the model chooses tools by their descriptions.',
    tooShort: 'Tool {{name}} has a description of {{length}} characters; write at least {{minLength}} saying when to use it.',
  },
  examples: {
    invalid: [
      `import Anthropic from '@anthropic-ai/sdk';
const anthropic = new Anthropic();
export const checkOrder = (question: string) =>
  anthropic.messages.create({
    model: 'claude-sonnet-4-5',
    max_tokens: 512,
    tools: [{ name: 'get_order_status', input_schema: { type: 'object', properties: {} } }],
    messages: [{ role: 'user', content: question }],
  });`,
    ],
    valid: [
      `import Anthropic from '@anthropic-ai/sdk';
const anthropic = new Anthropic();
export const checkOrder = (question: string) =>
  anthropic.messages.create({
    model: 'claude-sonnet-4-5',
    max_tokens: 512,
    tools: [{ name: 'get_order_status', description: 'Look up the shipping status of an order by its id.', input_schema: { type: 'object', properties: {} } }],
    messages: [{ role: 'user', content: question }],
  });`,
    ],
  },
  check({ model, options, report }) {
    for (const tool of model.tools) {
      const name = tool.name ?? tool.variable ?? '(unnamed)';
      if (tool.descriptionSource === 'none') {
        report({ messageId: 'missing', data: { name }, file: tool.file, line: tool.line, anchor: tool.id });
      } else if (tool.descriptionSource === 'literal' && tool.descriptionLength < options.minLength) {
        report({
          messageId: 'tooShort',
          data: { name, length: tool.descriptionLength, minLength: options.minLength },
          file: tool.file,
          line: tool.line,
          anchor: tool.id,
        });
      }
    }
  },
});
