import { describe, expect, it } from 'vitest';
import rule from '../../rules/prompts/no-duplicate-prompt.js';
import type { AnyRule } from '../../src/rules/define-rule.js';
import { findingsFor } from './rule-tester.js';

const noDuplicatePrompt = rule as unknown as AnyRule;

const policy = 'You answer billing questions for Acme. Quote the invoice number, never guess amounts, and hand over to a human for refunds above 500 euros.';
const call = (fn: string, system: string) => `import Anthropic from '@anthropic-ai/sdk';
const anthropic = new Anthropic();
export const ${fn} = (question: string) =>
  anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 500, system: ${system}, messages: [{ role: 'user', content: question }] });`;

describe('no-duplicate-prompt', () => {
  it('reports the second copy of a prompt, naming the first, whatever the whitespace', () => {
    const files = {
      'src/billing/answer.ts': call('answerBilling', `'${policy}'`),
      'src/support/answer.ts': call('answerSupport', `\`${policy.replace(/ /g, '\n  ')}\``),
    };
    expect(findingsFor(noDuplicatePrompt, files).map(({ file, message }) => ({ file, message }))).toEqual([
      { file: 'src/support/answer.ts', message: 'Prompt system prompt of anthropic.messages.create repeats the prompt at src/billing/answer.ts:4; keep one copy and import it.' },
    ]);
  });

  it('does not report one constant imported and sent from two modules', () => {
    const files = {
      'src/prompts.ts': `export const BILLING_PROMPT = '${policy}';`,
      'src/billing/answer.ts': `import { BILLING_PROMPT } from '../prompts';\n${call('answerBilling', 'BILLING_PROMPT')}`,
      'src/support/answer.ts': `import { BILLING_PROMPT } from '../prompts';\n${call('answerSupport', 'BILLING_PROMPT')}`,
    };
    expect(findingsFor(noDuplicatePrompt, files)).toEqual([]);
  });

  it('does not report short generic prompts', () => {
    const files = {
      'src/billing/answer.ts': call('answerBilling', `'Be concise.'`),
      'src/support/answer.ts': call('answerSupport', `'Be concise.'`),
    };
    expect(findingsFor(noDuplicatePrompt, files)).toEqual([]);
  });
});
