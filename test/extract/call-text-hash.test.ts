import { describe, expect, it } from 'vitest';
import { extractTypeScript } from '../../src/extract/extract-typescript.js';

/** The text hashes of a file's calls, in source order, by callee text. */
function hashes(code: string, path = 'src/answer.ts'): [string, string][] {
  return extractTypeScript(path, code).calls.map((call) => [call.calleeText, call.textHash]);
}

const ANSWER = [
  "import OpenAI from 'openai';",
  'const client = new OpenAI();',
  'export async function answer(question: string) {',
  "  return client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: question }] });",
  '}',
].join('\n');

describe('the text hash of a call', () => {
  it('survives reformatting: line breaks, indentation, comments, trailing commas, parentheses and quote style', () => {
    const reformatted = [
      "import OpenAI from 'openai';",
      'const client = new OpenAI();',
      'export async function answer(question: string) {',
      '  // Ask the model.',
      '  return client.chat.completions.create(',
      '    {',
      '      model: "gpt-4o",',
      '      messages: [{ role: `user`, content: (question) }],',
      '    },',
      '  );',
      '}',
    ].join('\n');
    const [[callee, hash]] = hashes(ANSWER).filter(([text]) => text.endsWith('create'));
    expect(callee).toBe('client.chat.completions.create');
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    expect(hashes(reformatted).filter(([text]) => text.endsWith('create'))).toEqual([[callee, hash]]);
  });

  it('differs when a name, a literal value or the structure of the arguments differs', () => {
    const variants = [
      ANSWER,
      ANSWER.replace("'gpt-4o'", "'gpt-4o-mini'"),
      ANSWER.replace('content: question', 'content: questionText').replace('(question: string)', '(questionText: string)'),
      ANSWER.replace("messages: [{ role: 'user', content: question }]", "messages: [{ role: 'user' }, { content: question }]"),
      ANSWER.replace("model: 'gpt-4o'", 'model: 4'),
    ];
    const created = variants.map((code) => hashes(code).find(([text]) => text.endsWith('create'))![1]);
    expect(new Set(created).size).toBe(variants.length);
  });

  it('tells apart texts that join to the same characters', () => {
    const split = (first: string, second: string) => hashes(ANSWER.replace("'gpt-4o'", `[${first}, ${second}]`)).find(([text]) => text.endsWith('create'))![1];
    expect(split("'gpt-4'", "'o'")).not.toBe(split("'gpt-'", "'4o'"));
  });

  it('is empty for new X(…): constructions never reach a model', () => {
    expect(hashes(ANSWER).find(([text]) => text === 'OpenAI')).toEqual(['OpenAI', '']);
  });
});
