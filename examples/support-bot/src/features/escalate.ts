import Anthropic from '@anthropic-ai/sdk';
import { traceable } from 'langsmith/traceable';

const anthropic = new Anthropic();

export const decideEscalation = traceable(async (ticket: string) => {
  const message = await anthropic.messages.create({
    model: 'claude-sonnet-4-5',
    max_tokens: 256,
    messages: [{ role: 'user', content: `Should this ticket go to a human? Answer yes or no.\n${ticket}` }],
  });
  return message.content;
});

export async function translateReply(reply: string, language: string) {
  return anthropic.messages.create({
    model: 'claude-haiku-4-5',
    max_tokens: 1024,
    messages: [{ role: 'user', content: `Translate into ${language}:\n${reply}` }],
  });
}
