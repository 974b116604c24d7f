import { tool } from '@openai/agents';
import { z } from 'zod';
import { ordersApi } from '../lib/orders-api.js';

export const getProductDetails = tool({
  name: 'get_product_details',
  description: 'Get a product by its number: name, dimensions, materials, care instructions and the manual link.',
  parameters: z.object({ productNumber: z.string() }),
  execute: async ({ productNumber }) => ordersApi(`/catalog/products/${encodeURIComponent(productNumber)}`),
});

export const checkStock = tool({
  name: 'check_stock',
  description: 'Check whether a product is in stock and when the next delivery to the warehouse is expected.',
  parameters: z.object({ productNumber: z.string() }),
  execute: async ({ productNumber }) => ordersApi(`/catalog/products/${encodeURIComponent(productNumber)}/stock`),
});

export const openWarrantyCase = tool({
  name: 'open_warranty_case',
  description: 'Open a warranty case for a faulty product bought less than two years ago. Returns the case id.',
  parameters: z.object({ orderNumber: z.string(), productNumber: z.string(), fault: z.string() }),
  execute: async ({ orderNumber, ...details }) =>
    ordersApi(`/warranty/orders/${encodeURIComponent(orderNumber)}/cases`, { method: 'POST', body: JSON.stringify(details) }),
});

export const issueVoucher = tool({
  name: 'issue_voucher',
  description: 'Issue the standard delay voucher for an order delivered more than five days late, once per order.',
  parameters: z.object({ orderNumber: z.string() }),
  execute: async ({ orderNumber }) => ordersApi(`/billing/orders/${encodeURIComponent(orderNumber)}/voucher`, { method: 'POST' }),
});

export const productTools = [getProductDetails, checkStock, openWarrantyCase, issueVoucher];
