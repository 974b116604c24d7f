/** Thin client of the orders service (internal REST API). */
const ORDERS_URL = process.env.ORDERS_URL ?? 'http://orders.internal:8080';

export async function ordersApi<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`${ORDERS_URL}${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...init?.headers },
  });
  if (!response.ok) throw new Error(`orders service: ${response.status} on ${path}`);
  return (await response.json()) as T;
}
