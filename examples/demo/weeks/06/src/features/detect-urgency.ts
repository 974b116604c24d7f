import { openai } from '../lib/openai.js';

/** Scores how urgent a ticket is (1 to 5) so the queue puts angry or blocked customers first. */
export async function detectUrgency(ticketText: string): Promise<number> {
  const response = await openai.responses.create({
    model: 'gpt-4.1-mini',
    instructions: 'Rate the urgency of this support ticket from 1 (can wait) to 5 (customer is blocked or very upset). Answer with the digit only.',
    input: ticketText,
    max_output_tokens: 16,
  });
  const score = Number.parseInt(response.output_text.trim(), 10);
  return Number.isInteger(score) && score >= 1 && score <= 5 ? score : 3;
}
