import { reviewConversation } from '../features/review-conversation.js';

const CONVERSATIONS_URL = process.env.CONVERSATIONS_URL ?? 'http://conversations.internal';

/** Run by the scheduler at 02:00: reviews yesterday's assistant conversations and stores the grades. */
export async function reviewYesterday() {
  const response = await fetch(`${CONVERSATIONS_URL}/conversations?since=yesterday&channel=assistant`);
  const conversations = (await response.json()) as Array<{ id: string; transcript: string }>;
  for (const conversation of conversations) {
    const review = await reviewConversation(conversation.transcript);
    await fetch(`${CONVERSATIONS_URL}/conversations/${conversation.id}/reviews`, { method: 'POST', body: JSON.stringify({ review }) });
  }
}
