import { openai } from '@ai-sdk/openai';
import { streamText } from 'ai';

/** Streams a reply draft that a human agent edits before sending. */
export function streamDraftReply(summary: string, customerName: string) {
  return streamText({
    model: openai('gpt-4.1-mini'),
    system: 'You draft replies for Acme support agents. Friendly, short, no promises about refunds or dates.',
    prompt: `Customer: ${customerName}\nSummary of the thread:\n${summary}\n\nDraft the next reply.`,
  });
}
