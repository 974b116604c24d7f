import { describe, expect, it } from 'vitest';
import rule from '../../rules/prompts/max-prompt-sections.js';
import type { AnyRule } from '../../src/rules/define-rule.js';
import { findingsFor } from './rule-tester.js';

const maxPromptSections = rule as unknown as AnyRule;

describe('max-prompt-sections', () => {
  it('counts markdown headings and distinct XML-style tags, and reports above the limit', () => {
    const code = `import OpenAI from 'openai';
const openai = new OpenAI();
const CONCIERGE_PROMPT = \`# Role
You are the Acme concierge.
## Billing
Quote invoices.
## Shipping
Track parcels.
<policies>Never promise dates.</policies>
<tone>Friendly.</tone>\`;
export const reply = (text: string) => openai.responses.create({ model: 'gpt-4.1', instructions: CONCIERGE_PROMPT, input: text });`;
    expect(findingsFor(maxPromptSections, code, { max: 4 }).map((finding) => finding.message)).toEqual([
      'Prompt CONCIERGE_PROMPT covers 5 sections; the limit is 4. Split it into task prompts and route between them.',
    ]);
    expect(findingsFor(maxPromptSections, code, { max: 5 })).toEqual([]);
  });

  it('does not count numbered rules as sections', () => {
    const code = `import OpenAI from 'openai';
const openai = new OpenAI();
const RULES_PROMPT = '1. Be brief.\\n2. Cite the policy.\\n3. Escalate refunds.';
export const reply = (text: string) => openai.responses.create({ model: 'gpt-4.1', instructions: RULES_PROMPT, input: text });`;
    expect(findingsFor(maxPromptSections, code, { max: 1 })).toEqual([]);
  });
});
