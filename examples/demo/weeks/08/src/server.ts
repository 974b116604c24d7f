import express from 'express';
import { answerCustomer } from './agent/helpdesk-agent.js';
import { classifyTicket } from './features/classify-ticket.js';
import { streamDraftReply } from './features/draft-reply.js';
import { suggestMacro } from './features/suggest-macro.js';
import { summarizeThread } from './features/summarize-thread.js';
import { translateReply } from './features/translate-reply.js';

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

app.post('/tickets/macro', async (request, response) => {
  const { text } = request.body as { text: string };
  response.json({ macro: await suggestMacro(text) });
});

app.post('/threads/summary', async (request, response) => {
  const { messages } = request.body as { messages: string[] };
  response.json({ summary: await summarizeThread(messages) });
});

app.post('/threads/draft', async (request, response) => {
  const { summary, customerName } = request.body as { summary: string; customerName: string };
  streamDraftReply(summary, customerName).pipeTextStreamToResponse(response);
});

app.post('/replies/translate', async (request, response) => {
  const { reply, language } = request.body as { reply: string; language: string };
  response.json({ reply: await translateReply(reply, language) });
});

app.listen(Number(process.env.PORT ?? 3000));
