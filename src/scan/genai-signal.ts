import type { Catalog } from '../catalog/catalog-schema.js';

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A module specifier in an import position: `from '…'`, `require('…')`, `import('…')` and
 * `import '…'`. Only there: the module names `ai`, `openai` or `ollama` are common strings.
 */
const IMPORTED = /(?:\bfrom|\brequire\s*\(|\bimport\s*\(?)\s*['"`]([^'"`\r\n]*)['"`]/g;

/**
 * An `import … from '…'` or `export … from '…'` clause: 1 the keyword, 2 `type` for a type-only
 * import, 3 the bindings (names, braces, commas, `*`; nothing else, so one clause never runs into
 * the next statement), 4 the module.
 */
const CLAUSE = /\b(import|export)\s+(type\s+)?([\w$\s{},*]*?)\s*\bfrom\s*['"`]([^'"`\r\n]*)['"`]/g;

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
 * the catalog, or names an LLM endpoint host; or it imports one of the exports that the tool and
 * prompt catalogs read of a module they use only some exports of (`SystemMessage` of
 * `@langchain/core/messages`, not a type of it), or re-exports it. Files
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
  /** The exports the catalogs read of a partial module (or of the module a subpath belongs to); undefined for other modules. */
  const partialNames = (specifier: string): Set<string> | undefined => {
    for (let end = specifier.length; end > 0; end = specifier.lastIndexOf('/', end - 1)) {
      const names = partial.get(specifier.slice(0, end));
      if (names) return names;
    }
    return undefined;
  };
  /**
   * Whether `import … from` clauses of partial modules bring in an export the catalogs read: by
   * name, as the default export, or with the whole namespace. Type-only imports bring in nothing
   * that can be called; a re-export (`export … from`) counts. A clause the expression cannot read
   * (a comment between the braces, say) counts too: `expected` is how many there are.
   */
  const importsPartialExport = (text: string, expected: number): boolean => {
    let read = 0;
    CLAUSE.lastIndex = 0;
    for (let match = CLAUSE.exec(text); match; match = CLAUSE.exec(text)) {
      const names = partialNames(match[4]!);
      if (!names) continue;
      read += 1;
      if (match[1] === 'export') return true;
      if (match[2]) continue;
      const clause = match[3]!;
      if (clause.includes('*')) return true;
      const braces = clause.indexOf('{');
      const defaultName = (braces === -1 ? clause : clause.slice(0, braces)).replace(',', '').trim();
      if (defaultName !== '' && names.has('default')) return true;
      const named = braces === -1 ? [] : clause.slice(braces + 1, clause.lastIndexOf('}')).split(',');
      for (const entry of named) {
        // `type X` imports a type only; `X as Y` imports X.
        const [imported = ''] = entry.trim().split(/\s+/);
        if (imported !== 'type' && names.has(imported)) return true;
      }
    }
    return read < expected;
  };
  return (text) => {
    const relative = new Set<string>();
    let partialFroms = 0;
    let requiresPartial = false;
    IMPORTED.lastIndex = 0;
    for (let match = IMPORTED.exec(text); match; match = IMPORTED.exec(text)) {
      const specifier = match[1]!;
      if (isRelative(specifier)) relative.add(specifier);
      else if (isStrong(specifier)) return { hasSignal: true, relativeImports: [] };
      else if (partialNames(specifier)) {
        // `require('…')` and `import('…')` bind whatever they are given: they count as they are.
        if (match[0].startsWith('from')) partialFroms += 1;
        else requiresPartial = true;
      }
      // On from just after the keyword: a quote inside one match may open the next (`import 'from 'openai'`).
      IMPORTED.lastIndex = match.index + 1;
    }
    if (host.test(text) || requiresPartial || (partialFroms > 0 && importsPartialExport(text, partialFroms))) return { hasSignal: true, relativeImports: [] };
    return { hasSignal: false, relativeImports: [...relative] };
  };
}
