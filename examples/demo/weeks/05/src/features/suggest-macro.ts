import { openai } from '@ai-sdk/openai';
import { generateText, stepCountIs, tool } from 'ai';
import { z } from 'zod';

const MACROS_URL = process.env.MACROS_URL ?? 'http://macros.internal';

/** Suggests which saved reply ("macro") fits a ticket, for the agent's sidebar. */
export async function suggestMacro(ticketText: string) {
  const { text } = await generateText({
    model: openai('gpt-4.1-mini'),
    system: 'Pick the saved reply that best answers the ticket. Answer with its id, or "none".',
    prompt: ticketText,
    tools: {
      findMacros: tool({
        inputSchema: z.object({ keywords: z.string() }),
        execute: async ({ keywords }) => (await fetch(`${MACROS_URL}/search?q=${encodeURIComponent(keywords)}`)).json(),
      }),
    },
    stopWhen: stepCountIs(3),
  });
  return text.trim();
}
