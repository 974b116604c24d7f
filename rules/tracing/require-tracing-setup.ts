import * as z from 'zod';
import { defineRule } from '../../src/rules/define-rule.js';

export default defineRule({
  id: 'require-tracing-setup',
  category: 'tracing',
  defaultSeverity: 'error',
  description: 'Require some LLM tracing in a repository that calls LLMs.',
  rationale:
    'Without any tracing (no wrapper, span, telemetry, instrumentation or gateway) the team cannot debug, evaluate or cost its LLM features at all; one setup fixes most calls at once.',
  effortMinutes: 120,
  options: z.strictObject({}),
  defaultOptions: {},
  messages: {
    missing:
      'Expected LLM tracing: {{count}} LLM call(s) and no tracing at all. Set up one tracing library (LangSmith, Langfuse, OpenTelemetry/OpenLLMetry, Braintrust) for the whole service.',
  },
  examples: {
    invalid: [
      `import Anthropic from '@anthropic-ai/sdk';
const anthropic = new Anthropic();
export const draftReply = (ticket: string) =>
  anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 512, messages: [{ role: 'user', content: ticket }] });`,
    ],
    valid: [
      `import Anthropic from '@anthropic-ai/sdk';
import { traceable } from 'langsmith/traceable';
const anthropic = new Anthropic();
export const draftReply = traceable((ticket: string) =>
  anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 512, messages: [{ role: 'user', content: ticket }] }));`,
    ],
  },
  check({ model, report }) {
    const first = model.llmCalls[0];
    if (!first) return;
    if (model.tracingSetups.some((setup) => setup.mechanism !== 'disabled')) return;
    if (model.llmCalls.some((call) => call.tracing.verdict !== 'untraced')) return;
    report({
      messageId: 'missing',
      data: { count: model.llmCalls.length },
      file: first.file,
      line: first.line,
      column: first.column,
      anchor: 'repository',
    });
  },
});
