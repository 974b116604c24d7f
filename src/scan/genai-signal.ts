import type { Catalog } from '../catalog/catalog-schema.js';
import { knownExports } from '../catalog/sdk-exports.js';
import { CLAUSE, IMPORTED } from '../extract/import-syntax.js';
import { isRelativeSpecifier } from '../model/module-specifier.js';

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What {@link genaiSignal} reads from a file's text. */
export interface SignalReading {
  hasSignal: boolean;
  /** The relative modules a file without a signal imports, each once (empty with a signal). */
  relativeImports: string[];
}

/** Reads a file's text for a GenAI signal and, without one, for the repository modules it imports. */
export type GenaiSignal = (text: string) => SignalReading;

/** What the catalogs read of a module: some exports (those in `types` also through a type-only import), or any. */
type Reads = { values: Set<string>; types: Set<string> } | 'any';

/**
 * What the catalogs read of each module they name, by the module exactly as the link stage
 * matches it (`openai`, not `openai/resources`), plus `prefix/*` patterns. Tracing refs with `*`
 * or methods (`startActiveSpan` on any value of `@opentelemetry/api`) and eval frameworks
 * without exports read any export. A client export can type a model (`model: BaseChatModel`),
 * so a type-only import of one counts.
 */
function catalogReads(catalog: Catalog): (specifier: string) => Reads | undefined {
  // By module as the catalog writes it, `prefix/*` patterns included.
  const byModule = new Map<string, Reads>();
  const read = (module: string, names: readonly string[], typeNames: readonly string[] = []) => {
    let reads = byModule.get(module);
    if (reads === 'any') return;
    if (!reads) {
      reads = { values: new Set(['default']), types: new Set() };
      byModule.set(module, reads);
    }
    for (const name of names) reads.values.add(name);
    for (const name of typeNames) reads.types.add(name);
  };
  const readAny = (module: string) => byModule.set(module, 'any');
  for (const sdk of catalog.sdks) {
    const clientExports = sdk.clients.flatMap((client) => client.exports);
    // A static factory (`RetrievalQAChain.fromLLM`) is imported as its class.
    const exports = [...knownExports(sdk)].map((name) => name.split('.')[0]!);
    for (const module of sdk.modules) read(module, exports, clientExports);
  }
  const tracing = catalog.tracing;
  for (const entry of [...tracing.wrappers, ...tracing.callbacks, ...tracing.setups, ...tracing.gateways.flatMap((gateway) => gateway.constants)]) {
    if (entry.exports.includes('*')) readAny(entry.module);
    else read(entry.module, entry.exports);
  }
  for (const scope of tracing.scopes) {
    if (scope.exports.includes('*') || scope.methods.length > 0) readAny(scope.module);
    else read(scope.module, scope.exports);
  }
  for (const framework of catalog.evals.frameworks) {
    for (const module of framework.modules) {
      if (framework.exports) read(module, framework.exports);
      else readAny(module);
    }
  }
  const tools = catalog.tools;
  for (const entry of [...tools.factories, ...tools.methods, ...tools.handlers, ...tools.classes, ...tools.holders, ...catalog.prompts.templates]) read(entry.module, entry.exports);
  const prefixes = [...byModule].flatMap(([module, reads]) => (module.endsWith('/*') ? [[module.slice(0, -1), reads] as const] : []));
  // Specifiers repeat across files: each is looked up once.
  const answers = new Map<string, Reads | undefined>();
  return (specifier) => {
    if (answers.has(specifier)) return answers.get(specifier);
    const answer = byModule.get(specifier) ?? prefixes.find(([prefix]) => specifier.startsWith(prefix))?.[1];
    answers.set(specifier, answer);
    return answer;
  };
}

/**
 * A cheap test for "this file may matter": it takes from a module of the catalog (an SDK,
 * tracing library, eval framework, tool or prompt module) one of the exports the catalogs read
 * of it (`ChatOpenAI` of `@langchain/openai`, not its `ChatOpenAIFields` type; any export of
 * `@opentelemetry/api`), its default export or its namespace, or re-exports from it; or it names
 * an LLM endpoint host and calls an HTTP client (`fetch`, an `axios` import). Files without it
 * are parsed only when a parsed file needs them, hence
 * their relative imports. One pass of a regular expression over the text finds every import
 * (the host names need a second): a pass over the corpus's 36 MB of source costs about 0.06 s.
 * Pure.
 */
