import { rawOpenAI } from '../lib/openai-client.js';

export async function classifyTicket(subject: string, body: string) {
  const completion = await rawOpenAI.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [
      { role: 'system', content: 'Classify the support ticket as billing, bug, or question.' },
      { role: 'user', content: `${subject}\n\n${body}` },
    ],
  });
  return completion.choices[0]?.message.content ?? 'question';
}
