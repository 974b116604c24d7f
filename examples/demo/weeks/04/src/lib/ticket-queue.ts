import { classifyTicket } from '../features/classify-ticket.js';
import { detectUrgency } from '../features/detect-urgency.js';

export interface IncomingTicket {
  id: string;
  subject: string;
  body: string;
}

/** Routes a new email ticket: which queue, and how high in it. */
export async function routeTicket(ticket: IncomingTicket) {
  const [queue, urgency] = await Promise.all([classifyTicket(ticket.subject, ticket.body), detectUrgency(`${ticket.subject}\n${ticket.body}`)]);
  return { id: ticket.id, queue, urgency };
}