export function genaiSignal(catalog: Catalog): GenaiSignal {
  const readsOf = catalogReads(catalog);
  const host = new RegExp([...new Set(catalog.http.endpoints.map((endpoint) => endpoint.host))].map(escape).join('|'));
  // An endpoint's URL reaches a model only through an HTTP client's call in the same file (the
  // extractor reads a URL from the call's own argument or a constant of the file): `fetch` by
  // name, or an import of a client module (`axios`).
  const httpModules = new Set(catalog.http.clients.flatMap((client) => (client.module === 'globalThis' ? [] : [client.module])));
  const httpGlobals = catalog.http.clients.flatMap((client) => (client.module === 'globalThis' ? client.exports : []));
  const httpGlobal = httpGlobals.length === 0 ? /(?!)/ : new RegExp(`\\b(?:${httpGlobals.map(escape).join('|')})\\b`);
  /**
   * Whether `import … from` clauses of catalog modules bring in an export the catalogs read: by
   * name, as the default export, or with the whole namespace; a re-export (`export … from`)
   * counts. A clause the expression cannot read (a comment between the braces, say) counts too:
   * `expected` is how many there are.
   */
  const importsReadExport = (text: string, expected: number): boolean => {
    let read = 0;
    CLAUSE.lastIndex = 0;
    for (let match = CLAUSE.exec(text); match; match = CLAUSE.exec(text)) {
      const reads = readsOf(match[4]!);
      if (reads === undefined || reads === 'any') continue;
      read += 1;
      if (match[1] === 'export') return true;
      const isTypeOnly = match[2] !== undefined;
      const clause = match[3]!;
      if (clause.includes('*')) return true;
      const braces = clause.indexOf('{');
      const defaultName = (braces === -1 ? clause : clause.slice(0, braces)).replace(',', '').trim();
      if (defaultName !== '' && (!isTypeOnly || reads.types.has('default'))) return true;
      const named = braces === -1 ? [] : clause.slice(braces + 1, clause.lastIndexOf('}')).split(',');
      for (const entry of named) {
        // `type X` imports a type only; `X as Y` imports X.
        const [first = '', second = ''] = entry.trim().split(/\s+/);
        const isType = isTypeOnly || (first === 'type' && second !== '' && second !== 'as');
        const imported = isType && first === 'type' ? second : first;
        if ((isType ? reads.types : reads.values).has(imported)) return true;
      }
    }
    return read < expected;
  };
  return (text) => {
    const relative = new Set<string>();
    let froms = 0;
    let importsHttpClient = false;
    IMPORTED.lastIndex = 0;
    for (let match = IMPORTED.exec(text); match; match = IMPORTED.exec(text)) {
      const specifier = match[1]!;
      if (isRelativeSpecifier(specifier)) relative.add(specifier);
      else {
        if (httpModules.has(specifier)) importsHttpClient = true;
        const reads = readsOf(specifier);
        // `require('…')` and `import('…')` bind whatever they are given: they count as they are.
        // A bare `import '…'` binds nothing.
        if (reads === 'any' || (reads !== undefined && match[0].includes('('))) return { hasSignal: true, relativeImports: [] };
        if (reads !== undefined && match[0].startsWith('from')) froms += 1;
      }
      // On from just after the keyword: a quote inside one match may open the next (`import 'from 'openai'`).
      IMPORTED.lastIndex = match.index + 1;
    }
    // The import clauses first: they decide most files. Then the HTTP client, a single word, before
    // the hosts, a long alternation: both read the whole text, and few files name a client.
    if ((froms > 0 && importsReadExport(text, froms)) || ((importsHttpClient || httpGlobal.test(text)) && host.test(text))) {
      return { hasSignal: true, relativeImports: [] };
    }
    return { hasSignal: false, relativeImports: [...relative] };
  };
}
