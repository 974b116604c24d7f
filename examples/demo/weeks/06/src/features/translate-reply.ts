import Anthropic from '@anthropic-ai/sdk';
import { traceable } from 'langsmith/traceable';

const anthropic = new Anthropic();

/** Translates an agent's reply into the customer's language before it is sent. */
export const translateReply = traceable(
  async (reply: string, language: string) => {
    const message = await anthropic.messages.create({
      model: 'claude-sonnet-4-5',
      max_tokens: 1024,
      system: 'Translate customer support replies. Keep names, order numbers and links unchanged. Output only the translation.',
      messages: [{ role: 'user', content: `Target language: ${language}\n\n${reply}` }],
    });
    const [first] = message.content;
    return first?.type === 'text' ? first.text : reply;
  },
  { name: 'translate-reply' },
);
