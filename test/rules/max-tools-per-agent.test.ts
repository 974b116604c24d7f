import { describe, expect, it } from 'vitest';
import rule from '../../rules/tool-sprawl/max-tools-per-agent.js';
import type { Finding } from '../../src/model/report.js';
import type { AnyRule } from '../../src/rules/define-rule.js';
import { findingsFor } from './rule-tester.js';

const maxToolsPerAgent = rule as unknown as AnyRule;

/**
 * An `@openai/agents` sales agent handed `count` report tools: two import lines, one line per
 * tool, then the agent on line `count + 3`.
 */
function salesAgentWith(count: number): string {
  const numbers = Array.from({ length: count }, (_, index) => String(index + 1).padStart(2, '0'));
  return [
    `import { Agent, tool } from '@openai/agents';`,
    `import { z } from 'zod';`,
    ...numbers.map(
      (number) =>
        `const salesReport${number} = tool({ name: 'sales_report_${number}', description: 'Build sales report number ${number} for the chosen quarter.', parameters: z.object({ quarter: z.string() }), execute: async () => '${number}' });`,
    ),
    `export const salesAgent = new Agent({ name: 'Sales', instructions: 'Answer questions about sales.', tools: [${numbers.map((number) => `salesReport${number}`).join(', ')}] });`,
  ].join('\n');
}

function summary({ file, line, severity, message }: Finding): Pick<Finding, 'file' | 'line' | 'severity' | 'message'> {
  return { file, line, severity, message };
}

const valid: { name: string; code: string | Record<string, string>; options?: object }[] = [
  {
    name: 'an agent with exactly 20 tools (the warning limit)',
    code: salesAgentWith(20),
  },
  {
    name: 'an AI SDK call with two tools',
    code: `import { generateText, tool } from 'ai';
import { openai } from '@ai-sdk/openai';
import { z } from 'zod';
const lookupInvoice = tool({ description: 'Find an invoice by its number and return its status.', inputSchema: z.object({ number: z.string() }), execute: async () => 'paid' });
const refundPayment = tool({ description: 'Refund a captured payment in full by its payment id.', inputSchema: z.object({ paymentId: z.string() }), execute: async () => 'refunded' });
export const answerBillingQuestion = (prompt: string) => generateText({ model: openai('gpt-4o'), prompt, tools: { lookupInvoice, refundPayment } });`,
  },
  {
    name: 'an agent handed no tools',
    code: `import { Agent } from '@openai/agents';
export const greeter = new Agent({ name: 'Greeter', instructions: 'Greet the customer and ask how to help.' });`,
  },
  {
    name: 'a tool listed twice in one agent, counted once (limit 1)',
    options: { warning: 1, error: 2 },
    code: `import { Agent, tool } from '@openai/agents';
import { z } from 'zod';
const lookupInvoice = tool({ name: 'lookup_invoice', description: 'Find an invoice by its number and return its status.', parameters: z.object({ number: z.string() }), execute: async () => 'paid' });
export const billingAgent = new Agent({ name: 'Billing', tools: [lookupInvoice, lookupInvoice] });`,
  },
  {
    name: 'two tool sets of two tools each when the limit is 2',
    options: { warning: 2, error: 4 },
    code: `import { Agent, tool } from '@openai/agents';
import { z } from 'zod';
const lookupInvoice = tool({ name: 'lookup_invoice', description: 'Find an invoice by its number and return its status.', parameters: z.object({ number: z.string() }), execute: async () => 'paid' });
const refundPayment = tool({ name: 'refund_payment', description: 'Refund a captured payment in full by its payment id.', parameters: z.object({ paymentId: z.string() }), execute: async () => 'refunded' });
const escalateTicket = tool({ name: 'escalate_ticket', description: 'Hand the support ticket over to a human agent.', parameters: z.object({ ticketId: z.string() }), execute: async () => 'escalated' });
export const billingAgent = new Agent({ name: 'Billing', tools: [lookupInvoice, refundPayment] });
export const supportAgent = new Agent({ name: 'Support', tools: [lookupInvoice, escalateTicket] });`,
  },
];

