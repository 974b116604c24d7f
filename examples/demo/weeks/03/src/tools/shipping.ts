import { tool } from '@openai/agents';
import { z } from 'zod';
import { ordersApi } from '../lib/orders-api.js';

export const trackShipment = tool({
  name: 'track_shipment',
  description: 'Get the carrier, tracking number and latest tracking events of the parcels of an order.',
  parameters: z.object({ orderNumber: z.string() }),
  execute: async ({ orderNumber }) => ordersApi(`/shipping/orders/${encodeURIComponent(orderNumber)}/tracking`),
});

export const openCarrierClaim = tool({
  name: 'open_carrier_claim',
  description: 'Open a claim with the carrier for a parcel that is lost or arrived damaged. Returns the claim id.',
  parameters: z.object({ orderNumber: z.string(), kind: z.enum(['lost', 'damaged']), details: z.string() }),
  execute: async ({ orderNumber, ...claim }) =>
    ordersApi(`/shipping/orders/${encodeURIComponent(orderNumber)}/claims`, { method: 'POST', body: JSON.stringify(claim) }),
});

export const redirectShipment = tool({
  name: 'redirect_shipment',
  description: 'Ask the carrier to deliver a parcel in transit to another address or a parcel locker.',
  parameters: z.object({ orderNumber: z.string(), address: z.string() }),
  execute: async ({ orderNumber, address }) =>
    ordersApi(`/shipping/orders/${encodeURIComponent(orderNumber)}/redirect`, { method: 'POST', body: JSON.stringify({ address }) }),
});

export const estimateDelivery = tool({
  name: 'estimate_delivery',
  description: 'Estimate the delivery date of an order that has not shipped yet, from stock and the address.',
  parameters: z.object({ orderNumber: z.string() }),
  execute: async ({ orderNumber }) => ordersApi(`/shipping/orders/${encodeURIComponent(orderNumber)}/estimate`),
});

export const shippingTools = [trackShipment, openCarrierClaim, redirectShipment, estimateDelivery];
