import { Factuality } from 'autoevals';
import { evalite } from 'evalite';
import { summarizeThread } from '../src/features/summarize-thread.js';

evalite('Thread summaries', {
  data: async () => [
    {
      input: ['My kettle KT-1700 leaks.', 'Sorry to hear that! Could you send the order number?', 'It is A-20411.'],
      expected: '- Kettle KT-1700 leaks\n- Order number A-20411 received\n- Open: warranty case not opened yet',
    },
    {
      input: ['I was charged twice for A-10293.', 'I see two payments and refunded one: refund R-5521.', 'Thanks!'],
      expected: '- Double charge on order A-10293\n- One payment refunded (R-5521)\n- Nothing open',
    },
  ],
  task: async (messages) => summarizeThread(messages),
  scorers: [Factuality],
});
