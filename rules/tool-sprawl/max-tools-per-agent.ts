import * as z from 'zod';
import { defineRule } from '../../src/rules/define-rule.js';

const twentyOneTools = Array.from({ length: 21 }, (_, index) => {
  const number = String(index + 1).padStart(2, '0');
  return `const tool${number} = tool({ name: 'report_${number}', description: 'Build sales report number ${number} for the chosen quarter.', parameters: z.object({}), execute: async () => '${number}' });`;
});

export default defineRule({
  id: 'max-tools-per-agent',
  category: 'tool-sprawl',
  defaultSeverity: 'warning',
  description: 'Limit the number of tools handed to one model call or agent.',
  rationale:
    'Tool-selection accuracy drops as the tool count grows: OpenAI advises fewer than 20 tools at a time and its API refuses more than 128; Anthropic reports degradation past 30 to 50 loaded tools. Split the agent, or load tools on demand.',
  effortMinutes: 120,
  options: z
    .strictObject({
      /** Above this many tools: a finding at the configured severity. */
      warning: z.number().int().positive(),
      /** Above this many tools: an error whatever the configured severity. */
      error: z.number().int().positive(),
    })
    .refine((options) => options.error >= options.warning, { message: 'expected error to be at least warning', path: ['error'] }),
  defaultOptions: { warning: 20, error: 40 },
  messages: {
    tooMany: 'Too many tools ({{count}}) for {{holder}}; the limit is {{limit}}. Split the agent or load tools on demand.',
  },
  examples: {
    invalid: [
      `import { Agent, tool } from '@openai/agents';
import { z } from 'zod';
${twentyOneTools.join('\n')}
export const salesAgent = new Agent({ name: 'Sales', tools: [${twentyOneTools.map((_, index) => `tool${String(index + 1).padStart(2, '0')}`).join(', ')}] });`,
    ],
    valid: [
      `import { Agent, tool } from '@openai/agents';
import { z } from 'zod';
${twentyOneTools.slice(0, 20).join('\n')}
export const salesAgent = new Agent({ name: 'Sales', tools: [${twentyOneTools.slice(0, 20).map((_, index) => `tool${String(index + 1).padStart(2, '0')}`).join(', ')}] });`,
    ],
  },
  check({ model, options, report }) {
    for (const set of model.toolSets) {
      if (set.count <= options.warning) continue;
      const isError = set.count > options.error;
      const who = set.agentName !== undefined ? `agent "${set.agentName}"` : set.enclosingFunction !== undefined ? `${set.holder} in ${set.enclosingFunction}` : set.holder;
      report({
        messageId: 'tooMany',
        data: { count: set.isComplete ? set.count : `at least ${set.count}`, holder: who, limit: isError ? options.error : options.warning },
        file: set.file,
        line: set.line,
        anchor: `${set.holder}|${set.agentName ?? set.enclosingFunction ?? '<module>'}`,
        ...(isError ? { severity: 'error' as const } : {}),
      });
    }
  },
});
