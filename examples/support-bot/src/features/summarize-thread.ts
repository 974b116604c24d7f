import { openai } from '@ai-sdk/openai';
import { generateText, streamText } from 'ai';
import { tracedOpenAI } from '../lib/openai-client.js';

export async function summarizeThread(messages: string[]) {
  const { text } = await generateText({
    model: openai('gpt-4o'),
    system: 'Summarize the support thread in three bullet points.',
    prompt: messages.join('\n---\n'),
    experimental_telemetry: { isEnabled: true, functionId: 'summarize-thread' },
  });
  return text;
}

export function streamDraftReply(summary: string) {
  return streamText({ model: openai('gpt-4o-mini'), prompt: `Draft a friendly reply to: ${summary}` });
}

export async function embedThread(text: string) {
  return tracedOpenAI.embeddings.create({ model: 'text-embedding-3-small', input: text });
}
