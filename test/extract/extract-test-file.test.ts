import { describe, expect, it } from 'vitest';
import { extractTestFile, type MayTestModel } from '../../src/extract/extract-test-file.js';

const always: MayTestModel = () => true;

function testFacts(text: string) {
  return extractTestFile('tests/summarize.test.ts', text, always).test;
}

describe('extractTestFile', () => {
  it('reads imports with the names they take, a namespace, a default, a type and a renamed import', () => {
    const text = [
      "import OpenAI, { type ChatCompletion } from 'openai';",
      "import * as summarize from '../src/summarize.js';",
      "import { FakeListChatModel as Model } from '@langchain/core/utils/testing';",
      "const { readFile } = require('node:fs/promises');",
      "import 'dotenv/config';",
    ].join('\n');
    expect(testFacts(text)?.imports).toEqual([
      { module: 'openai', names: ['default', 'ChatCompletion'] },
      { module: '../src/summarize.js', names: ['*'] },
      { module: '@langchain/core/utils/testing', names: ['FakeListChatModel'] },
      { module: 'node:fs/promises', names: ['*'] },
      { module: 'dotenv/config', names: [] },
    ]);
  });

  it('reads module mocks of vitest, jest and node:test, also with import()', () => {
    const text = "vi.mock('openai');\njest.mock('../src/llm', () => ({}));\nvi.doMock(import('@anthropic-ai/sdk'));\nmock.module('ai', {});";
    expect(testFacts(text)?.mockedModules).toEqual(['openai', '../src/llm', '@anthropic-ai/sdk', 'ai']);
  });

  it('reads an environment variable that is read, not one that is assigned', () => {
    const text = "process.env.LANGSMITH_API_KEY = 'test';\ndescribe.skipIf(!process.env.OPENAI_API_KEY)('x', () => {});\nconst model = process.env['MODEL_NAME'] ?? import.meta.env.VITE_MODEL;";
    expect(testFacts(text)?.envReads).toEqual(['OPENAI_API_KEY', 'MODEL_NAME', 'VITE_MODEL']);
  });

  it('tells test cases and assertions apart from their names in other words', () => {
    expect(testFacts("it.each([1, 2])('adds %i', (n) => { expect(n).toBeGreaterThan(0); });")).toMatchObject({ hasCases: true, hasAssertions: true });
    expect(testFacts('const expected = toExpect(edit);\nexport const tested = 1;')).toMatchObject({ hasCases: false, hasAssertions: false });
  });

  it('leaves out comments and the bodies of template literals, but not a URL or a glob', () => {
    const text = [
      "// vi.mock('openai');",
      '/* process.env.OPENAI_API_KEY */',
      "const sample = `import OpenAI from 'openai'; process.env.ANTHROPIC_API_KEY`;",
      "const url = 'https://api.example.com/v1'; const files = 'src/**/*.ts'; const key = process.env.GROQ_API_KEY;",
    ].join('\n');
    expect(testFacts(text)).toEqual({ imports: [], mockedModules: [], hasCases: false, hasAssertions: false, envReads: ['GROQ_API_KEY'] });
  });

  it('reads only the imported modules of a file that cannot test a model', () => {
    const facts = extractTestFile('tests/format.test.ts', "import { formatDate } from '../src/format.js';\nexpect(formatDate(now)).toBe('x');", () => false);
    expect(facts).toMatchObject({ language: 'test', moduleSpecifiers: ['../src/format.js'] });
    expect(facts.test).toBeUndefined();
  });
});
