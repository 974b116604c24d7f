import { describe, expect, it } from 'vitest';
import rule from '../../rules/tool-sprawl/no-unused-tool.js';
import type { Finding } from '../../src/model/report.js';
import type { AnyRule } from '../../src/rules/define-rule.js';
import { findingsFor } from './rule-tester.js';

const noUnusedTool = rule as unknown as AnyRule;

function summary({ file, line, severity, message }: Finding): Pick<Finding, 'file' | 'line' | 'severity' | 'message'> {
  return { file, line, severity, message };
}

const valid: { name: string; code: string | Record<string, string>; options?: object }[] = [
  {
    name: 'AI SDK tools all listed in a generateText call',
    code: `import { generateText, tool } from 'ai';
import { openai } from '@ai-sdk/openai';
import { z } from 'zod';
const lookupInvoice = tool({ description: 'Find an invoice by its number and return its status.', inputSchema: z.object({ number: z.string() }), execute: async () => 'paid' });
const refundPayment = tool({ description: 'Refund a captured payment in full by its payment id.', inputSchema: z.object({ paymentId: z.string() }), execute: async () => 'refunded' });
export const answerBillingQuestion = (prompt: string) => generateText({ model: openai('gpt-4o'), prompt, tools: { lookupInvoice, refundPayment } });`,
  },
  {
    name: 'OpenAI Agents tools all handed to an agent',
    code: `import { Agent, tool } from '@openai/agents';
import { z } from 'zod';
const lookupInvoice = tool({ name: 'lookup_invoice', description: 'Find an invoice by its number and return its status.', parameters: z.object({ number: z.string() }), execute: async () => 'paid' });
const refundPayment = tool({ name: 'refund_payment', description: 'Refund a captured payment in full by its payment id.', parameters: z.object({ paymentId: z.string() }), execute: async () => 'refunded' });
export const billingAgent = new Agent({ name: 'Billing', tools: [lookupInvoice, refundPayment] });`,
  },
  {
    name: 'a tool defined in one file and handed to an agent in another',
    code: {
      'src/tools/billing-tools.ts': `import { tool } from '@openai/agents';
import { z } from 'zod';
export const lookupInvoice = tool({ name: 'lookup_invoice', description: 'Find an invoice by its number and return its status.', parameters: z.object({ number: z.string() }), execute: async () => 'paid' });`,
      'src/agents/billing-agent.ts': `import { Agent } from '@openai/agents';
import { lookupInvoice } from '../tools/billing-tools';
export const billingAgent = new Agent({ name: 'Billing', tools: [lookupInvoice] });`,
    },
  },
  {
    name: 'an agent used as a tool by another agent',
    code: `import { Agent, tool } from '@openai/agents';
import { z } from 'zod';
const refundPayment = tool({ name: 'refund_payment', description: 'Refund a captured payment in full by its payment id.', parameters: z.object({ paymentId: z.string() }), execute: async () => 'refunded' });
const refundAgent = new Agent({ name: 'Refunds', instructions: 'Decide whether a refund is due.', tools: [refundPayment] });
export const triageAgent = new Agent({ name: 'Triage', tools: [refundAgent.asTool({ toolName: 'refund_expert', toolDescription: 'Decide whether a customer is owed a refund.' })] });`,
  },
  {
    name: 'an MCP server.tool, which clients outside the repository call',
    code: `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
const server = new McpServer({ name: 'billing', version: '1.0.0' });
server.tool('lookup_invoice', 'Find an invoice by its number and return its status.', { number: z.string() }, async ({ number }) => ({ content: [{ type: 'text', text: number }] }));`,
  },
  {
    name: 'an unlisted tool when another tool set cannot be followed (tools: loadPluginTools())',
    code: `import { generateText, tool } from 'ai';
import { openai } from '@ai-sdk/openai';
import { z } from 'zod';
import { loadPluginTools } from './plugins';
const lookupInvoice = tool({ description: 'Find an invoice by its number and return its status.', inputSchema: z.object({ number: z.string() }), execute: async () => 'paid' });
export const answerBillingQuestion = (prompt: string) => generateText({ model: openai('gpt-4o'), prompt, tools: loadPluginTools() });`,
  },
];

