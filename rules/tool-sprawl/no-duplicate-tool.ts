import * as z from 'zod';
import type { ToolDef } from '../../src/model/repo-model.js';
import { defineRule } from '../../src/rules/define-rule.js';

function normalized(description: string): string {
  return description.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

export default defineRule({
  id: 'no-duplicate-tool',
  category: 'tool-sprawl',
  defaultSeverity: 'warning',
  description: 'Disallow defining the same tool (same name, or the same description) in more than one place.',
  rationale:
    'Copies of a tool drift apart: one gets a fix, the other keeps the bug, and an agent handed both cannot tell them apart. Define it once and import it.',
  effortMinutes: 30,
  options: z.strictObject({
    /** Descriptions shorter than this are too generic to call two tools the same. */
    minDescriptionLength: z.number().int().nonnegative(),
  }),
  defaultOptions: { minDescriptionLength: 30 },
  messages: {
    sameName: 'Duplicate tool "{{name}}": also defined at {{other}}. Define it once and import it.',
    sameDescription: 'Tool {{name}} has the same description as {{otherName}} at {{other}}; merge them or say how they differ.',
  },
  examples: {
    invalid: [
      {
        'src/billing/tools.ts': `import { tool } from '@openai/agents';
import { z } from 'zod';
export const lookupInvoice = tool({ name: 'lookup_invoice', description: 'Find an invoice by its number and return its status.', parameters: z.object({ number: z.string() }), execute: async () => 'paid' });`,
        'src/support/tools.ts': `import { tool } from '@openai/agents';
import { z } from 'zod';
export const findInvoice = tool({ name: 'lookup_invoice', description: 'Look up one invoice for a support agent.', parameters: z.object({ number: z.string() }), execute: async () => 'paid' });`,
      },
    ],
    valid: [
      {
        'src/billing/tools.ts': `import { tool } from '@openai/agents';
import { z } from 'zod';
export const lookupInvoice = tool({ name: 'lookup_invoice', description: 'Find an invoice by its number and return its status.', parameters: z.object({ number: z.string() }), execute: async () => 'paid' });`,
        'src/support/tools.ts': `import { tool } from '@openai/agents';
import { z } from 'zod';
export const findCustomer = tool({ name: 'find_customer', description: 'Find a customer by email address for a support agent.', parameters: z.object({ email: z.string() }), execute: async () => 'ok' });`,
      },
    ],
  },
  check({ model, options, report }) {
    const firstByName = new Map<string, ToolDef>();
    const firstByDescription = new Map<string, ToolDef>();
    for (const tool of model.tools) {
      const where = (other: ToolDef) => `${other.file}:${other.line}`;
      if (tool.name !== undefined) {
        const other = firstByName.get(tool.name);
        if (other) {
          report({ messageId: 'sameName', data: { name: tool.name, other: where(other) }, file: tool.file, line: tool.line, anchor: `name|${tool.name}` });
          continue;
        }
        firstByName.set(tool.name, tool);
      }
      if (tool.description === undefined || tool.description.length < options.minDescriptionLength) continue;
      const key = normalized(tool.description);
      const other = firstByDescription.get(key);
      if (other) {
        report({
          messageId: 'sameDescription',
          data: { name: tool.name ?? tool.variable ?? '(unnamed)', otherName: other.name ?? other.variable ?? '(unnamed)', other: where(other) },
          file: tool.file,
          line: tool.line,
          anchor: `description|${key}`,
        });
        continue;
      }
      firstByDescription.set(key, tool);
    }
  },
});
