import { evalite } from 'evalite';
import { ExactMatch } from 'autoevals';
import { classifyTicket } from '../src/features/classify-ticket.js';

evalite('Ticket classification', {
  data: async () => [
    { input: { subject: 'Charged twice', body: 'My card was billed two times this month.' }, expected: 'billing' },
    { input: { subject: 'App crashes', body: 'The app closes when I open settings.' }, expected: 'bug' },
  ],
  task: async ({ subject, body }) => classifyTicket(subject, body),
  scorers: [ExactMatch],
});
