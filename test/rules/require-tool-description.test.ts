import { describe, expect, it } from 'vitest';
import rule from '../../rules/tool-sprawl/require-tool-description.js';
import type { Finding } from '../../src/model/report.js';
import type { AnyRule } from '../../src/rules/define-rule.js';
import { findingsFor } from './rule-tester.js';

const requireToolDescription = rule as unknown as AnyRule;

function summary({ file, line, severity, message }: Finding): Pick<Finding, 'file' | 'line' | 'severity' | 'message'> {
  return { file, line, severity, message };
}

const valid: { name: string; code: string; options?: object }[] = [
  {
    name: 'an OpenAI Agents tool with a 20-character description (the minimum)',
    code: `import { Agent, tool } from '@openai/agents';
import { z } from 'zod';
const lookupInvoice = tool({ name: 'lookup_invoice', description: 'Look up one invoice.', parameters: z.object({ number: z.string() }), execute: async () => 'paid' });
export const billingAgent = new Agent({ name: 'Billing', tools: [lookupInvoice] });`,
  },
  {
    name: 'a description held in an imported variable (an expression the scan cannot measure)',
    code: `import { Agent, tool } from '@openai/agents';
import { z } from 'zod';
import { refundHelp } from './tool-descriptions';
const refundPayment = tool({ name: 'refund_payment', description: refundHelp, parameters: z.object({ paymentId: z.string() }), execute: async () => 'refunded' });
export const billingAgent = new Agent({ name: 'Billing', tools: [refundPayment] });`,
  },
  {
    name: 'an AI SDK tool with a long description',
    code: `import { generateText, tool } from 'ai';
import { openai } from '@ai-sdk/openai';
import { z } from 'zod';
const lookupInvoice = tool({ description: 'Find an invoice by its number and return its status.', inputSchema: z.object({ number: z.string() }), execute: async () => 'paid' });
export const answerBillingQuestion = (prompt: string) => generateText({ model: openai('gpt-4o'), prompt, tools: { lookupInvoice } });`,
  },
  {
    name: 'an Anthropic JSON tool with a long description',
    code: `import Anthropic from '@anthropic-ai/sdk';
const anthropic = new Anthropic();
export const answerBillingQuestion = (question: string) =>
  anthropic.messages.create({
    model: 'claude-sonnet-4-5',
    max_tokens: 1024,
    tools: [{ name: 'lookup_invoice', description: 'Find an invoice by its number and return its status.', input_schema: { type: 'object', properties: { number: { type: 'string' } } } }],
    messages: [{ role: 'user', content: question }],
  });`,
  },
  {
    name: 'an MCP server.tool with a description',
    code: `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
const server = new McpServer({ name: 'billing', version: '1.0.0' });
server.tool('refund_payment', 'Refund a captured payment in full by its payment id.', { paymentId: z.string() }, async ({ paymentId }) => ({ content: [{ type: 'text', text: paymentId }] }));`,
  },
  {
    name: 'an MCP registerTool with a description in its config',
    code: `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
const server = new McpServer({ name: 'billing', version: '1.0.0' });
server.registerTool('lookup_invoice', { description: 'Find an invoice by its number and return its status.', inputSchema: { number: z.string() } }, async ({ number }) => ({ content: [{ type: 'text', text: number }] }));`,
  },
  {
    name: 'a 19-character description when minLength is 19',
    options: { minLength: 19 },
    code: `import { Agent, tool } from '@openai/agents';
import { z } from 'zod';
const lookupInvoice = tool({ name: 'lookup_invoice', description: 'Look up an invoice.', parameters: z.object({ number: z.string() }), execute: async () => 'paid' });
export const billingAgent = new Agent({ name: 'Billing', tools: [lookupInvoice] });`,
  },
];

