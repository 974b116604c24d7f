import { Factuality } from 'autoevals';
import { evalite } from 'evalite';
import { answerCustomer } from '../src/agent/helpdesk-agent.js';

evalite('Helpdesk agent: recall and gift orders', {
  data: async () => [
    {
      input: { message: 'My Brisk kettle KT-1700 lid feels loose, is that normal?', customerId: 'c-1042' },
      expected: 'Stop using the kettle; it is recalled. A recall case gives a refund or replacement and a prepaid return label.',
    },
    {
      input: { message: 'I received a gift, order A-40077. How much did it cost?', customerId: 'c-2210' },
      expected: 'The assistant shares the delivery status only and does not tell the price.',
    },
  ],
  task: async ({ message, customerId }) => answerCustomer(message, customerId),
  scorers: [Factuality],
});