const invalid: { name: string; code: string | Record<string, string>; options?: object; findings: Pick<Finding, 'file' | 'line' | 'severity' | 'message'>[] }[] = [
  {
    name: 'an AI SDK tool left out of the generateText call (named after its variable)',
    code: `import { generateText, tool } from 'ai';
import { openai } from '@ai-sdk/openai';
import { z } from 'zod';
const lookupInvoice = tool({ description: 'Find an invoice by its number and return its status.', inputSchema: z.object({ number: z.string() }), execute: async () => 'paid' });
const refundPayment = tool({ description: 'Refund a captured payment in full by its payment id.', inputSchema: z.object({ paymentId: z.string() }), execute: async () => 'refunded' });
export const answerBillingQuestion = (prompt: string) => generateText({ model: openai('gpt-4o'), prompt, tools: { lookupInvoice } });`,
    findings: [
      {
        file: 'src/example.ts',
        line: 5,
        severity: 'warning',
        message: 'Tool refundPayment is not handed to any model or agent; remove it or add it to a tool set.',
      },
    ],
  },
  {
    name: 'an OpenAI Agents tool left out of the agent',
    code: `import { Agent, tool } from '@openai/agents';
import { z } from 'zod';
const lookupInvoice = tool({ name: 'lookup_invoice', description: 'Find an invoice by its number and return its status.', parameters: z.object({ number: z.string() }), execute: async () => 'paid' });
const refundPayment = tool({ name: 'refund_payment', description: 'Refund a captured payment in full by its payment id.', parameters: z.object({ paymentId: z.string() }), execute: async () => 'refunded' });
export const billingAgent = new Agent({ name: 'Billing', tools: [lookupInvoice] });`,
    findings: [
      {
        file: 'src/example.ts',
        line: 4,
        severity: 'warning',
        message: 'Tool refund_payment is not handed to any model or agent; remove it or add it to a tool set.',
      },
    ],
  },
  {
    name: 'an exported tool that no file hands to an agent',
    code: {
      'src/tools/billing-tools.ts': `import { tool } from '@openai/agents';
import { z } from 'zod';
export const lookupInvoice = tool({ name: 'lookup_invoice', description: 'Find an invoice by its number and return its status.', parameters: z.object({ number: z.string() }), execute: async () => 'paid' });
export const refundPayment = tool({ name: 'refund_payment', description: 'Refund a captured payment in full by its payment id.', parameters: z.object({ paymentId: z.string() }), execute: async () => 'refunded' });`,
      'src/agents/billing-agent.ts': `import { Agent } from '@openai/agents';
import { lookupInvoice } from '../tools/billing-tools';
export const billingAgent = new Agent({ name: 'Billing', tools: [lookupInvoice] });`,
    },
    findings: [
      {
        file: 'src/tools/billing-tools.ts',
        line: 4,
        severity: 'warning',
        message: 'Tool refund_payment is not handed to any model or agent; remove it or add it to a tool set.',
      },
    ],
  },
  {
    name: 'an unused AI SDK tool beside an MCP server.tool, and only the AI SDK tool',
    code: `import { generateText, tool } from 'ai';
import { openai } from '@ai-sdk/openai';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
const server = new McpServer({ name: 'billing', version: '1.0.0' });
server.tool('lookup_invoice', 'Find an invoice by its number and return its status.', { number: z.string() }, async ({ number }) => ({ content: [{ type: 'text', text: number }] }));
const lookupInvoice = tool({ description: 'Find an invoice by its number and return its status.', inputSchema: z.object({ number: z.string() }), execute: async () => 'paid' });
const refundPayment = tool({ description: 'Refund a captured payment in full by its payment id.', inputSchema: z.object({ paymentId: z.string() }), execute: async () => 'refunded' });
export const answerBillingQuestion = (prompt: string) => generateText({ model: openai('gpt-4o'), prompt, tools: { lookupInvoice } });`,
    findings: [
      {
        file: 'src/example.ts',
        line: 8,
        severity: 'warning',
        message: 'Tool refundPayment is not handed to any model or agent; remove it or add it to a tool set.',
      },
    ],
  },
  {
    name: 'an unlisted tool beside an incomplete tool set when reportWhenSetsIncomplete is on',
    options: { reportWhenSetsIncomplete: true },
    code: `import { generateText, tool } from 'ai';
import { openai } from '@ai-sdk/openai';
import { z } from 'zod';
import { loadPluginTools } from './plugins';
const lookupInvoice = tool({ description: 'Find an invoice by its number and return its status.', inputSchema: z.object({ number: z.string() }), execute: async () => 'paid' });
export const answerBillingQuestion = (prompt: string) => generateText({ model: openai('gpt-4o'), prompt, tools: loadPluginTools() });`,
    findings: [
      {
        file: 'src/example.ts',
        line: 5,
        severity: 'warning',
        message: 'Tool lookupInvoice is not handed to any model or agent; remove it or add it to a tool set.',
      },
    ],
  },
];