const invalid: { name: string; code: string; options?: object; findings: Pick<Finding, 'file' | 'line' | 'severity' | 'message'>[] }[] = [
  {
    name: 'an OpenAI Agents tool with a 19-character description',
    code: `import { Agent, tool } from '@openai/agents';
import { z } from 'zod';
const lookupInvoice = tool({ name: 'lookup_invoice', description: 'Look up an invoice.', parameters: z.object({ number: z.string() }), execute: async () => 'paid' });
export const billingAgent = new Agent({ name: 'Billing', tools: [lookupInvoice] });`,
    findings: [
      {
        file: 'src/example.ts',
        line: 3,
        severity: 'warning',
        message: 'Tool lookup_invoice has a description of 19 characters; write at least 20 saying when to use it.',
      },
    ],
  },
  {
    name: 'an OpenAI Agents tool with no description',
    code: `import { Agent, tool } from '@openai/agents';
import { z } from 'zod';
const refundPayment = tool({ name: 'refund_payment', parameters: z.object({ paymentId: z.string() }), execute: async () => 'refunded' });
export const billingAgent = new Agent({ name: 'Billing', tools: [refundPayment] });`,
    findings: [
      {
        file: 'src/example.ts',
        line: 3,
        severity: 'warning',
        message: 'Expected a description for tool refund_payment: the model chooses tools by their descriptions.',
      },
    ],
  },
  {
    name: 'an empty description as a 0-character one',
    code: `import { Agent, tool } from '@openai/agents';
import { z } from 'zod';
const refundPayment = tool({ name: 'refund_payment', description: '', parameters: z.object({ paymentId: z.string() }), execute: async () => 'refunded' });
export const billingAgent = new Agent({ name: 'Billing', tools: [refundPayment] });`,
    findings: [
      {
        file: 'src/example.ts',
        line: 3,
        severity: 'warning',
        message: 'Tool refund_payment has a description of 0 characters; write at least 20 saying when to use it.',
      },
    ],
  },
  {
    name: 'an AI SDK tool with no description, named after its key',
    code: `import { generateText, tool } from 'ai';
import { openai } from '@ai-sdk/openai';
import { z } from 'zod';
const lookupInvoice = tool({ inputSchema: z.object({ number: z.string() }), execute: async () => 'paid' });
export const answerBillingQuestion = (prompt: string) => generateText({ model: openai('gpt-4o'), prompt, tools: { lookupInvoice } });`,
    findings: [
      {
        file: 'src/example.ts',
        line: 4,
        severity: 'warning',
        message: 'Expected a description for tool lookupInvoice: the model chooses tools by their descriptions.',
      },
    ],
  },
  {
    name: 'an Anthropic JSON tool with no description',
    code: `import Anthropic from '@anthropic-ai/sdk';
const anthropic = new Anthropic();
export const answerBillingQuestion = (question: string) =>
  anthropic.messages.create({
    model: 'claude-sonnet-4-5',
    max_tokens: 1024,
    tools: [{ name: 'lookup_invoice', input_schema: { type: 'object', properties: { number: { type: 'string' } } } }],
    messages: [{ role: 'user', content: question }],
  });`,
    findings: [
      {
        file: 'src/example.ts',
        line: 7,
        severity: 'warning',
        message: 'Expected a description for tool lookup_invoice: the model chooses tools by their descriptions.',
      },
    ],
  },
  {
    name: 'an OpenAI chat completions function tool with no description',
    code: `import OpenAI from 'openai';
const openai = new OpenAI();
export const answerBillingQuestion = (question: string) =>
  openai.chat.completions.create({
    model: 'gpt-4o',
    messages: [{ role: 'user', content: question }],
    tools: [{ type: 'function', function: { name: 'refund_payment', parameters: { type: 'object', properties: { paymentId: { type: 'string' } } } } }],
  });`,
    findings: [
      {
        file: 'src/example.ts',
        line: 7,
        severity: 'warning',
        message: 'Expected a description for tool refund_payment: the model chooses tools by their descriptions.',
      },
    ],
  },
  {
    name: 'an MCP registerTool with no description in its config',
    code: `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
const server = new McpServer({ name: 'billing', version: '1.0.0' });
server.registerTool('lookup_invoice', { inputSchema: { number: z.string() } }, async ({ number }) => ({ content: [{ type: 'text', text: number }] }));`,
    findings: [
      {
        file: 'src/example.ts',
        line: 4,
        severity: 'warning',
        message: 'Expected a description for tool lookup_invoice: the model chooses tools by their descriptions.',
      },
    ],
  },
  {
    name: 'a LangChain tool with no description',
    code: `import { tool } from '@langchain/core/tools';
import { createReactAgent } from '@langchain/langgraph/prebuilt';
import { ChatOpenAI } from '@langchain/openai';
import { z } from 'zod';
const refundPayment = tool(async ({ paymentId }) => paymentId, { name: 'refund_payment', schema: z.object({ paymentId: z.string() }) });
export const billingAgent = createReactAgent({ llm: new ChatOpenAI({ model: 'gpt-4o' }), tools: [refundPayment] });`,
    findings: [
      {
        file: 'src/example.ts',
        line: 5,
        severity: 'warning',
        message: 'Expected a description for tool refund_payment: the model chooses tools by their descriptions.',
      },
    ],
  },
  {
    name: 'a 20-character description when minLength is 40',
    options: { minLength: 40 },
    code: `import { Agent, tool } from '@openai/agents';
import { z } from 'zod';
const lookupInvoice = tool({ name: 'lookup_invoice', description: 'Look up one invoice.', parameters: z.object({ number: z.string() }), execute: async () => 'paid' });
export const billingAgent = new Agent({ name: 'Billing', tools: [lookupInvoice] });`,
    findings: [
      {
        file: 'src/example.ts',
        line: 3,
        severity: 'warning',
        message: 'Tool lookup_invoice has a description of 20 characters; write at least 40 saying when to use it.',
      },
    ],
  },
];

