import { posix } from 'node:path';
import type { Catalog } from '../catalog/catalog-schema.js';
import type { FileFacts } from '../model/facts.js';
import { matchesModulePattern } from '../model/module-specifier.js';
import type { EvalSuite, LlmCall, Prompt } from '../model/repo-model.js';
import { exportOf } from './call-patterns.js';
import { MODEL_TEST, readTestSuite } from './model-tests.js';
import type { ValueResolver } from './resolve-value.js';

/** Whether a file calls one of `paths` on a client of the SDK `sdk` (`client.evals.create(…)`). */
function callsClient(facts: FileFacts, { sdk, paths }: { sdk: string; paths: string[] }, resolver: ValueResolver): boolean {
  const lastNames = new Set(paths.map((path) => path.slice(path.lastIndexOf('.') + 1)));
  return facts.calls.some((call) => {
    if (call.callee.kind !== 'member' || !lastNames.has(call.callee.name)) return false;
    const resolved = resolver.resolve(call.callee, facts.path);
    return resolved.kind === 'client-path' && resolved.sdk.id === sdk && paths.includes(resolved.path.join('.'));
  });
}

/** The repository files a promptfoo config references (`file://prompts/triage.txt` next to it). */
export function promptfooReferences(facts: FileFacts): string[] {
  return (facts.promptfoo?.references ?? []).flatMap((reference) => promptfooFile(facts.path, reference) ?? []);
}

/** A reference of the promptfoo config at `config`, as a repository path; undefined when it leads out of the repository. */
export function promptfooFile(config: string, reference: string): string | undefined {
  const path = posix.normalize(posix.join(posix.dirname(config), reference));
  return path.startsWith('../') ? undefined : path;
}

/**
 * Eval suites (files that import an eval framework, promptfoo configs, and tests that check a real
 * model's answers: see {@link readTestSuite}) and the files with LLM calls each reaches: through
 * imports, and for a promptfoo config through the files it references (a provider or prompt
 * function module, or a prompt file the code reads). Only parsed files are
 * followed: a suite that reaches a feature through a module without any GenAI signal of its own
 * still counts when it imports the feature directly or through modules that were parsed. Pure.
 */
export function linkEvals(files: FileFacts[], catalog: Catalog, resolver: ValueResolver, llmCalls: LlmCall[], prompts: Prompt[]): EvalSuite[] {
  const filesWithCalls = new Set(llmCalls.map((call) => call.file));
  const byPath = new Map(files.map((facts) => [facts.path, facts]));
  const suites: EvalSuite[] = [];
  /** Files with LLM calls among `starts` and everything they import. */
  const reachedFrom = (starts: readonly string[]): Set<string> => {
    const reached = new Set(starts.filter((start) => filesWithCalls.has(start)));
    const queue = [...starts];
    const seen = new Set(queue);
    while (queue.length > 0) {
      const current = byPath.get(queue.shift()!);
      if (!current) continue;
      for (const specifier of current.moduleSpecifiers) {
        const target = resolver.resolveFile(current.path, specifier);
        if (!target || seen.has(target)) continue;
        seen.add(target);
        queue.push(target);
        if (filesWithCalls.has(target)) reached.add(target);
      }
    }
    return reached;
  };
  /**
   * Where a test's imports lead: a module that re-exports (an index) leads only to the modules
   * that re-export the names the test takes, so that a test of one feature does not reach every
   * feature of the index.
   */
  const testStarts = (facts: FileFacts): string[] =>
    (facts.test?.imports ?? []).flatMap(({ module, names }) => {
      const target = resolver.resolveFile(facts.path, module);
      const index = target === undefined ? undefined : byPath.get(target);
      if (!target || !index || index.reExports.length === 0 || filesWithCalls.has(target) || names.length === 0 || names.includes('*')) return target ? [target] : [];
      const reExported = index.reExports.filter((reExport) => reExport.imported === '*' || names.includes(reExport.exported));
      const definesOne = index.exports.some((exported) => names.includes(exported.name));
      return [...reExported.flatMap((reExport) => resolver.resolveFile(target, reExport.module) ?? []), ...(definesOne ? [target] : [])];
    });
  for (const facts of files) {
    if (facts.promptfoo) {
      const references = promptfooReferences(facts);
      const reached = reachedFrom(references);
      // A prompt file under test covers the calls that send it.
      for (const prompt of prompts) if (references.includes(prompt.definedIn) && filesWithCalls.has(prompt.file)) reached.add(prompt.file);
      suites.push({ file: facts.path, framework: 'promptfoo', reaches: [...reached].sort() });
      continue;
    }
    if (facts.language === 'test') {
      const reading = readTestSuite(facts, catalog);
      if (!reading) continue;
      const reached = reachedFrom(testStarts(facts));
      // A test of a real model that reaches none of the repository's LLM calls tests somebody else's code.
      if (reading.framework === MODEL_TEST && reached.size === 0 && !reading.hasOwnClient) continue;
      suites.push({ file: facts.path, framework: reading.framework, reaches: [...reached].sort() });
      continue;
    }
    const framework = catalog.evals.frameworks.find((candidate) =>
      candidate.clientCalls
        ? callsClient(facts, candidate.clientCalls, resolver)
        : candidate.exports
        ? facts.calls.some((call) => {
            const imported = exportOf(call.callee);
            return imported !== undefined && matchesModulePattern(candidate.modules, imported.module) && candidate.exports!.includes(imported.name);
          })
        : facts.moduleSpecifiers.some((module) => matchesModulePattern(candidate.modules, module)),
    );
    if (!framework) continue;
    suites.push({ file: facts.path, framework: framework.id, reaches: [...reachedFrom([facts.path])].sort() });
  }
  return suites;
}
