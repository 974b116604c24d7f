import type { Catalog } from '../catalog/catalog-schema.js';
import type { FileFacts } from '../model/facts.js';
import { matchesModulePattern } from '../model/module-specifier.js';
import type { EvalSuite, LlmCall } from '../model/repo-model.js';
import { importedName } from './call-patterns.js';
import type { ValueResolver } from './resolve-value.js';

/**
 * Eval suites (files that import an eval framework) and the files with LLM calls each reaches
 * through its imports. Only parsed files are followed: a suite that reaches a feature through a
 * module without any GenAI signal of its own still counts when it imports the feature directly
 * or through modules that were parsed. Pure.
 */
export function linkEvals(files: FileFacts[], catalog: Catalog, resolver: ValueResolver, llmCalls: LlmCall[]): EvalSuite[] {
  const filesWithCalls = new Set(llmCalls.map((call) => call.file));
  const byPath = new Map(files.map((facts) => [facts.path, facts]));
  const suites: EvalSuite[] = [];
  for (const facts of files) {
    const framework = catalog.evals.frameworks.find((candidate) =>
      candidate.exports
        ? facts.calls.some((call) => {
            const imported = importedName(call.callee);
            return imported !== undefined && matchesModulePattern(candidate.modules, imported.module) && candidate.exports!.includes(imported.name);
          })
        : facts.moduleSpecifiers.some((module) => matchesModulePattern(candidate.modules, module)),
    );
    if (!framework) continue;
    const reached = new Set<string>();
    const queue = [facts.path];
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
    if (filesWithCalls.has(facts.path)) reached.add(facts.path);
    suites.push({ file: facts.path, framework: framework.id, reaches: [...reached].sort() });
  }
  return suites;
}
