import { describe, expect, it } from 'vitest';
import rule from '../../rules/tool-sprawl/no-duplicate-tool.js';
import type { Finding } from '../../src/model/report.js';
import type { AnyRule } from '../../src/rules/define-rule.js';
import { findingsFor } from './rule-tester.js';

const noDuplicateTool = rule as unknown as AnyRule;

function summary({ file, line, severity, message }: Finding): Pick<Finding, 'file' | 'line' | 'severity' | 'message'> {
  return { file, line, severity, message };
}

const valid: { name: string; files: Record<string, string>; options?: object }[] = [
  {
    name: 'two tools with different names and descriptions in two files',
    files: {
      'src/billing/tools.ts': `import { tool } from '@openai/agents';
import { z } from 'zod';
export const lookupInvoice = tool({ name: 'lookup_invoice', description: 'Find an invoice by its number and return its status.', parameters: z.object({ number: z.string() }), execute: async () => 'paid' });`,
      'src/payments/tools.ts': `import { tool } from '@openai/agents';
import { z } from 'zod';
export const refundPayment = tool({ name: 'refund_payment', description: 'Refund a captured payment in full by its payment id.', parameters: z.object({ paymentId: z.string() }), execute: async () => 'refunded' });`,
    },
  },
  {
    name: 'one tool defined once and imported by two agents',
    files: {
      'src/billing/tools.ts': `import { tool } from '@openai/agents';
import { z } from 'zod';
export const lookupInvoice = tool({ name: 'lookup_invoice', description: 'Find an invoice by its number and return its status.', parameters: z.object({ number: z.string() }), execute: async () => 'paid' });`,
      'src/agents/billing-agent.ts': `import { Agent } from '@openai/agents';
import { lookupInvoice } from '../billing/tools';
export const billingAgent = new Agent({ name: 'Billing', tools: [lookupInvoice] });`,
      'src/agents/support-agent.ts': `import { Agent } from '@openai/agents';
import { lookupInvoice } from '../billing/tools';
export const supportAgent = new Agent({ name: 'Support', tools: [lookupInvoice] });`,
    },
  },
  {
    name: 'a short generic description shared by two differently named tools',
    files: {
      'src/billing/tools.ts': `import { tool } from '@openai/agents';
import { z } from 'zod';
export const searchInvoices = tool({ name: 'search_invoices', description: 'Search the database.', parameters: z.object({ query: z.string() }), execute: async () => '[]' });`,
      'src/support/tools.ts': `import { tool } from '@openai/agents';
import { z } from 'zod';
export const searchTickets = tool({ name: 'search_tickets', description: 'Search the database.', parameters: z.object({ query: z.string() }), execute: async () => '[]' });`,
    },
  },
  {
    name: 'a 29-character description shared by two differently named tools (below the 30 minimum)',
    files: {
      'src/billing/tools.ts': `import { tool } from '@openai/agents';
import { z } from 'zod';
export const lookupInvoice = tool({ name: 'lookup_invoice', description: 'Find an invoice by its number', parameters: z.object({ number: z.string() }), execute: async () => 'paid' });`,
      'src/support/tools.ts': `import { tool } from '@openai/agents';
import { z } from 'zod';
export const findInvoice = tool({ name: 'find_invoice', description: 'Find an invoice by its number', parameters: z.object({ number: z.string() }), execute: async () => 'paid' });`,
    },
  },
  {
    name: 'a long shared description when minDescriptionLength is above its length',
    options: { minDescriptionLength: 60 },
    files: {
      'src/billing/tools.ts': `import { tool } from '@openai/agents';
import { z } from 'zod';
export const issueRefund = tool({ name: 'issue_refund', description: 'Refund a captured payment in full by its payment id.', parameters: z.object({ paymentId: z.string() }), execute: async () => 'refunded' });`,
      'src/support/tools.ts': `import { tool } from '@openai/agents';
import { z } from 'zod';
export const refundPayment = tool({ name: 'refund_payment', description: 'Refund a captured payment in full by its payment id.', parameters: z.object({ paymentId: z.string() }), execute: async () => 'refunded' });`,
    },
  },
];

