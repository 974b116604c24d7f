import type { Catalog, SdkClient, SdkEntry } from '../catalog/catalog-schema.js';
import { knownExports } from '../catalog/sdk-exports.js';
import type { ArgFact, FileFacts, ValueRef } from '../model/facts.js';
import type { TracingEvidence } from '../model/repo-model.js';
import { isRelativeSpecifier } from '../model/module-specifier.js';
import { createModuleResolver, type ModuleResolver } from './resolve-module.js';

/** How a client came to be: the arguments along its creation chain, and tracing seen on the way. */
export interface ClientOrigin {
  /** Arguments of the constructor or factory, then of every `returns` call after it. */
  argsChain: ArgFact[][];
  /** Only known from a type annotation: someone else created it. */
  isTypedOnly: boolean;
  tracedBy?: TracingEvidence;
}

/** What a symbolic value means once the catalog and the other files are known. */
export type Resolved =
  | { kind: 'sdk-module'; sdk: SdkEntry; module: string; tracedBy?: TracingEvidence }
  | { kind: 'sdk-export'; sdk: SdkEntry; name: string; tracedBy?: TracingEvidence }
  | { kind: 'client'; sdk: SdkEntry; client: SdkClient; origin: ClientOrigin }
  | { kind: 'client-path'; sdk: SdkEntry; client: SdkClient; origin: ClientOrigin; path: string[] }
  /** Any other module's value, with the member path taken on it (`()` for a call, `new` for construction). */
  | { kind: 'module-value'; module: string; path: string[]; tracedBy?: TracingEvidence }
  | { kind: 'repo-namespace'; file: string }
  | { kind: 'global'; name: string }
  | { kind: 'unknown' };

const UNKNOWN: Resolved = { kind: 'unknown' };
const MAX_DEPTH = 24;

