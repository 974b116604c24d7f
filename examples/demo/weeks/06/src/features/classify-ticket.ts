import { openai } from '../lib/openai.js';

export type TicketCategory = 'billing' | 'shipping' | 'account' | 'bug' | 'question';

/** Sorts an incoming email ticket into a queue. */
export async function classifyTicket(subject: string, body: string): Promise<TicketCategory> {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4.1-mini',
    max_tokens: 5,
    messages: [
      { role: 'system', content: 'Classify the support ticket as billing, shipping, account, bug or question. Answer with the one word.' },
      { role: 'user', content: `${subject}\n\n${body}` },
    ],
  });
  const answer = completion.choices[0]?.message.content?.trim().toLowerCase();
  return (['billing', 'shipping', 'account', 'bug'] as const).find((category) => category === answer) ?? 'question';
}
