import { describe, expect, it } from 'vitest';
import { extractTypeScript } from '../../src/extract/extract-typescript.js';

const LINES = [
  "import OpenAI from 'openai';",
  'const client = new OpenAI();',
  '',
  'export async function answer(question: string) {',
  "  const note = 'line one';",
  "  return client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: question }] });",
  '}',
];

function positions(code: string): [string, number, number][] {
  return extractTypeScript('src/answer.ts', code).calls.map((call) => [call.calleeText, call.line, call.column]);
}

describe('line and column of a call', () => {
  const expected: [string, number, number][] = [
    ['OpenAI', 2, 16],
    ['client.chat.completions.create', 6, 10],
  ];

  it('are 1-based and count from the line start, with \\n line breaks', () => {
    expect(positions(LINES.join('\n'))).toEqual(expected);
  });

  it('are the same with \\r\\n or \\r line breaks', () => {
    expect(positions(LINES.join('\r\n'))).toEqual(expected);
    expect(positions(LINES.join('\r'))).toEqual(expected);
  });

  it('count U+2028 in the text as a line break, as the TypeScript compiler does', () => {
    const withSeparator = LINES.join('\n').replace("'line one'", "'line one\u2028line two'");
    expect(positions(withSeparator)).toEqual([expected[0], ['client.chat.completions.create', 7, 10]]);
  });
});
