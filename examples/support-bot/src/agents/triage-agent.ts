import { Agent, run, tool } from '@openai/agents';
import { z } from 'zod';

const lookupOrder = tool({
  name: 'lookup_order',
  description: 'Look up an order by its id to see its status and items.',
  parameters: z.object({ orderId: z.string() }),
  execute: async ({ orderId }) => ({ orderId, status: 'shipped' }),
});

const triageAgent = new Agent({
  name: 'Triage',
  instructions: 'Route the customer to billing, shipping or technical support.',
  tools: [lookupOrder],
});

export async function triage(question: string) {
  const result = await run(triageAgent, question);
  return result.finalOutput;
}