const invalid: { name: string; code: string | Record<string, string>; options?: object; findings: Pick<Finding, 'file' | 'line' | 'severity' | 'message'>[] }[] = [
  {
    name: 'an agent with 21 tools, as a warning',
    code: salesAgentWith(21),
    findings: [
      {
        file: 'src/example.ts',
        line: 24,
        severity: 'warning',
        message: 'Too many tools (21) for agent "Sales"; the limit is 20. Split the agent or load tools on demand.',
      },
    ],
  },
  {
    name: 'an agent with exactly 40 tools (the error limit), still as a warning',
    code: salesAgentWith(40),
    findings: [
      {
        file: 'src/example.ts',
        line: 43,
        severity: 'warning',
        message: 'Too many tools (40) for agent "Sales"; the limit is 20. Split the agent or load tools on demand.',
      },
    ],
  },
  {
    name: 'an agent with 41 tools, as an error',
    code: salesAgentWith(41),
    findings: [
      {
        file: 'src/example.ts',
        line: 44,
        severity: 'error',
        message: 'Too many tools (41) for agent "Sales"; the limit is 40. Split the agent or load tools on demand.',
      },
    ],
  },
  {
    name: 'an AI SDK generateText call named after its enclosing function (limit 2)',
    options: { warning: 2, error: 4 },
    code: `import { generateText, tool } from 'ai';
import { openai } from '@ai-sdk/openai';
import { z } from 'zod';
const lookupInvoice = tool({ description: 'Find an invoice by its number and return its status.', inputSchema: z.object({ number: z.string() }), execute: async () => 'paid' });
const refundPayment = tool({ description: 'Refund a captured payment in full by its payment id.', inputSchema: z.object({ paymentId: z.string() }), execute: async () => 'refunded' });
const escalateTicket = tool({ description: 'Hand the support ticket over to a human agent.', inputSchema: z.object({ ticketId: z.string() }), execute: async () => 'escalated' });
export async function answerBillingQuestion(prompt: string) {
  return generateText({ model: openai('gpt-4o'), prompt, tools: { lookupInvoice, refundPayment, escalateTicket } });
}`,
    findings: [
      {
        file: 'src/example.ts',
        line: 8,
        severity: 'warning',
        message: 'Too many tools (3) for ai.generateText in answerBillingQuestion; the limit is 2. Split the agent or load tools on demand.',
      },
    ],
  },
  {
    name: 'an Anthropic call with three JSON tools (limit 2)',
    options: { warning: 2, error: 4 },
    code: `import Anthropic from '@anthropic-ai/sdk';
const anthropic = new Anthropic();
export async function answerBillingQuestion(question: string) {
  return anthropic.messages.create({
    model: 'claude-sonnet-4-5',
    max_tokens: 1024,
    tools: [
      { name: 'lookup_invoice', description: 'Find an invoice by its number and return its status.', input_schema: { type: 'object', properties: { number: { type: 'string' } } } },
      { name: 'refund_payment', description: 'Refund a captured payment in full by its payment id.', input_schema: { type: 'object', properties: { paymentId: { type: 'string' } } } },
      { name: 'escalate_ticket', description: 'Hand the support ticket over to a human agent.', input_schema: { type: 'object', properties: { ticketId: { type: 'string' } } } },
    ],
    messages: [{ role: 'user', content: question }],
  });
}`,
    findings: [
      {
        file: 'src/example.ts',
        line: 4,
        severity: 'warning',
        message: 'Too many tools (3) for anthropic.messages.create in answerBillingQuestion; the limit is 2. Split the agent or load tools on demand.',
      },
    ],
  },
  {
    name: 'tools spread from an array imported from another file (limit 2)',
    options: { warning: 2, error: 4 },
    code: {
      'src/tools/billing-tools.ts': `import { tool } from '@openai/agents';
import { z } from 'zod';
const lookupInvoice = tool({ name: 'lookup_invoice', description: 'Find an invoice by its number and return its status.', parameters: z.object({ number: z.string() }), execute: async () => 'paid' });
const refundPayment = tool({ name: 'refund_payment', description: 'Refund a captured payment in full by its payment id.', parameters: z.object({ paymentId: z.string() }), execute: async () => 'refunded' });
export const billingTools = [lookupInvoice, refundPayment];`,
      'src/agents/support-agent.ts': `import { Agent, tool } from '@openai/agents';
import { z } from 'zod';
import { billingTools } from '../tools/billing-tools';
const escalateTicket = tool({ name: 'escalate_ticket', description: 'Hand the support ticket over to a human agent.', parameters: z.object({ ticketId: z.string() }), execute: async () => 'escalated' });
export const supportAgent = new Agent({ name: 'Support', tools: [...billingTools, escalateTicket] });`,
    },
    findings: [
      {
        file: 'src/agents/support-agent.ts',
        line: 5,
        severity: 'warning',
        message: 'Too many tools (3) for agent "Support"; the limit is 2. Split the agent or load tools on demand.',
      },
    ],
  },
  {
    name: 'a tool set that cannot be followed completely, as a lower bound (limit 2)',
    options: { warning: 2, error: 4 },
    code: `import { Agent, tool } from '@openai/agents';
import { z } from 'zod';
import { loadPluginTools } from './plugins';
const lookupInvoice = tool({ name: 'lookup_invoice', description: 'Find an invoice by its number and return its status.', parameters: z.object({ number: z.string() }), execute: async () => 'paid' });
const refundPayment = tool({ name: 'refund_payment', description: 'Refund a captured payment in full by its payment id.', parameters: z.object({ paymentId: z.string() }), execute: async () => 'refunded' });
const escalateTicket = tool({ name: 'escalate_ticket', description: 'Hand the support ticket over to a human agent.', parameters: z.object({ ticketId: z.string() }), execute: async () => 'escalated' });
export const supportAgent = new Agent({ name: 'Support', tools: [...loadPluginTools(), lookupInvoice, refundPayment, escalateTicket] });`,
    findings: [
      {
        file: 'src/example.ts',
        line: 7,
        severity: 'warning',
        message: 'Too many tools (at least 3) for agent "Support"; the limit is 2. Split the agent or load tools on demand.',
      },
    ],
  },
];

describe('max-tools-per-agent', () => {
  describe('valid', () => {
    for (const { name, code, options } of valid) {
      it(`does not report ${name}`, () => {
        expect(findingsFor(maxToolsPerAgent, code, options)).toEqual([]);
      });
    }
  });

  describe('invalid', () => {
    for (const { name, code, options, findings } of invalid) {
      it(`reports ${name}`, () => {
        expect(findingsFor(maxToolsPerAgent, code, options).map(summary)).toEqual(findings);
      });
    }
  });

  it('keeps the fingerprint when blank lines are added above the agent', () => {
    const code = salesAgentWith(21);
    const moved = code.replace('export const salesAgent', '\n\n\nexport const salesAgent');
    const [before] = findingsFor(maxToolsPerAgent, code);
    const [after] = findingsFor(maxToolsPerAgent, moved);
    expect(after?.line).toBe((before?.line ?? 0) + 3);
    expect(after?.fingerprint).toBe(before?.fingerprint);
  });
});
