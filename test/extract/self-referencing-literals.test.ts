import { describe, expect, it } from 'vitest';
import { extractTypeScript } from '../../src/extract/extract-typescript.js';

describe('extractTypeScript on a variable assigned from itself', () => {
  it('keeps the appended text and makes the earlier value a hole instead of recursing forever', () => {
    const code = [
      "import OpenAI from 'openai';",
      'const client = new OpenAI();',
      'export async function draftReply(ticket: string) {',
      "  let instructions = 'You answer support tickets.';",
      "  instructions = instructions + ' Be brief.';",
      "  return client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'system', content: instructions }, { role: 'user', content: ticket }] });",
      '}',
    ].join('\n');
    const facts = extractTypeScript('src/draft-reply.ts', code);
    expect(facts.parseErrors).toBeUndefined();
    const call = facts.calls.find((candidate) => candidate.calleeText === 'client.chat.completions.create');
    const options = call?.args[0];
    expect(options?.kind).toBe('object');
    const messages = options?.kind === 'object' ? options.props.messages : undefined;
    const system = messages?.kind === 'array' ? messages.items[0] : undefined;
    const content = system?.kind === 'object' ? system.props.content : undefined;
    expect(content).toMatchObject({ kind: 'template', text: ' Be brief.', holes: ['instructions'], name: 'instructions' });
  });
});
