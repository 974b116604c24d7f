import { openai } from '@ai-sdk/openai';
import { generateText } from 'ai';

/** Three bullet points for the human agent who picks up an escalated thread. */
export async function summarizeThread(messages: string[]) {
  const { text } = await generateText({
    model: openai('gpt-4.1-mini'),
    system: 'Summarize the support thread for a colleague in three short bullet points: the problem, what was tried, what is still open.',
    prompt: messages.join('\n---\n'),
    maxOutputTokens: 300,
    experimental_telemetry: { isEnabled: true, functionId: 'summarize-thread' },
  });
  return text;
}
