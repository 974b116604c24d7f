import * as z from 'zod';
import { defineRule } from '../../src/rules/define-rule.js';

export default defineRule({
  id: 'no-untraced-llm-call',
  category: 'tracing',
  defaultSeverity: 'warning',
  description: 'Disallow LLM calls that no tracing wrapper, span, telemetry option, instrumentation or gateway records.',
  rationale:
    'An untraced call is invisible in production: when an answer is wrong, slow or expensive, nobody can see which step failed, what was sent, or what it cost.',
  effortMinutes: 15,
  options: z.strictObject({
    /** Also report calls whose tracing cannot be decided statically (a client passed in as a parameter). */
    reportUnknown: z.boolean(),
  }),
  defaultOptions: { reportUnknown: false },
  messages: {
    untraced:
      'Untraced LLM call {{api}}{{where}}. Wrap the client (e.g. wrapOpenAI, observeOpenAI), run it inside a traced function, or enable telemetry.',
    unknown: 'LLM call {{api}}{{where}} uses a client created elsewhere; its tracing cannot be verified here.',
  },
  examples: {
    invalid: [
      `import OpenAI from 'openai';
const openai = new OpenAI();
export async function summarizeTicket(text: string) {
  return openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: text }] });
}`,
    ],
    valid: [
      `import OpenAI from 'openai';
import { wrapOpenAI } from 'langsmith/wrappers';
const openai = wrapOpenAI(new OpenAI());
export async function summarizeTicket(text: string) {
  return openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: text }] });
}`,
    ],
  },
  check({ model, options, report }) {
    for (const call of model.llmCalls) {
      const isReported = call.tracing.verdict === 'untraced' || (options.reportUnknown && call.tracing.verdict === 'unknown');
      if (!isReported) continue;
      report({
        messageId: call.tracing.verdict === 'untraced' ? 'untraced' : 'unknown',
        data: { api: call.api, where: call.enclosingFunction ? ` in ${call.enclosingFunction}` : '' },
        file: call.file,
        line: call.line,
        column: call.column,
        anchor: `${call.enclosingFunction ?? '<module>'}|${call.api}`,
        content: call.textHash,
      });
    }
  },
});
