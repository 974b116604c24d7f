import { ExactMatch } from 'autoevals';
import { evalite } from 'evalite';
import { classifyTicket } from '../src/features/classify-ticket.js';

evalite('Ticket triage', {
  data: async () => [
    { input: { subject: 'Charged twice', body: 'My card was billed two times for order A-10293.' }, expected: 'billing' },
    { input: { subject: 'Where is my parcel?', body: 'Tracking has not moved since Monday.' }, expected: 'shipping' },
    { input: { subject: 'Cannot log in', body: 'The reset email never arrives.' }, expected: 'account' },
    { input: { subject: 'App crashes', body: 'The app closes when I open my orders.' }, expected: 'bug' },
  ],
  task: async ({ subject, body }) => classifyTicket(subject, body),
  scorers: [ExactMatch],
});
