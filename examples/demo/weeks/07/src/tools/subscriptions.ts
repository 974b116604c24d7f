import { tool } from '@openai/agents';
import { z } from 'zod';
import { ordersApi } from '../lib/orders-api.js';

export const getSubscription = tool({
  name: 'get_subscription',
  description: 'Get the Acme Plus subscription of the customer: plan, price, renewal date and status.',
  parameters: z.object({ customerId: z.string() }),
  execute: async ({ customerId }) => ordersApi(`/subscriptions/${encodeURIComponent(customerId)}`),
});

export const cancelSubscription = tool({
  name: 'cancel_subscription',
  description: 'Cancel the Acme Plus subscription at the end of the paid period. Check the result with get_subscription.',
  parameters: z.object({ customerId: z.string(), reason: z.string() }),
  execute: async ({ customerId, reason }) =>
    ordersApi(`/subscriptions/${encodeURIComponent(customerId)}/cancel`, { method: 'POST', body: JSON.stringify({ reason }) }),
});

export const createSalesLead = tool({
  name: 'create_sales_lead',
  description: 'Pass a bulk order or quote request (more than 20 units) to the business sales team.',
  parameters: z.object({ customerId: z.string(), request: z.string(), units: z.number().int().positive() }),
  execute: async ({ customerId, ...lead }) =>
    ordersApi(`/sales/leads`, { method: 'POST', body: JSON.stringify({ customerId, ...lead }) }),
});

export const subscriptionTools = [getSubscription, cancelSubscription, createSalesLead];