describe('require-tool-description', () => {
  describe('valid', () => {
    for (const { name, code, options } of valid) {
      it(`does not report ${name}`, () => {
        expect(findingsFor(requireToolDescription, code, options)).toEqual([]);
      });
    }
  });

  describe('invalid', () => {
    for (const { name, code, options, findings } of invalid) {
      it(`reports ${name}`, () => {
        expect(findingsFor(requireToolDescription, code, options).map(summary)).toEqual(findings);
      });
    }
  });

  it('keeps the fingerprint when blank lines are added above the tool', () => {
    const code = `import { Agent, tool } from '@openai/agents';
import { z } from 'zod';
const refundPayment = tool({ name: 'refund_payment', parameters: z.object({ paymentId: z.string() }), execute: async () => 'refunded' });
export const billingAgent = new Agent({ name: 'Billing', tools: [refundPayment] });`;
    const moved = code.replace('const refundPayment', '\n\n\nconst refundPayment');
    const [before] = findingsFor(requireToolDescription, code);
    const [after] = findingsFor(requireToolDescription, moved);
    expect(after?.line).toBe((before?.line ?? 0) + 3);
    expect(after?.fingerprint).toBe(before?.fingerprint);
  });

  // Bug: for `server.tool(name, paramsSchema, cb)` and `server.tool(name, cb)` the catalog reads
  // argument 1 as the description; a schema object or a callback there becomes an "expression"
  // description, so an MCP tool without any description is never reported.
  it('reports an MCP server.tool registered with a schema but no description', () => {
    const code = `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
const server = new McpServer({ name: 'billing', version: '1.0.0' });
server.tool('lookup_invoice', { number: z.string() }, async ({ number }) => ({ content: [{ type: 'text', text: number }] }));`;
    expect(findingsFor(requireToolDescription, code).map((finding) => finding.message)).toEqual([
      'Expected a description for tool lookup_invoice: the model chooses tools by their descriptions.',
    ]);
  });

  // Bug: a template literal whose hole cannot be read (an imported constant) still counts as a
  // literal description of its static text alone, so it is measured by the suffix (11 characters
  // here) and reported, although the real text is unknown; it should count as an expression.
  it('does not report a template description that interpolates an imported text', () => {
    const code = `import { Agent, tool } from '@openai/agents';
import { z } from 'zod';
import { invoiceHelp } from './tool-descriptions';
const lookupInvoice = tool({ name: 'lookup_invoice', description: \`\${invoiceHelp} Read-only.\`, parameters: z.object({ number: z.string() }), execute: async () => 'paid' });
export const billingAgent = new Agent({ name: 'Billing', tools: [lookupInvoice] });`;
    expect(findingsFor(requireToolDescription, code)).toEqual([]);
  });
});
