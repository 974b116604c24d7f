import type { ScopeFact, ValueRef } from '../model/facts.js';

/** The innermost named enclosing function (`SupportBot.answer`), if any. */
export function namedScope(scopes: ScopeFact[]): string | undefined {
  return scopes.find((scope) => scope.name !== '<anonymous>')?.name;
}

/** `import { tool } from 'ai'` or `ai.tool` on a namespace (or default) import, as module and export name. */
export function importedName(value: ValueRef): { module: string; name: string } | undefined {
  if (value.kind === 'import') return { module: value.module, name: value.name };
  if (value.kind === 'member' && value.object.kind === 'import' && (value.object.name === '*' || value.object.name === 'default')) {
    return { module: value.object.module, name: value.name };
  }
  return undefined;
}

/**
 * The export a callee comes from, with its module: `evaluate` of `evaluate(…)` and of
 * `promptfoo.evaluate(…)`, `assertions` of `promptfoo.assertions.matchesSimilarity(…)` and of
 * `matchers.matchesLlmRubric(…)` with `matchers` imported as `assertions`.
 */
export function exportOf(value: ValueRef): { module: string; name: string } | undefined {
  const members: string[] = [];
  let current = value;
  while (current.kind === 'member') {
    members.push(current.name);
    current = current.object;
  }
  if (current.kind !== 'import') return undefined;
  if (current.name !== '*' && current.name !== 'default') return { module: current.module, name: current.name };
  const first = members.at(-1);
  return first === undefined ? undefined : { module: current.module, name: first };
}

/**
 * Whether a value is one of a catalog entry's exports, imported directly from its module; an
 * entry's `Class.method` is a static method of a class imported by name (`AgentExecutor.fromAgentAndTools`).
 */
export function isCatalogExport(entry: { module: string; exports: string[] }, value: ValueRef): boolean {
  const imported = importedName(value) ?? staticMethod(value);
  return imported !== undefined && imported.module === entry.module && entry.exports.includes(imported.name);
}

/** `Class.method` of a class imported by name, with its module. */
function staticMethod(value: ValueRef): { module: string; name: string } | undefined {
  if (value.kind !== 'member' || value.object.kind !== 'import' || value.object.name === '*' || value.object.name === 'default') return undefined;
  return { module: value.object.module, name: `${value.object.name}.${value.name}` };
}
