import { rawOpenAI } from '../lib/openai.js';
import { FAQ } from './faq-text.js';

/** Quick answers for the help center search box, from the FAQ page pasted into the prompt. */
export async function answerFromFaq(question: string) {
  const completion = await rawOpenAI.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [
      { role: 'system', content: `Answer the question from this FAQ only. If it is not covered, say so.\n\n${FAQ}` },
      { role: 'user', content: question },
    ],
  });
  return completion.choices[0]?.message.content ?? '';
}
