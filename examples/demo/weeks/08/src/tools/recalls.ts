import { tool } from '@openai/agents';
import { z } from 'zod';
import { ordersApi } from '../lib/orders-api.js';

export const openRecallCase = tool({
  name: 'open_recall_case',
  description: 'Open a recall case for a recalled product (refund or replacement, prepaid return label by email).',
  parameters: z.object({ orderNumber: z.string(), productNumber: z.string(), remedy: z.enum(['refund', 'replacement']) }),
  execute: async ({ orderNumber, ...details }) =>
    ordersApi(`/recalls/orders/${encodeURIComponent(orderNumber)}`, { method: 'POST', body: JSON.stringify(details) }),
});

export const lookupGiftOrder = tool({
  name: 'lookup_gift_order',
  description: 'Look up a gift order for its recipient: delivery status and expected date only, never prices.',
  parameters: z.object({ orderNumber: z.string(), recipientEmail: z.string().email() }),
  execute: async ({ orderNumber, recipientEmail }) =>
    ordersApi(`/gifts/${encodeURIComponent(orderNumber)}?recipient=${encodeURIComponent(recipientEmail)}`),
});

export const recallTools = [openRecallCase, lookupGiftOrder];