/** Strips a repository path to a comparable form: no leading `./`, no source extension. */
function pathKey(path: string): string {
  return path.replace(/^\.\//, '').replace(/\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/, '');
}

/** An SDK with its place in the catalog: when patterns of several SDKs match, the first wins. */
interface RankedSdk {
  sdk: SdkEntry;
  rank: number;
}

/** The catalog's SDK module patterns, indexed once per catalog for {@link sdkForModule}. */
interface SdkIndex {
  /** By exact module name and by path key (`pathKey`): the first SDK with such a pattern. */
  byName: Map<string, RankedSdk>;
  byKey: Map<string, RankedSdk>;
  /** `prefix/*` patterns, in catalog order. */
  prefixes: (RankedSdk & { prefix: string })[];
  /** Answers so far: a history run asks about the same paths at every commit. */
  answers: Map<string, SdkEntry | undefined>;
}

const sdkIndexes = new WeakMap<Catalog, SdkIndex>();

function sdkIndexOf(catalog: Catalog): SdkIndex {
  const known = sdkIndexes.get(catalog);
  if (known) return known;
  const index: SdkIndex = { byName: new Map(), byKey: new Map(), prefixes: [], answers: new Map() };
  for (const [rank, sdk] of catalog.sdks.entries()) {
    for (const pattern of sdk.modules) {
      if (pattern.endsWith('/*')) index.prefixes.push({ prefix: pattern.slice(0, -1), sdk, rank });
      else if (!index.byName.has(pattern)) index.byName.set(pattern, { sdk, rank });
      const key = pathKey(pattern);
      if (!index.byKey.has(key)) index.byKey.set(key, { sdk, rank });
    }
  }
  sdkIndexes.set(catalog, index);
  return index;
}

/** The SDK a module specifier (package or resolved repository path) belongs to. */
export function sdkForModule(catalog: Catalog, module: string): SdkEntry | undefined {
  const index = sdkIndexOf(catalog);
  if (index.answers.has(module)) return index.answers.get(module);
  const matches = [index.byName.get(module), index.byKey.get(pathKey(module)), index.prefixes.find(({ prefix }) => module.startsWith(prefix))];
  const first = matches.reduce((best, match) => (match && (!best || match.rank < best.rank) ? match : best), undefined);
  index.answers.set(module, first?.sdk);
  return first?.sdk;
}

/**
 * Resolves symbolic values across files against the catalog. One instance per link run; it
 * memoizes per value object, so each value in the facts is resolved once.
 */
export class ValueResolver {
  private readonly memo = new WeakMap<object, Resolved>();
  private readonly filesByPath: Map<string, FileFacts>;
  private readonly active = new Set<string>();
  /** Relative imports resolved against the parsed files. */
  readonly resolveFile: ModuleResolver;

  constructor(
    files: FileFacts[],
    private readonly catalog: Catalog,
  ) {
    this.filesByPath = new Map(files.map((facts) => [facts.path, facts]));
    this.resolveFile = createModuleResolver(new Set(this.filesByPath.keys()));
  }

  /**
   * Whether a file exports something that leads to a model: an SDK value, a client, or a
   * re-export of one. Other files that import it must be extracted too.
   */
  exportsLlmValue(file: string, visiting = new Set<string>()): boolean {
    const facts = this.filesByPath.get(file);
    if (!facts || visiting.has(file)) return false;
    visiting.add(file);
    // `export * from './client'`: a provider when the module it passes on is one (once parsed).
    const passesOnProvider = facts.reExports.some((entry) => {
      if (entry.exported !== '*') return false;
      const target = this.resolveFile(file, entry.module);
      return target !== undefined && this.exportsLlmValue(target, visiting);
    });
    if (passesOnProvider) return true;
    const names = [...facts.exports.map((entry) => entry.name), ...facts.reExports.filter((entry) => entry.exported !== '*').map((entry) => entry.exported)];
    return names.some((name) => {
      const resolved = this.resolveExport(file, name, 0);
      // A value only typed as a client (an interface field `llm: BaseChatModel`) is not one to follow.
      if (resolved.kind === 'client' || resolved.kind === 'client-path') return !resolved.origin.isTypedOnly;
      return resolved.kind === 'sdk-export' || resolved.kind === 'sdk-module';
    });
  }

  /**
   * Follows a value to what it is written as, across imports and members of object literals:
   * `crmTools` imported from `./tools/crm` becomes the array literal in that file. Returns the
   * value unchanged when there is nothing to follow.
   */
  followValue(value: ValueRef, file: string, depth = 0): { value: ValueRef; file: string } | undefined {
    if (depth > MAX_DEPTH) return undefined;
    if (value.kind === 'import' && isRelativeSpecifier(value.module) && value.name !== '*') {
      const target = this.resolveFile(file, value.module);
      const exported = target ? this.rawExport(target, value.name, depth + 1) : undefined;
      return exported ? this.followValue(exported.value, exported.file, depth + 1) : undefined;
    }
    if (value.kind === 'member') {
      const object = this.followValue(value.object, file, depth + 1);
      if (object?.value.kind === 'object') {
        const prop = object.value.props[value.name];
        if (prop?.kind === 'value') return this.followValue(prop.value, object.file, depth + 1);
        if (prop?.kind === 'object' || prop?.kind === 'array') return { value: prop, file: object.file };
      }
      return { value, file };
    }
    return { value, file };
  }

  /** The value a file exports under `name` as written there, following re-exports. */
  private rawExport(file: string, name: string, depth: number): { value: ValueRef; file: string } | undefined {
    const facts = this.filesByPath.get(file);
    if (!facts || depth > MAX_DEPTH) return undefined;
    const direct = facts.exports.find((entry) => entry.name === name);
    if (direct) return { value: direct.value, file };
    for (const reExport of facts.reExports) {
      if (reExport.exported !== name && reExport.exported !== '*') continue;
      const target = this.resolveFile(file, reExport.module);
      const found = target ? this.rawExport(target, reExport.exported === '*' ? name : reExport.imported, depth + 1) : undefined;
      if (found) return found;
    }
    return undefined;
  }


  resolve(value: ValueRef, file: string, depth = 0): Resolved {
    if (depth > MAX_DEPTH) return UNKNOWN;
    const cached = this.memo.get(value);
    if (cached) return cached;
    const resolved = this.compute(value, file, depth);
    this.memo.set(value, resolved);
    return resolved;
  }

  resolveArg(arg: ArgFact | undefined, file: string): Resolved {
    return arg?.kind === 'value' ? this.resolve(arg.value, file) : UNKNOWN;
  }

  private compute(value: ValueRef, file: string, depth: number): Resolved {
    switch (value.kind) {
      case 'import':
        return this.resolveImport(value.module, value.name, file, depth);
      case 'global':
        return { kind: 'global', name: value.name };
      case 'member':
        return this.member(this.resolve(value.object, file, depth + 1), value.name, depth);
      case 'typed': {
        const type = this.resolve(value.type, file, depth + 1);
        const client = this.construct(type, [], 'new');
        return client.kind === 'client' ? { ...client, origin: { ...client.origin, isTypedOnly: true } } : UNKNOWN;
      }
      case 'new':
        return this.construct(this.resolve(value.callee, file, depth + 1), value.args, 'new');
      case 'call':
        return this.returnedByRepositoryFunction(value.callee, file, depth) ?? this.call(this.resolve(value.callee, file, depth + 1), value.args, file, depth);
      default:
        return UNKNOWN;
    }
  }

  private resolveImport(module: string, name: string, file: string, depth: number): Resolved {
    if (isRelativeSpecifier(module)) {
      const target = this.resolveFile(file, module);
      if (!target) return UNKNOWN;
      const sdk = sdkForModule(this.catalog, target);
      if (sdk) return name === '*' ? { kind: 'sdk-module', sdk, module: target } : this.sdkExport(sdk, name, target);
      return name === '*' ? { kind: 'repo-namespace', file: target } : this.resolveExport(target, name, depth);
    }
    const sdk = sdkForModule(this.catalog, module);
    if (sdk) return name === '*' ? { kind: 'sdk-module', sdk, module } : this.sdkExport(sdk, name, module);
    return { kind: 'module-value', module, path: name === '*' ? [] : [name] };
  }

  /**
   * `getClient()` of a function another repository module exports: what the function returns, which
   * that module exports as `getClient()` (see the extractor). Not for a module a config `sdks` entry
   * names: its exports are the entry's.
   */
  private returnedByRepositoryFunction(callee: ValueRef, file: string, depth: number): Resolved | undefined {
    if (callee.kind !== 'import' || !isRelativeSpecifier(callee.module) || callee.name === '*') return undefined;
    const target = this.resolveFile(file, callee.module);
    if (!target || sdkForModule(this.catalog, target)) return undefined;
    const returned = this.resolveExport(target, `${callee.name}()`, depth + 1);
    return returned.kind === 'unknown' ? undefined : returned;
  }

  /** The value a repository file exports under `name`, following re-exports. */
  resolveExport(file: string, name: string, depth: number): Resolved {
    const key = `${file}#${name}`;
    if (this.active.has(key) || depth > MAX_DEPTH) return UNKNOWN;
    const facts = this.filesByPath.get(file);
    if (!facts) return UNKNOWN;
    this.active.add(key);
    try {
      const direct = facts.exports.find((entry) => entry.name === name);
      if (direct) return this.resolve(direct.value, file, depth + 1);
      for (const reExport of facts.reExports) {
        if (reExport.exported === name) return this.resolveImport(reExport.module, reExport.imported, file, depth + 1);
      }
      for (const reExport of facts.reExports) {
        if (reExport.exported !== '*') continue;
        const resolved = this.resolveImport(reExport.module, name, file, depth + 1);
        if (resolved.kind !== 'unknown') return resolved;
      }
      return UNKNOWN;
    } finally {
      this.active.delete(key);
    }
  }

  private sdkExport(sdk: SdkEntry, name: string, module: string, tracedBy?: TracingEvidence): Resolved {
    if (name !== 'default' && !knownExports(sdk).has(name)) {
      // Not an LLM entry point (`setTracingDisabled`, `PORTKEY_GATEWAY_URL`): an ordinary module value.
      return tracedBy ? { kind: 'module-value', module, path: [name], tracedBy } : { kind: 'module-value', module, path: [name] };
    }
    const instance = sdk.clients.find((client) => client.create === 'value' && client.exports.includes(name));
    if (instance) {
      return { kind: 'client', sdk, client: instance, origin: { argsChain: [], isTypedOnly: false, tracedBy } };
    }
    return tracedBy ? { kind: 'sdk-export', sdk, name, tracedBy } : { kind: 'sdk-export', sdk, name };
  }

  private member(object: Resolved, name: string, _depth: number): Resolved {
    switch (object.kind) {
      case 'sdk-module':
        return this.sdkExport(object.sdk, name, object.module, object.tracedBy);
      case 'repo-namespace':
        return this.resolveExport(object.file, name, 0);
      case 'client':
        return { kind: 'client-path', sdk: object.sdk, client: object.client, origin: object.origin, path: [name] };
      case 'client-path':
        return { ...object, path: [...object.path, name] };
      case 'module-value':
        return { ...object, path: [...object.path, name] };
      case 'sdk-export': {
        // `OpenAI.default` (CommonJS interop) is the export itself.
        if (name === 'default') return object;
        // A static factory the catalog lists as an export of its own (`RetrievalQAChain.fromLLM`).
        const member = `${object.name}.${name}`;
        return knownExports(object.sdk).has(member) ? this.sdkExport(object.sdk, member, '', object.tracedBy) : UNKNOWN;
      }
      default:
        return UNKNOWN;
    }
  }

  private construct(callee: Resolved, args: ArgFact[], how: 'new' | 'call'): Resolved {
    let target = callee;
    // `const OpenAI = require('openai'); new OpenAI()`: the CommonJS module is the class.
    if (target.kind === 'sdk-module') target = this.sdkExport(target.sdk, 'default', target.module, target.tracedBy);
    if (target.kind === 'module-value') {
      return { ...target, path: [...target.path, how === 'new' ? 'new' : '()'] };
    }
    if (target.kind !== 'sdk-export') return UNKNOWN;
    const { sdk, name } = target;
    const client = sdk.clients.find((candidate) => candidate.create === how && candidate.exports.includes(name));
    if (!client) return UNKNOWN;
    return { kind: 'client', sdk, client, origin: { argsChain: [args], isTypedOnly: false, tracedBy: target.tracedBy } };
  }

  private call(callee: Resolved, args: ArgFact[], file: string, depth: number): Resolved {
    if (callee.kind === 'sdk-export') return this.construct(callee, args, 'call');
    if (callee.kind === 'client-path') {
      const path = callee.path.join('.');
      const definition = callee.client.calls.find((candidate) => candidate.path === path && candidate.returns);
      if (definition?.returns) {
        const next = definition.returns === 'self' ? callee.client : callee.sdk.clients.find((client) => client.id === definition.returns);
        if (!next) return UNKNOWN;
        const origin = { ...callee.origin, argsChain: [...callee.origin.argsChain, args] };
        return { kind: 'client', sdk: callee.sdk, client: next, origin };
      }
      return UNKNOWN;
    }
    if (callee.kind === 'module-value') {
      const wrapper = this.tracingWrapper(callee);
      if (wrapper) {
        const inner = this.resolveArg(args[0], file);
        return withTracing(inner, wrapper);
      }
      const composed = this.composed(callee.path, args, file, depth);
      if (composed) return composed;
      return { ...callee, path: [...callee.path, '()'] };
    }
    return UNKNOWN;
  }

  /**
   * `prompt.pipe(model)`, `RunnableSequence.from([prompt, model, parser])`: a composer method whose
   * argument is a client, or a list with one, yields that client. A composer names the method, or
   * the method with the member before it.
   */
  private composed(path: string[], args: ArgFact[], file: string, _depth: number): Resolved | undefined {
    const method = path.at(-1);
    if (!method) return undefined;
    const first = args[0];
    const candidates = first?.kind === 'array' ? first.items : [first];
    for (const candidate of candidates) {
      const argument = this.resolveArg(candidate, file);
      if (argument.kind !== 'client') continue;
      const { composers } = argument.sdk;
      if (composers.includes(method) || (path.length > 1 && composers.includes(`${path.at(-2)}.${method}`))) return argument;
    }
    return undefined;
  }

  private tracingWrapper(value: { module: string; path: string[] }): TracingEvidence | undefined {
    const entry = this.catalog.tracing.wrappers.find((wrapper) => matchesRef(wrapper, value.module, value.path));
    return entry ? { mechanism: 'wrapper', detail: `wrapped by ${entry.detail}` } : undefined;
  }
}

function withTracing(value: Resolved, tracedBy: TracingEvidence): Resolved {
  switch (value.kind) {
    case 'client':
    case 'client-path':
      return { ...value, origin: { ...value.origin, tracedBy } };
    case 'sdk-module':
    case 'sdk-export':
    case 'module-value':
      return { ...value, tracedBy };
    default:
      return value;
  }
}

/**
 * Whether a module value path names one of a catalog entry's exports. The leading `default`
 * or namespace step is ignored, so `mlflow.trace` matches `trace` of `mlflow-tracing`.
 */
export function matchesRef(ref: { module: string; exports: string[] }, module: string, path: string[]): boolean {
  if (ref.module !== module) return false;
  const steps = path[0] === 'default' && !ref.exports.includes('default') ? path.slice(1) : path;
  const first = steps[0];
  if (first === undefined || steps.length !== 1) return false;
  return ref.exports.includes('*') || ref.exports.includes(first);
}
