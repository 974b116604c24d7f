import { Agent, run } from '@openai/agents';
import { accountTools } from '../tools/account.js';
import { orderTools } from '../tools/orders.js';
import { HELPDESK_INSTRUCTIONS } from './instructions.js';

export const helpdeskAgent = new Agent({
  name: 'Acme Helpdesk',
  model: 'gpt-4.1',
  instructions: HELPDESK_INSTRUCTIONS,
  tools: [...orderTools, ...accountTools],
});

/** Answers one customer message; the Agents SDK traces every run. */
export async function answerCustomer(message: string, customerId: string) {
  const result = await run(helpdeskAgent, `Customer ${customerId} writes:\n${message}`);
  return result.finalOutput ?? '';
}