const invalid: { name: string; files: Record<string, string>; options?: object; findings: Pick<Finding, 'file' | 'line' | 'severity' | 'message'>[] }[] = [
  {
    name: 'the same tool name in two files, once, on the second file',
    files: {
      'src/billing/tools.ts': `import { tool } from '@openai/agents';
import { z } from 'zod';
export const lookupInvoice = tool({ name: 'lookup_invoice', description: 'Find an invoice by its number and return its status.', parameters: z.object({ number: z.string() }), execute: async () => 'paid' });`,
      'src/support/tools.ts': `import { tool } from '@openai/agents';
import { z } from 'zod';

export const findInvoice = tool({ name: 'lookup_invoice', description: 'Look up one invoice for a support agent.', parameters: z.object({ number: z.string() }), execute: async () => 'paid' });`,
    },
    findings: [
      {
        file: 'src/support/tools.ts',
        line: 4,
        severity: 'warning',
        message: 'Duplicate tool "lookup_invoice": also defined at src/billing/tools.ts:3. Define it once and import it.',
      },
    ],
  },
  {
    name: 'the same tool name in three files, twice, each naming the first',
    files: {
      'src/billing/tools.ts': `import { tool } from '@openai/agents';
import { z } from 'zod';
export const lookupInvoice = tool({ name: 'lookup_invoice', description: 'Find an invoice by its number and return its status.', parameters: z.object({ number: z.string() }), execute: async () => 'paid' });`,
      'src/sales/tools.ts': `import { tool } from '@openai/agents';
import { z } from 'zod';
export const lookupInvoice = tool({ name: 'lookup_invoice', description: 'Show a sales rep the invoice behind an order.', parameters: z.object({ number: z.string() }), execute: async () => 'paid' });`,
      'src/support/tools.ts': `import { tool } from '@openai/agents';
import { z } from 'zod';
export const lookupInvoice = tool({ name: 'lookup_invoice', description: 'Look up one invoice for a support agent.', parameters: z.object({ number: z.string() }), execute: async () => 'paid' });`,
    },
    findings: [
      {
        file: 'src/sales/tools.ts',
        line: 3,
        severity: 'warning',
        message: 'Duplicate tool "lookup_invoice": also defined at src/billing/tools.ts:3. Define it once and import it.',
      },
      {
        file: 'src/support/tools.ts',
        line: 3,
        severity: 'warning',
        message: 'Duplicate tool "lookup_invoice": also defined at src/billing/tools.ts:3. Define it once and import it.',
      },
    ],
  },
  {
    name: 'two AI SDK tools listed under the same key in two files',
    files: {
      'src/billing/answer.ts': `import { generateText, tool } from 'ai';
import { openai } from '@ai-sdk/openai';
import { z } from 'zod';
const lookupInvoice = tool({ description: 'Find an invoice by its number and return its status.', inputSchema: z.object({ number: z.string() }), execute: async () => 'paid' });
export const answerBillingQuestion = (prompt: string) => generateText({ model: openai('gpt-4o'), prompt, tools: { lookupInvoice } });`,
      'src/support/answer.ts': `import { generateText, tool } from 'ai';
import { openai } from '@ai-sdk/openai';
import { z } from 'zod';
const lookupInvoice = tool({ description: 'Look up one invoice for a support agent.', inputSchema: z.object({ number: z.string() }), execute: async () => 'paid' });
export const answerSupportQuestion = (prompt: string) => generateText({ model: openai('gpt-4o'), prompt, tools: { lookupInvoice } });`,
    },
    findings: [
      {
        file: 'src/support/answer.ts',
        line: 4,
        severity: 'warning',
        message: 'Duplicate tool "lookupInvoice": also defined at src/billing/answer.ts:4. Define it once and import it.',
      },
    ],
  },
  {
    name: 'the same long description under two different names',
    files: {
      'src/billing/tools.ts': `import { tool } from '@openai/agents';
import { z } from 'zod';
export const issueRefund = tool({ name: 'issue_refund', description: 'Refund a captured payment in full by its payment id.', parameters: z.object({ paymentId: z.string() }), execute: async () => 'refunded' });`,
      'src/support/tools.ts': `import { tool } from '@openai/agents';
import { z } from 'zod';
export const refundPayment = tool({ name: 'refund_payment', description: 'Refund a captured payment in full by its payment id.', parameters: z.object({ paymentId: z.string() }), execute: async () => 'refunded' });`,
    },
    findings: [
      {
        file: 'src/support/tools.ts',
        line: 3,
        severity: 'warning',
        message: 'Tool refund_payment has the same description as issue_refund at src/billing/tools.ts:3; merge them or say how they differ.',
      },
    ],
  },
  {
    name: 'descriptions that differ only in case and punctuation',
    files: {
      'src/billing/tools.ts': `import { tool } from '@openai/agents';
import { z } from 'zod';
export const issueRefund = tool({ name: 'issue_refund', description: 'Refund a captured payment in full by its payment id.', parameters: z.object({ paymentId: z.string() }), execute: async () => 'refunded' });`,
      'src/mcp/server.ts': `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
const server = new McpServer({ name: 'payments', version: '1.0.0' });
server.tool('refund_payment', 'refund a captured payment, in full, by its payment ID', { paymentId: z.string() }, async ({ paymentId }) => ({ content: [{ type: 'text', text: paymentId }] }));`,
    },
    findings: [
      {
        file: 'src/mcp/server.ts',
        line: 4,
        severity: 'warning',
        message: 'Tool refund_payment has the same description as issue_refund at src/billing/tools.ts:3; merge them or say how they differ.',
      },
    ],
  },
  {
    name: 'a 30-character description shared by two differently named tools (the minimum)',
    files: {
      'src/billing/tools.ts': `import { tool } from '@openai/agents';
import { z } from 'zod';
export const lookupInvoice = tool({ name: 'lookup_invoice', description: 'Find one invoice by its number', parameters: z.object({ number: z.string() }), execute: async () => 'paid' });`,
      'src/support/tools.ts': `import { tool } from '@openai/agents';
import { z } from 'zod';
export const findInvoice = tool({ name: 'find_invoice', description: 'Find one invoice by its number', parameters: z.object({ number: z.string() }), execute: async () => 'paid' });`,
    },
    findings: [
      {
        file: 'src/support/tools.ts',
        line: 3,
        severity: 'warning',
        message: 'Tool find_invoice has the same description as lookup_invoice at src/billing/tools.ts:3; merge them or say how they differ.',
      },
    ],
  },
  {
    name: 'a short generic description shared by two tools when minDescriptionLength is 0',
    options: { minDescriptionLength: 0 },
    files: {
      'src/billing/tools.ts': `import { tool } from '@openai/agents';
import { z } from 'zod';
export const searchInvoices = tool({ name: 'search_invoices', description: 'Search the database.', parameters: z.object({ query: z.string() }), execute: async () => '[]' });`,
      'src/support/tools.ts': `import { tool } from '@openai/agents';
import { z } from 'zod';
export const searchTickets = tool({ name: 'search_tickets', description: 'Search the database.', parameters: z.object({ query: z.string() }), execute: async () => '[]' });`,
    },
    findings: [
      {
        file: 'src/support/tools.ts',
        line: 3,
        severity: 'warning',
        message: 'Tool search_tickets has the same description as search_invoices at src/billing/tools.ts:3; merge them or say how they differ.',
      },
    ],
  },
];

