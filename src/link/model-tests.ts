import picomatch from 'picomatch';
import type { Catalog } from '../catalog/catalog-schema.js';
import { knownExports } from '../catalog/sdk-exports.js';
import type { FileFacts } from '../model/facts.js';
import { isRelativeSpecifier, matchesModulePattern } from '../model/module-specifier.js';
import { sdkForModule } from './resolve-value.js';

/** The framework id of a test that checks a real model's answers with plain assertions. */
export const MODEL_TEST = 'model-test';

/** What a test file is as an eval suite. */
export interface TestSuiteReading {
  /** An eval framework it takes an export of (autoevals' `Factuality`), else {@link MODEL_TEST}. */
  framework: string;
  /** Whether it takes an SDK client itself (`new OpenAI()` in the test): it tests a model even when it reaches no repository file with LLM calls. */
  hasOwnClient: boolean;
}

interface Matchers {
  isLiveName: (path: string) => boolean;
  isKeyVariable: (name: string) => boolean;
  isMockName: (name: string) => boolean;
}

const matchersByCatalog = new WeakMap<Catalog, Matchers>();

function matchersOf(catalog: Catalog): Matchers {
  let matchers = matchersByCatalog.get(catalog);
  if (!matchers) {
    const { liveNames, keyVariables, mockNames } = catalog.evals.modelTests;
    matchers = { isLiveName: picomatch(liveNames, { dot: true }), isKeyVariable: picomatch(keyVariables), isMockName: picomatch(mockNames) };
    matchersByCatalog.set(catalog, matchers);
  }
  return matchers;
}

/**
 * Whether a test file is an eval suite, read from its lexical facts: nothing in it fakes the
 * model (a module mock of an SDK, a model provider or a repository module, an import from the
 * catalog's mock modules, an imported name like `FakeListChatModel`), and either it takes an eval
 * framework's export, or it has test cases with assertions and shows that the model is real: a
 * live test's name (`*.int.test.ts`) or a read of a provider key
 * (`describe.skipIf(!process.env.OPENAI_API_KEY)`). An SDK client of its own is no such sign:
 * unit tests construct clients to test options. Whether it reaches a file with LLM calls is the
 * caller's to check. Pure.
 */
export function readTestSuite(facts: FileFacts, catalog: Catalog): TestSuiteReading | undefined {
  const test = facts.test;
  if (!test) return undefined;
  const { mockModules, providerModules, runners } = catalog.evals.modelTests;
  const { isLiveName, isKeyVariable, isMockName } = matchersOf(catalog);
  const framework = catalog.evals.frameworks.find(
    (candidate) =>
      candidate.modules.length > 0 &&
      test.imports.some(({ module, names }) => matchesModulePattern(candidate.modules, module) && (!candidate.exports || names.some((name) => name === '*' || candidate.exports!.includes(name)))),
  );
  const isLive = (isLiveName(facts.path) || test.envReads.some(isKeyVariable)) && test.hasCases && test.hasAssertions;
  if (!framework && !isLive) return undefined;
  const isMocked =
    test.mockedModules.some((module) => isRelativeSpecifier(module) || sdkForModule(catalog, module) !== undefined || matchesModulePattern(providerModules, module)) ||
    test.imports.some(({ module, names }) => matchesModulePattern(mockModules, module) || (!runners.includes(module) && names.some(isMockName)));
  if (isMocked) return undefined;
  const hasOwnClient = test.imports.some(({ module, names }) => {
    const sdk = sdkForModule(catalog, module);
    return sdk !== undefined && names.some((name) => name === '*' || name === 'default' || knownExports(sdk).has(name));
  });
  return { framework: framework?.id ?? MODEL_TEST, hasOwnClient };
}
