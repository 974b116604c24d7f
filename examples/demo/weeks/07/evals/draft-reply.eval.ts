import { Levenshtein } from 'autoevals';
import { evalite } from 'evalite';
import { streamDraftReply } from '../src/features/draft-reply.js';

evalite('Reply drafts make no promises', {
  data: async () => [
    { input: { summary: 'Parcel for A-30990 is late by a week; customer asks when it arrives.', customerName: 'Dana' } },
    { input: { summary: 'Customer wants a refund for a scratched pan, order A-31002.', customerName: 'Luis' } },
  ],
  task: async ({ summary, customerName }) => streamDraftReply(summary, customerName).text,
  scorers: [
    {
      name: 'No refund or date promised',
      scorer: ({ output }) => (/\b(refund(ed)? (is|will be)|will arrive (on|by))\b/i.test(output) ? 0 : 1),
    },
    Levenshtein,
  ],
});