describe('no-duplicate-tool', () => {
  describe('valid', () => {
    for (const { name, files, options } of valid) {
      it(`does not report ${name}`, () => {
        expect(findingsFor(noDuplicateTool, files, options)).toEqual([]);
      });
    }
  });

  describe('invalid', () => {
    for (const { name, files, options, findings } of invalid) {
      it(`reports ${name}`, () => {
        expect(findingsFor(noDuplicateTool, files, options).map(summary)).toEqual(findings);
      });
    }
  });

  it('keeps the fingerprint when blank lines are added above the duplicate', () => {
    const billing = `import { tool } from '@openai/agents';
import { z } from 'zod';
export const lookupInvoice = tool({ name: 'lookup_invoice', description: 'Find an invoice by its number and return its status.', parameters: z.object({ number: z.string() }), execute: async () => 'paid' });`;
    const support = `import { tool } from '@openai/agents';
import { z } from 'zod';
export const findInvoice = tool({ name: 'lookup_invoice', description: 'Look up one invoice for a support agent.', parameters: z.object({ number: z.string() }), execute: async () => 'paid' });`;
    const moved = support.replace('export const findInvoice', '\n\n\nexport const findInvoice');
    const [before] = findingsFor(noDuplicateTool, { 'src/billing/tools.ts': billing, 'src/support/tools.ts': support });
    const [after] = findingsFor(noDuplicateTool, { 'src/billing/tools.ts': billing, 'src/support/tools.ts': moved });
    expect(after?.line).toBe((before?.line ?? 0) + 3);
    expect(after?.fingerprint).toBe(before?.fingerprint);
  });
});
