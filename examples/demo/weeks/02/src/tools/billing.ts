import { tool } from '@openai/agents';
import { z } from 'zod';
import { ordersApi } from '../lib/orders-api.js';

// Billing needs the payment status with the order, so it has its own lookup.
export const lookupOrderForBilling = tool({
  name: 'lookup_order',
  description: 'Look up an order by its number with its payment status, invoices and refunds.',
  parameters: z.object({ orderNumber: z.string() }),
  execute: async ({ orderNumber }) => ordersApi(`/billing/orders/${encodeURIComponent(orderNumber)}`),
});

export const issueRefund = tool({
  name: 'issue_refund',
  description: 'Refund an order fully or partly to the original payment method. Returns the refund id.',
  parameters: z.object({ orderNumber: z.string(), amountCents: z.number().int().positive(), reason: z.string() }),
  execute: async ({ orderNumber, amountCents, reason }) =>
    ordersApi(`/billing/orders/${encodeURIComponent(orderNumber)}/refunds`, { method: 'POST', body: JSON.stringify({ amountCents, reason }) }),
});

export const getInvoice = tool({
  name: 'get_invoice',
  description: 'Get the download link of the invoice of an order, to send to the customer by email.',
  parameters: z.object({ orderNumber: z.string() }),
  execute: async ({ orderNumber }) => ordersApi(`/billing/orders/${encodeURIComponent(orderNumber)}/invoice`),
});

export const updateBillingAddress = tool({
  name: 'update_billing_address',
  description: 'Change the billing address and company details (name, VAT number) used on future invoices.',
  parameters: z.object({ customerId: z.string(), company: z.string().optional(), vatNumber: z.string().optional(), address: z.string() }),
  execute: async ({ customerId, ...details }) =>
    ordersApi(`/billing/customers/${encodeURIComponent(customerId)}/address`, { method: 'PUT', body: JSON.stringify(details) }),
});

export const billingTools = [lookupOrderForBilling, issueRefund, getInvoice, updateBillingAddress];
