import { tool } from '@openai/agents';
import { z } from 'zod';
import { ordersApi } from '../lib/orders-api.js';

export const getCustomerProfile = tool({
  name: 'get_customer_profile',
  description: 'Fetch the customer profile: name, plan, email, language and account age.',
  parameters: z.object({ customerId: z.string() }),
  execute: async ({ customerId }) => ordersApi(`/customers/${encodeURIComponent(customerId)}`),
});

export const updateEmail = tool({
  name: 'update_email',
  description: 'Change the email address of the account after the customer confirmed the new one.',
  parameters: z.object({ customerId: z.string(), email: z.string().email() }),
  execute: async ({ customerId, email }) =>
    ordersApi(`/customers/${encodeURIComponent(customerId)}/email`, { method: 'PUT', body: JSON.stringify({ email }) }),
});

export const sendPasswordReset = tool({
  name: 'send_password_reset',
  description: 'Send a password reset link to the email address on file. Never read the link out.',
  parameters: z.object({ customerId: z.string() }),
  execute: async ({ customerId }) => ordersApi(`/customers/${encodeURIComponent(customerId)}/password-reset`, { method: 'POST' }),
});

export const accountTools = [getCustomerProfile, updateEmail, sendPasswordReset];
