import express from 'express';
import { answerCustomer } from './agent/helpdesk-agent.js';
import { classifyTicket } from './features/classify-ticket.js';
import { streamDraftReply } from './features/draft-reply.js';
import { answerFromFaq } from './features/faq-answer.js';
import { summarizeThread } from './features/summarize-thread.js';

const app = express();
app.use(express.json({ limit: '200kb' }));

app.post('/chat', async (request, response) => {
  const { message, customerId } = request.body as { message: string; customerId: string };
  response.json({ reply: await answerCustomer(message, customerId) });
});

app.post('/tickets/classify', async (request, response) => {
  const { subject, body } = request.body as { subject: string; body: string };
  response.json({ category: await classifyTicket(subject, body) });
});

app.post('/threads/summary', async (request, response) => {
  const { messages } = request.body as { messages: string[] };
  response.json({ summary: await summarizeThread(messages) });
});

app.post('/threads/draft', async (request, response) => {
  const { summary, customerName } = request.body as { summary: string; customerName: string };
  streamDraftReply(summary, customerName).pipeTextStreamToResponse(response);
});

app.get('/faq', async (request, response) => {
  response.json({ answer: await answerFromFaq(String(request.query.q ?? '')) });
});

app.listen(Number(process.env.PORT ?? 3000));
