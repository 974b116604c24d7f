import type { FileFacts, TestFacts } from '../model/facts.js';
import { CLAUSE, IMPORTED } from './import-syntax.js';

// Copies: `matchAll` starts where the pattern's `lastIndex` stands, and the GenAI signal moves the shared ones'.
const CLAUSES = new RegExp(CLAUSE);
const IMPORTS = new RegExp(IMPORTED);

/**
 * A comment: `//` or `/*` at the start of a line or after whitespace or punctuation, so the `//`
 * of a URL (`https://…`) and the `/*` of a glob (`src/**\/*.ts`) stay code.
 */
const COMMENT = /(^|[\s;{}(),])(?:\/\/[^\n]*|\/\*[\s\S]*?\*\/)/g;

/**
 * A template literal: tests often hold code under test in one (`import OpenAI from 'openai'` as
 * input to a parser), which is not the test's own. Its body is dropped; `${…}` holding a backtick
 * ends it early.
 */
const TEMPLATE = /`(?:[^`\\]|\\[\s\S])*`/g;

/** `test(…)`, `it.each(…)(…)`, `describe.skipIf(…)(…)`, `Deno.test(…)`: the test cases and groups. */
const CASE = /\b(?:it|test|describe|suite)(?:\s*\.\s*\w+)*\s*\(/;

/** `vi.mock('…')`, `vi.doMock(import('…'))`, `jest.mock('…')`, `jest.unstable_mockModule('…')`, node:test's `mock.module('…')`. */
const MODULE_MOCK = /\b(?:(?:vi|jest)\s*\.\s*(?:mock|doMock|unstable_mockModule)|mock\s*\.\s*module)\s*\(\s*(?:import\s*\(\s*)?['"`]([^'"`\r\n]+)['"`]/g;

/** `expect(…)`, `expect.soft(…)`, `assert(…)`, `assert.equal(…)`; not `toEqual` or `expectTypeOf`. */
const ASSERTION = /\b(?:expect|assert)\s*[.(]/;

/**
 * `process.env.NAME`, `process.env['NAME']`, `import.meta.env.NAME`, not followed by an
 * assignment: a test that sets a key (`process.env.OPENAI_API_KEY = 'test'`) fakes it.
 */
const ENV_READ = /\b(?:process\.env\.([A-Za-z_]\w*)\b|process\.env\[\s*['"`]([\w-]+)['"`]\s*\]|import\.meta\.env\.([A-Za-z_]\w*)\b)(?!\s*(?:=(?!=)|\?\?=|\|\|=))/g;

/** The names an import clause's bindings take: `default`, `*`, and named imports as exported (`X as Y` takes X). */
function importedNames(bindings: string): string[] {
  if (bindings.includes('*')) return ['*'];
  const braces = bindings.indexOf('{');
  const names: string[] = [];
  const defaultName = (braces === -1 ? bindings : bindings.slice(0, braces)).replace(',', '').trim();
  if (defaultName !== '') names.push('default');
  if (braces === -1) return names;
  for (const entry of bindings.slice(braces + 1, bindings.lastIndexOf('}')).split(',')) {
    const [first = '', second = ''] = entry.trim().split(/\s+/);
    const name = first === 'type' && second !== '' && second !== 'as' ? second : first;
    if (name !== '') names.push(name);
  }
  return names;
}

/**
 * Whether a test file may test a real model, from its path, text and imported modules (a cheap
 * test the scan makes from the catalog: named as a live test, naming a provider key, importing an
 * eval framework).
 */
export type MayTestModel = (path: string, text: string, modules: readonly string[]) => boolean;

/**
 * Facts of a test file, read lexically (no parse): the modules it imports; and when it
 * `mayTestModel`, also the names it imports, which modules it mocks, whether it has test cases
 * and assertions, and which environment variables it reads. The link stage decides from them
 * whether it tests a real model. Pure.
 */
export function extractTestFile(path: string, text: string, mayTestModel: MayTestModel): FileFacts {
  const facts: FileFacts = { path, language: 'test', moduleSpecifiers: [], calls: [], classes: [], exports: [], reExports: [], wrappedFunctions: [], suppressions: [] };
  const modules = [...new Set(Array.from(text.matchAll(IMPORTS), (match) => match[1]!))];
  // Enough to follow imports through a test helper.
  if (!mayTestModel(path, text, modules)) return { ...facts, moduleSpecifiers: modules };
  const code = text.replace(TEMPLATE, '``').replace(COMMENT, '$1');
  const named = new Map<string, Set<string>>();
  const take = (module: string, names: readonly string[]) => {
    let set = named.get(module);
    if (!set) {
      set = new Set();
      named.set(module, set);
    }
    for (const name of names) set.add(name);
  };
  for (const match of code.matchAll(CLAUSES)) if (match[1] === 'import') take(match[4]!, importedNames(match[3]!));
  for (const match of code.matchAll(IMPORTS)) take(match[1]!, match[0].includes('(') ? ['*'] : []);
  const test: TestFacts = {
    imports: [...named].map(([module, names]) => ({ module, names: [...names] })),
    mockedModules: [...new Set(Array.from(code.matchAll(MODULE_MOCK), (match) => match[1]!))],
    hasCases: CASE.test(code),
    hasAssertions: ASSERTION.test(code),
    envReads: [...new Set(Array.from(code.matchAll(ENV_READ), (match) => (match[1] ?? match[2] ?? match[3])!))],
  };
  return { ...facts, moduleSpecifiers: [...named.keys()], test };
}
