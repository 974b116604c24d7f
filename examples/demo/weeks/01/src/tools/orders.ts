import { tool } from '@openai/agents';
import { z } from 'zod';
import { ordersApi } from '../lib/orders-api.js';

export const lookupOrder = tool({
  name: 'lookup_order',
  description: 'Look up an order by its number: status, items, totals and the shipping address.',
  parameters: z.object({ orderNumber: z.string().describe('Order number such as A-10293') }),
  execute: async ({ orderNumber }) => ordersApi(`/orders/${encodeURIComponent(orderNumber)}`),
});

export const listRecentOrders = tool({
  name: 'list_recent_orders',
  description: 'List the ten most recent orders of the signed-in customer, newest first.',
  parameters: z.object({ customerId: z.string() }),
  execute: async ({ customerId }) => ordersApi(`/customers/${encodeURIComponent(customerId)}/orders?limit=10`),
});

export const cancelOrder = tool({
  name: 'cancel_order',
  description: 'Cancel an order that has not shipped yet. Confirm with the customer before calling.',
  parameters: z.object({ orderNumber: z.string(), reason: z.string() }),
  execute: async ({ orderNumber, reason }) =>
    ordersApi(`/orders/${encodeURIComponent(orderNumber)}/cancel`, { method: 'POST', body: JSON.stringify({ reason }) }),
});

export const orderTools = [lookupOrder, listRecentOrders, cancelOrder];