describe('no-unused-tool', () => {
  describe('valid', () => {
    for (const { name, code, options } of valid) {
      it(`does not report ${name}`, () => {
        expect(findingsFor(noUnusedTool, code, options)).toEqual([]);
      });
    }
  });

  describe('invalid', () => {
    for (const { name, code, options, findings } of invalid) {
      it(`reports ${name}`, () => {
        expect(findingsFor(noUnusedTool, code, options).map(summary)).toEqual(findings);
      });
    }
  });

  it('keeps the fingerprint of a named tool when blank lines are added above it', () => {
    const code = `import { Agent, tool } from '@openai/agents';
import { z } from 'zod';
const lookupInvoice = tool({ name: 'lookup_invoice', description: 'Find an invoice by its number and return its status.', parameters: z.object({ number: z.string() }), execute: async () => 'paid' });
const refundPayment = tool({ name: 'refund_payment', description: 'Refund a captured payment in full by its payment id.', parameters: z.object({ paymentId: z.string() }), execute: async () => 'refunded' });
export const billingAgent = new Agent({ name: 'Billing', tools: [lookupInvoice] });`;
    const moved = code.replace('const refundPayment', '\n\n\nconst refundPayment');
    const [before] = findingsFor(noUnusedTool, code);
    const [after] = findingsFor(noUnusedTool, moved);
    expect(after?.line).toBe((before?.line ?? 0) + 3);
    expect(after?.fingerprint).toBe(before?.fingerprint);
  });

  // Bug: an unused AI SDK tool has no name (it would come from its key in a tools object), so its
  // id, used as the anchor, is `file:line` and the fingerprint changes whenever a line is added above.
  it('keeps the fingerprint of an unused AI SDK tool when blank lines are added above it', () => {
    const code = `import { generateText, tool } from 'ai';
import { openai } from '@ai-sdk/openai';
import { z } from 'zod';
const lookupInvoice = tool({ description: 'Find an invoice by its number and return its status.', inputSchema: z.object({ number: z.string() }), execute: async () => 'paid' });
const refundPayment = tool({ description: 'Refund a captured payment in full by its payment id.', inputSchema: z.object({ paymentId: z.string() }), execute: async () => 'refunded' });
export const answerBillingQuestion = (prompt: string) => generateText({ model: openai('gpt-4o'), prompt, tools: { lookupInvoice } });`;
    const moved = code.replace('const refundPayment', '\n\n\nconst refundPayment');
    const [before] = findingsFor(noUnusedTool, code);
    const [after] = findingsFor(noUnusedTool, moved);
    expect(after?.line).toBe((before?.line ?? 0) + 3);
    expect(after?.fingerprint).toBe(before?.fingerprint);
  });

  // Bug: every `new Agent({ … })` is recorded as a tool set, even without a `tools` option; the
  // missing option is read as a set that could not be followed (isComplete false), so one
  // tool-less agent anywhere in the repository silences the rule.
  it('reports an unused tool when another agent is created without tools', () => {
    const code = `import { Agent, tool } from '@openai/agents';
import { z } from 'zod';
const lookupInvoice = tool({ name: 'lookup_invoice', description: 'Find an invoice by its number and return its status.', parameters: z.object({ number: z.string() }), execute: async () => 'paid' });
const refundPayment = tool({ name: 'refund_payment', description: 'Refund a captured payment in full by its payment id.', parameters: z.object({ paymentId: z.string() }), execute: async () => 'refunded' });
export const billingAgent = new Agent({ name: 'Billing', tools: [lookupInvoice] });
export const greeterAgent = new Agent({ name: 'Greeter', instructions: 'Greet the customer and ask how to help.' });`;
    expect(findingsFor(noUnusedTool, code).map((finding) => finding.message)).toEqual([
      'Tool refund_payment is not handed to any model or agent; remove it or add it to a tool set.',
    ]);
  });

  // Bug: a tool set entry that cannot be followed (here a call to a wrapper imported from another
  // module) is counted but leaves the set complete, so the wrapped tool is reported as unused.
  it('does not report a tool handed to an agent through a wrapper call', () => {
    const code = `import { Agent, tool } from '@openai/agents';
import { z } from 'zod';
import { withAuditLog } from './audit-log';
const refundPayment = tool({ name: 'refund_payment', description: 'Refund a captured payment in full by its payment id.', parameters: z.object({ paymentId: z.string() }), execute: async () => 'refunded' });
export const billingAgent = new Agent({ name: 'Billing', tools: [withAuditLog(refundPayment)] });`;
    expect(findingsFor(noUnusedTool, code)).toEqual([]);
  });

  // Bug: the tools of an LLM call are read only from a `tools` property written in its options
  // literal; a spread of shared options is ignored (no tool set, not even an incomplete one), so
  // the tools in it are reported as unused.
  it('does not report a tool passed in options spread into generateText', () => {
    const code = `import { generateText, tool } from 'ai';
import { openai } from '@ai-sdk/openai';
import { z } from 'zod';
const lookupInvoice = tool({ description: 'Find an invoice by its number and return its status.', inputSchema: z.object({ number: z.string() }), execute: async () => 'paid' });
const billingOptions = { model: openai('gpt-4o'), tools: { lookupInvoice } };
export const answerBillingQuestion = (prompt: string) => generateText({ ...billingOptions, prompt });`;
    expect(findingsFor(noUnusedTool, code)).toEqual([]);
  });
});
