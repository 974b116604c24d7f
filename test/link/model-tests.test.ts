import { describe, expect, it } from 'vitest';
import { loadBuiltInCatalog } from '../../src/catalog/load-catalog.js';
import { readTestSuite } from '../../src/link/model-tests.js';
import type { FileFacts, TestFacts } from '../../src/model/facts.js';

const catalog = loadBuiltInCatalog();

/** A test of `summarizeTicket` that reads the OpenAI key and asserts: a model test unless a case below changes it. */
const liveTest: TestFacts = {
  imports: [
    { module: 'vitest', names: ['describe', 'expect', 'it'] },
    { module: '../src/summarize-ticket.js', names: ['summarizeTicket'] },
  ],
  mockedModules: [],
  hasCases: true,
  hasAssertions: true,
  envReads: ['OPENAI_API_KEY'],
};

function read(test: Partial<TestFacts>, path = 'tests/summarize-ticket.test.ts') {
  const facts: FileFacts = { path, language: 'test', moduleSpecifiers: [], calls: [], classes: [], exports: [], reExports: [], wrappedFunctions: [], suppressions: [], test: { ...liveTest, ...test } };
  return readTestSuite(facts, catalog);
}

describe('readTestSuite', () => {
  it('counts a test that reads a provider key, and one named as a live test', () => {
    expect(read({})).toEqual({ framework: 'model-test', hasOwnClient: false });
    expect(read({ envReads: [] }, 'tests/summarize-ticket.int.test.ts')).toEqual({ framework: 'model-test', hasOwnClient: false });
    expect(read({ envReads: [] }, 'src/summarize-ticket.live.spec.ts')).toEqual({ framework: 'model-test', hasOwnClient: false });
  });

  it('does not count a test without a sign of a real model, without assertions or without test cases', () => {
    expect(read({ envReads: [] })).toBeUndefined();
    expect(read({ envReads: ['DATABASE_URL'] })).toBeUndefined();
    expect(read({ hasAssertions: false })).toBeUndefined();
    expect(read({ hasCases: false })).toBeUndefined();
  });

  it('does not count a test that mocks an SDK or a repository module, but does one that mocks the file system', () => {
    expect(read({ mockedModules: ['openai'] })).toBeUndefined();
    expect(read({ mockedModules: ['@ai-sdk/openai'] })).toBeUndefined();
    expect(read({ mockedModules: ['../src/llm-client.js'] })).toBeUndefined();
    expect(read({ mockedModules: ['node:fs/promises'] })).toEqual({ framework: 'model-test', hasOwnClient: false });
  });

  it('does not count a test that imports a mock model, an HTTP interceptor or a fake of its own; the test runner\'s Mock type is no fake', () => {
    expect(read({ imports: [...liveTest.imports, { module: 'ai/test', names: ['MockLanguageModelV2'] }] })).toBeUndefined();
    expect(read({ imports: [...liveTest.imports, { module: 'msw/node', names: ['setupServer'] }] })).toBeUndefined();
    expect(read({ imports: [...liveTest.imports, { module: './stubs.js', names: ['FakeModel'] }] })).toBeUndefined();
    expect(read({ imports: [...liveTest.imports, { module: 'vitest', names: ['Mock'] }] })).toEqual({ framework: 'model-test', hasOwnClient: false });
  });

  it('counts a test that takes an eval framework export without other signs, and tells an SDK client of its own', () => {
    expect(read({ envReads: [], hasAssertions: false, imports: [{ module: 'autoevals', names: ['Factuality'] }] })).toEqual({ framework: 'autoevals', hasOwnClient: false });
    expect(read({ envReads: [], imports: [{ module: 'langsmith/evaluation', names: ['EvaluationResult'] }] })).toBeUndefined();
    expect(read({ imports: [...liveTest.imports, { module: 'openai', names: ['default'] }] })).toEqual({ framework: 'model-test', hasOwnClient: true });
    expect(read({ imports: [...liveTest.imports, { module: 'openai', names: ['ChatCompletion'] }] })).toEqual({ framework: 'model-test', hasOwnClient: false });
  });
});
