import type { Catalog } from '../catalog/catalog-schema.js';

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A module specifier in an import position: `from '…'`, `require('…')`, `import('…')` and
 * `import '…'`. Only there: the module names `ai`, `openai` or `ollama` are common strings.
 */
const IMPORTED = /(?:\bfrom|\brequire\s*\(|\bimport\s*\(?)\s*['"`]([^'"`\r\n]*)['"`]/g;

/** Tests module specifiers against module names, where `name` covers `name/sub/path` and `prefix/*` covers `prefix/anything`. */
function moduleMatcher(modules: Iterable<string>): (specifier: string) => boolean {
  const whole = new Set<string>();
  const prefixes: string[] = [];
  for (const module of modules) {
    if (module.endsWith('/*')) prefixes.push(module.slice(0, -1));
    else whole.add(module);
  }
  return (specifier) => {
    if (whole.has(specifier)) return true;
    for (let slash = specifier.indexOf('/'); slash !== -1; slash = specifier.indexOf('/', slash + 1)) {
      if (whole.has(specifier.slice(0, slash))) return true;
    }
    return prefixes.some((prefix) => specifier.startsWith(prefix));
  };
}

function isRelative(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..';
}

/** What {@link genaiSignal} reads from a file's text. */
export interface SignalReading {
  hasSignal: boolean;
  /** The relative modules a file without a signal imports, each once (empty with a signal). */
  relativeImports: string[];
}

/** Reads a file's text for a GenAI signal and, without one, for the repository modules it imports. */
export type GenaiSignal = (text: string) => SignalReading;

/**
 * A cheap test for "this file may matter": it imports an SDK, tracing library or HTTP client of
 * the catalog, or names an LLM endpoint host; or it imports a module the tool and prompt catalogs
 * use only some exports of (`@langchain/core/messages`) and names one of those exports. Files
 * without it are parsed only when a parsed file needs them, hence their relative imports. One
 * pass of a regular expression over the text finds every import (the host names need a second):
 * a pass over the corpus's 36 MB of source costs about 0.06 s. Pure.
 */
export function genaiSignal(catalog: Catalog): GenaiSignal {
  const modules = new Set<string>();
  for (const sdk of catalog.sdks) for (const module of sdk.modules) modules.add(module);
  const tracing = catalog.tracing;
  for (const group of [tracing.wrappers, tracing.scopes, tracing.callbacks, tracing.setups]) {
    for (const entry of group) modules.add(entry.module);
  }
  for (const framework of catalog.evals.frameworks) for (const module of framework.modules) modules.add(module);
  const isStrong = moduleMatcher(modules);
  const host = new RegExp([...new Set(catalog.http.endpoints.map((endpoint) => endpoint.host))].map(escape).join('|'));
  const partial = new Map<string, Set<string>>();
  const tools = catalog.tools;
  for (const entry of [...tools.factories, ...tools.methods, ...tools.classes, ...tools.holders, ...catalog.prompts.templates]) {
    if (modules.has(entry.module)) continue;
    const names = partial.get(entry.module) ?? new Set<string>();
    for (const name of entry.exports) names.add(name);
    partial.set(entry.module, names);
  }
  const isPartial = moduleMatcher(partial.keys());
  const partialExport = new RegExp(`\\b(?:${[...new Set([...partial.values()].flatMap((names) => [...names]))].map(escape).join('|')})\\b`);
  return (text) => {
    const relative = new Set<string>();
    let importsPartial = false;
    IMPORTED.lastIndex = 0;
    for (let match = IMPORTED.exec(text); match; match = IMPORTED.exec(text)) {
      const specifier = match[1]!;
      if (isRelative(specifier)) relative.add(specifier);
      else if (isStrong(specifier)) return { hasSignal: true, relativeImports: [] };
      else importsPartial ||= isPartial(specifier);
      // On from just after the keyword: a quote inside one match may open the next (`import 'from 'openai'`).
      IMPORTED.lastIndex = match.index + 1;
    }
    if (host.test(text) || (importsPartial && partialExport.test(text))) return { hasSignal: true, relativeImports: [] };
    return { hasSignal: false, relativeImports: [...relative] };
  };
}
