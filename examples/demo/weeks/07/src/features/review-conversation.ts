import Anthropic from '@anthropic-ai/sdk';

const anthropic = new Anthropic();

/** Nightly quality review: grades a finished conversation of the assistant for the support leads. */
export async function reviewConversation(transcript: string) {
  const message = await anthropic.messages.create({
    model: 'claude-sonnet-4-5',
    max_tokens: 600,
    system:
      'You review conversations between Acme Helpdesk (an AI assistant) and customers. Grade correctness, tone and policy compliance from 1 to 5 each, and list every promise the assistant made.',
    messages: [{ role: 'user', content: transcript }],
  });
  const [first] = message.content;
  return first?.type === 'text' ? first.text : '';
}
