import type { Catalog, SdkEntry } from '../catalog/catalog-schema.js';
import type { ArgFact, CallFact, FileFacts, ScopeFact, ValueRef } from '../model/facts.js';
import { isRelativeSpecifier } from '../model/module-specifier.js';
import { rootImport } from '../model/root-import.js';
import type { LlmCall, LlmCallKind, RepoModel, TracingEvidence, TracingSetup } from '../model/repo-model.js';
import { linkEvals } from './link-evals.js';
import { type CountTokens, linkPrompts } from './link-prompts.js';
import { type CallWithFacts, linkTools } from './link-tools.js';
import { matchesRef, type ClientOrigin, type Resolved, ValueResolver } from './resolve-value.js';
import { namedScope } from './call-patterns.js';

interface CallMatch {
  sdk: SdkEntry | undefined;
  provider: string;
  sdkId: string;
  api: string;
  kind: LlmCallKind;
  origin?: ClientOrigin;
  tracedBy?: TracingEvidence;
  /** Extra arguments that configure the call (a Bedrock command's input). */
  commandArgs?: ArgFact[];
}

const MODEL_KEYS = ['model', 'modelId', 'modelName'];
const BASE_URL_KEYS = ['baseURL', 'baseUrl', 'basePath', 'endpoint'];
const HEADER_KEYS = ['defaultHeaders', 'headers'];

function objectArg(arg: ArgFact | undefined): Record<string, ArgFact> | undefined {
  return arg?.kind === 'object' ? arg.props : undefined;
}

function textOf(arg: ArgFact | undefined): string | undefined {
  if (!arg) return undefined;
  if (arg.kind === 'literal' && typeof arg.value === 'string') return arg.value;
  if (arg.kind === 'template') return arg.text;
  return undefined;
}

/** Reads `a.b.c` from an object argument. */
function optionAt(props: Record<string, ArgFact> | undefined, path: string): ArgFact | undefined {
  let current: ArgFact | undefined = props ? { kind: 'object', props, spreads: [], line: 0 } : undefined;
  for (const step of path.split('.')) {
    if (current?.kind !== 'object') return undefined;
    current = current.props[step];
  }
  return current;
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}


/**
 * Joins the facts of every file into the repository model: which calls reach a model, through
 * which SDK, and whether each is traced. Pure; reads no AST, only facts and the catalog.
 */
export function linkRepository(files: FileFacts[], catalog: Catalog, countTokens: CountTokens, promptFiles: ReadonlyMap<string, string> = new Map()): RepoModel {
  const resolver = new ValueResolver(files, catalog);
  const tracingSetups = findTracingSetups(files, catalog, resolver);
  const names = llmCallNames(catalog);
  const found: CallWithFacts[] = [];
  for (const facts of files) {
    for (const call of facts.calls) {
      // Most calls (`z.object(…)`, a repository helper) cannot end in an LLM call's name: not resolved.
      if (!mayName(call.callee, names)) continue;
      const match = matchCall(call, facts.path, catalog, resolver);
      if (!match) continue;
      found.push({ llmCall: toLlmCall(call, facts, match, catalog, resolver, tracingSetups), call, file: facts.path });
    }
  }
  const llmCalls = found.map(({ llmCall }) => llmCall);
  llmCalls.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  const { tools, toolSets } = linkTools(files, catalog, resolver, found);
  const prompts = linkPrompts(files, catalog, resolver, found, countTokens, promptFiles);
  const evals = linkEvals(files, catalog, resolver, llmCalls, prompts);
  return { files: files.map((facts) => facts.path), llmCalls, tracingSetups, tools, toolSets, prompts, evals };
}

/**
 * The names an LLM call's callee can end in: the last step of a client call's path
 * (`chat.completions.create`), an SDK function, an HTTP client or one of its methods.
 */
function llmCallNames(catalog: Catalog): Set<string> {
  const names = new Set<string>();
  for (const sdk of catalog.sdks) {
    for (const client of sdk.clients) for (const call of client.calls) names.add(call.path.split('.').at(-1)!);
    for (const fn of sdk.functions) names.add(fn.export);
  }
  for (const client of catalog.http.clients) for (const name of [...client.exports, ...client.methods]) names.add(name.split('.').at(-1)!);
  return names;
}

function matchCall(call: CallFact, file: string, catalog: Catalog, resolver: ValueResolver): CallMatch | undefined {
  if (call.isNew) return undefined;
  const callee = resolver.resolve(call.callee, file);
  if (callee.kind === 'client-path') {
    const path = callee.path.join('.');
    const definition = callee.client.calls.find((candidate) => candidate.path === path);
    if (!definition) return undefined;
    const base = { sdk: callee.sdk, provider: callee.sdk.provider, sdkId: callee.sdk.id, origin: callee.origin, tracedBy: callee.origin.tracedBy };
    if (definition.commands) {
      const command = call.args[0]?.kind === 'value' && call.args[0].value.kind === 'new' ? call.args[0].value : undefined;
      if (!command) return undefined;
      const commandClass = resolver.resolve(command.callee, file);
      if (commandClass.kind !== 'sdk-export' || commandClass.sdk !== callee.sdk) return undefined;
      const api = definition.commands[commandClass.name];
      return api ? { ...base, api: api.api, kind: api.kind, commandArgs: command.args } : undefined;
    }
    return definition.api ? { ...base, api: definition.api, kind: definition.kind } : undefined;
  }
  if (callee.kind === 'sdk-export') {
    const fn = callee.sdk.functions.find((candidate) => candidate.export === callee.name);
    if (!fn) return undefined;
    return { sdk: callee.sdk, provider: callee.sdk.provider, sdkId: callee.sdk.id, api: fn.api, kind: fn.kind, tracedBy: callee.tracedBy };
  }
  return matchHttpCall(call, callee, catalog);
}

function matchHttpCall(call: CallFact, callee: Resolved, catalog: Catalog): CallMatch | undefined {
  const isHttpClient = catalog.http.clients.some((client) => {
    if (callee.kind === 'global') return client.module === 'globalThis' && client.exports.includes(callee.name);
    if (callee.kind !== 'module-value' || callee.module !== client.module) return false;
    const [first, ...members] = callee.path;
    if (first === undefined || !client.exports.includes(first)) return false;
    return members.length === 0 || client.methods.includes(members.join('.'));
  });
  if (!isHttpClient) return undefined;
  const url = textOf(call.args[0]) ?? textOf(objectArg(call.args[0])?.url);
  if (!url) return undefined;
  const host = hostOf(url);
  const endpoint = catalog.http.endpoints.find((candidate) => {
    const hostMatches = host ? host === candidate.host || host.endsWith(`.${candidate.host}`) : url.includes(candidate.host);
    return hostMatches && (candidate.path === '' || url.includes(candidate.path));
  });
  if (!endpoint) return undefined;
  return { sdk: undefined, provider: endpoint.provider, sdkId: 'http', api: endpoint.api, kind: endpoint.kind };
}

function toLlmCall(
  call: CallFact,
  facts: FileFacts,
  match: CallMatch,
  catalog: Catalog,
  resolver: ValueResolver,
  setups: TracingSetup[],
): LlmCall {
  const options = objectArg(call.args.find((arg) => arg.kind === 'object'));
  const model = modelOf(call, match);
  const tracing = tracingOf(call, facts, match, options, catalog, resolver, setups);
  const llmCall: LlmCall = {
    file: facts.path,
    line: call.line,
    column: call.column,
    sdk: match.sdkId,
    provider: match.provider,
    api: match.api,
    kind: match.kind,
    options: options ? Object.keys(options).sort() : [],
    callee: call.calleeText,
    textHash: call.textHash,
    tracing,
  };
  if (model !== undefined) llmCall.model = model;
  const enclosing = namedScope(call.scopes);
  if (enclosing !== undefined) llmCall.enclosingFunction = enclosing;
  return llmCall;
}

function modelFromProps(props: Record<string, ArgFact> | undefined, depth = 0): string | undefined {
  if (!props) return undefined;
  for (const key of MODEL_KEYS) {
    const value = props[key];
    const text = textOf(value);
    if (text !== undefined && text.length > 0) return text;
    // AI SDK: `model: openai('gpt-4o')`, a provider factory of a package called with the model id
    // (not `getStringArg('--model')`, a function of the repository).
    if (value?.kind === 'value' && value.value.kind === 'call' && isPackageValue(value.value.callee)) {
      const id = textOf(value.value.args[0]);
      if (id !== undefined) return id;
    }
  }
  // A model client (or an agent) made in this file and handed over (`model: new ChatOpenAI({ model:
  // 'gpt-4o' })`, a LangChain chain's `llm: model`, an executor's `agent`): the model it was made with.
  for (const key of [...MODEL_KEYS, 'llm', 'agent']) {
    const made = madeModel(props[key], depth);
    if (made !== undefined) return made;
  }
  return undefined;
}

/** Whether a value comes from a package's export (`openai` of `@ai-sdk/openai`, `createOpenAI(…)`), not the repository's own code. */
function isPackageValue(value: ValueRef): boolean {
  const root = rootImport(value);
  return root !== undefined && !isRelativeSpecifier(root.module);
}

/**
 * The model of a client made in this file, from its options: constructed (`new
 * ChatOpenAI({ model: 'gpt-4o' })`) or made by a package's factory (`createToolCallingAgent({ llm })`).
 */
function madeModel(arg: ArgFact | undefined, depth: number): string | undefined {
  if (arg?.kind !== 'value' || depth > 2) return undefined;
  const made = arg.value;
  if (made.kind !== 'new' && !(made.kind === 'call' && isPackageValue(made.callee))) return undefined;
  return modelFromProps(objectArg(made.args[0]), depth + 1);
}

function modelOf(call: CallFact, match: CallMatch): string | undefined {
  const candidates = [call.args, match.commandArgs ?? [], ...[...(match.origin?.argsChain ?? [])].reverse()];
  for (const args of candidates) {
    for (const arg of args) {
      const model = modelFromProps(objectArg(arg));
      if (model !== undefined) return model;
    }
  }
  // Then a client handed over whole (`run(agent, …)`, `fromLLM(model, …)`): options of the call
  // and its chain come first (a Runner's `model` overrides its agents' models).
  for (const args of candidates) {
    for (const arg of args) {
      const model = madeModel(arg, 0);
      if (model !== undefined) return model;
    }
  }
  return undefined;
}

function tracingOf(
  call: CallFact,
  facts: FileFacts,
  match: CallMatch,
  options: Record<string, ArgFact> | undefined,
  catalog: Catalog,
  resolver: ValueResolver,
  setups: TracingSetup[],
): LlmCall['tracing'] {
  const evidence: TracingEvidence[] = [];
  if (match.tracedBy) evidence.push(match.tracedBy);
  const modelOption = options?.model;
  if (!match.tracedBy && modelOption?.kind === 'value') {
    const model = resolver.resolve(modelOption.value, facts.path);
    const tracedBy = model.kind === 'client' ? model.origin.tracedBy : model.kind === 'module-value' ? model.tracedBy : undefined;
    if (tracedBy) evidence.push(tracedBy);
  }
  const span = enclosingSpan(call.scopes, facts, catalog, resolver);
  if (span) evidence.push(span);
  const telemetryOption = match.sdk?.telemetryOption;
  const telemetry = telemetryOption ? optionAt(options, telemetryOption) : undefined;
  if (telemetry && !(telemetry.kind === 'literal' && telemetry.value !== true)) {
    // A non-literal switch (`isEnabled: langfuseEnabled`) means tracing is wired up and turned on by configuration.
    const detail = telemetry.kind === 'literal' ? `${telemetryOption}: true` : `${telemetryOption} set at run time`;
    evidence.push({ mechanism: 'per-call-telemetry', detail, file: facts.path, line: call.line });
  }
  const allArgs = [call.args, ...(match.origin?.argsChain ?? [])];
  const callback = tracingCallback(allArgs, facts.path, catalog, resolver);
  if (callback) evidence.push(callback);
  const gateway = gatewayOf(match.origin?.argsChain ?? [], facts.path, catalog, resolver);
  if (gateway) evidence.push(gateway);

  const sdkId = match.sdkId;
  const disabledBy = disabledEvidence(match, facts.path, allArgs, setups);
  if (match.sdk?.tracedByDefault && !disabledBy) {
    evidence.push({ mechanism: match.sdk.tracedByDefault.mechanism, detail: match.sdk.tracedByDefault.detail });
  }
  for (const setup of setups) {
    if (setup.mechanism === 'disabled' || !appliesTo(setup, facts.path)) continue;
    if (!setup.covers.includes(sdkId) && !setup.covers.includes('*')) continue;
    const mechanism = setup.mechanism === 'framework-default' ? 'framework-default' : 'global-instrumentation';
    if (evidence.some((entry) => entry.mechanism === mechanism)) continue;
    evidence.push({ mechanism, detail: setup.detail, file: setup.file, ...(setup.line ? { line: setup.line } : {}) });
  }
  if (evidence.length > 0) return { verdict: 'traced', evidence };
  if (disabledBy) return { verdict: 'untraced', evidence: [disabledBy] };
  if (match.origin?.isTypedOnly) {
    return {
      verdict: 'unknown',
      evidence: [{ mechanism: 'unresolved-client', detail: 'the client comes from elsewhere (a typed parameter or field); whether it is wrapped is not visible here' }],
    };
  }
  return { verdict: 'untraced', evidence: [] };
}

function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

function appliesTo(setup: TracingSetup, file: string): boolean {
  return setup.appliesTo === '' || file.startsWith(`${setup.appliesTo}/`);
}

function disabledEvidence(match: CallMatch, file: string, allArgs: ArgFact[][], setups: TracingSetup[]): TracingEvidence | undefined {
  const tracedByDefault = match.sdk?.tracedByDefault;
  if (!tracedByDefault) return undefined;
  const option = tracedByDefault.disabledByOption;
  if (option) {
    for (const args of allArgs) {
      for (const arg of args) {
        const value = optionAt(objectArg(arg), option);
        if (value?.kind === 'literal' && value.value === true) return { mechanism: 'disabled', detail: `${option}: true` };
      }
    }
  }
  const setup = setups.find((candidate) => candidate.mechanism === 'disabled' && candidate.covers.includes(match.sdkId) && appliesTo(candidate, file));
  return setup ? { mechanism: 'disabled', detail: setup.detail, file: setup.file, ...(setup.line ? { line: setup.line } : {}) } : undefined;
}

function isTracingScope(value: ValueRef, file: string, catalog: Catalog, resolver: ValueResolver): string | undefined {
  let resolved = resolver.resolve(value, file);
  if (resolved.kind !== 'module-value') return undefined;
  // A decorator factory `@observe()` is the call of the scope export.
  if (resolved.path.at(-1) === '()') resolved = { ...resolved, path: resolved.path.slice(0, -1) };
  const { module, path } = resolved;
  for (const scope of catalog.tracing.scopes) {
    if (scope.methods.length > 0) {
      const method = path.at(-1);
      if (scope.module === module && method !== undefined && scope.methods.includes(method)) return scope.detail;
    } else if (matchesRef(scope, module, path)) {
      return scope.detail;
    }
  }
  return undefined;
}

function enclosingSpan(scopes: ScopeFact[], facts: FileFacts, catalog: Catalog, resolver: ValueResolver): TracingEvidence | undefined {
  for (const scope of scopes) {
    const candidates = [...(scope.passedTo ? [scope.passedTo] : []), ...(scope.decorators ?? [])];
    for (const candidate of candidates) {
      const detail = isTracingScope(candidate, facts.path, catalog, resolver);
      if (detail) return { mechanism: 'enclosing-span', detail: `inside ${detail}` };
    }
    const shortName = scope.name.split('.').at(-1);
    for (const wrapped of facts.wrappedFunctions) {
      if (wrapped.name !== scope.name && wrapped.name !== shortName) continue;
      const detail = isTracingScope(wrapped.by, facts.path, catalog, resolver);
      if (detail) return { mechanism: 'enclosing-span', detail: `${wrapped.name} is wrapped by ${detail}`, file: facts.path, line: wrapped.line };
    }
  }
  return undefined;
}

function tracingCallback(allArgs: ArgFact[][], file: string, catalog: Catalog, resolver: ValueResolver): TracingEvidence | undefined {
  for (const args of allArgs) {
    for (const arg of args) {
      const callbacks = objectArg(arg)?.callbacks;
      if (callbacks?.kind !== 'array') continue;
      for (const item of callbacks.items) {
        const handler = resolver.resolveArg(item, file);
        if (handler.kind !== 'module-value' || handler.path.at(-1) !== 'new') continue;
        const entry = catalog.tracing.callbacks.find((candidate) => matchesRef(candidate, handler.module, handler.path.slice(0, -1)));
        if (entry) return { mechanism: 'callback', detail: entry.detail };
      }
    }
  }
  return undefined;
}

function gatewayOf(argsChain: ArgFact[][], file: string, catalog: Catalog, resolver: ValueResolver): TracingEvidence | undefined {
  for (const args of argsChain) {
    const props = objectArg(args[0]);
    if (!props) continue;
    const urlArgs = [...BASE_URL_KEYS.map((key) => props[key]), optionAt(props, 'configuration.baseURL')];
    for (const gateway of catalog.tracing.gateways) {
      for (const urlArg of urlArgs) {
        const url = textOf(urlArg);
        if (url && gateway.hosts.some((host) => (hostOf(url) ?? url).includes(host))) {
          return { mechanism: 'gateway', detail: `base URL ${url} goes through the ${gateway.detail}` };
        }
        const constant = resolver.resolveArg(urlArg, file);
        if (constant.kind === 'module-value' && gateway.constants.some((ref) => matchesRef(ref, constant.module, constant.path))) {
          return { mechanism: 'gateway', detail: `base URL ${constant.path.join('.')} goes through the ${gateway.detail}` };
        }
      }
      for (const headerKey of HEADER_KEYS) {
        const headers = objectArg(props[headerKey]) ?? objectArg(optionAt(props, `configuration.${headerKey}`));
        const names = Object.keys(headers ?? {}).map((name) => name.toLowerCase());
        if (gateway.headers.some((header) => names.includes(header.toLowerCase()))) {
          return { mechanism: 'gateway', detail: `${gateway.detail} header set on the client` };
        }
      }
    }
  }
  return undefined;
}

/** Process-wide tracing: instrumentation set up in code, and switches in `.env` files. */
function findTracingSetups(files: FileFacts[], catalog: Catalog, resolver: ValueResolver): TracingSetup[] {
  const setupModules = new Set(catalog.tracing.setups.map((setup) => setup.module));
  const setupExports = new Set(catalog.tracing.setups.flatMap((setup) => setup.exports));
  const setups: TracingSetup[] = [];
  const seen = new Set<string>();
  const add = (setup: TracingSetup) => {
    const key = `${setup.id}|${setup.file}|${setup.line ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    setups.push(setup);
  };
  for (const facts of files) {
    if (facts.env) {
      for (const entry of catalog.tracing.env) {
        const value = facts.env[entry.variable];
        if (value === undefined || !entry.values.includes(value.toLowerCase())) continue;
        add({
          file: facts.path,
          mechanism: entry.effect === 'disables' ? 'disabled' : 'framework-default',
          id: entry.id,
          detail: `${entry.detail} (${entry.variable}=${value} in ${facts.path})`,
          covers: entry.covers,
          appliesTo: folderOf(facts.path),
        });
      }
      continue;
    }
    if (!facts.moduleSpecifiers.some((module) => setupModules.has(module))) continue;
    for (const call of facts.calls) {
      visitValues(call, (value, args) => {
        if (!setupExports.has('*') && !mayName(value.callee, setupExports)) return;
        const resolved = resolver.resolve(value, facts.path);
        if (resolved.kind !== 'module-value') return;
        const last = resolved.path.at(-1);
        if (last !== 'new' && last !== '()') return;
        const path = resolved.path.slice(0, -1);
        for (const entry of catalog.tracing.setups) {
          if (!matchesRef(entry, resolved.module, path)) continue;
          if (entry.whenFirstArgument !== undefined) {
            const first = args[0];
            if (first?.kind !== 'literal' || first.value !== entry.whenFirstArgument) continue;
          }
          add({
            file: facts.path,
            line: call.line,
            mechanism: entry.effect === 'disables' ? 'disabled' : 'global-instrumentation',
            id: entry.id,
            detail: `${entry.detail} in ${facts.path}:${call.line}`,
            covers: entry.covers,
            appliesTo: folderOf(facts.path),
          });
        }
      });
    }
  }
  return setups;
}

/**
 * Whether a callee can be one of `names` once resolved: its last name is one of them (or a
 * `default` or namespace import), it comes from a repository module (which may re-export under
 * another name), or it cannot be told here.
 */
function mayName(callee: ValueRef, names: ReadonlySet<string>): boolean {
  const last = callee.kind === 'import' || callee.kind === 'member' ? callee.name : undefined;
  return last === undefined || last === 'default' || last === '*' || names.has(last) || isFromRepositoryModule(callee);
}

function isFromRepositoryModule(value: ValueRef): boolean {
  switch (value.kind) {
    case 'import':
      return isRelativeSpecifier(value.module);
    case 'member':
      return isFromRepositoryModule(value.object);
    default:
      return true;
  }
}

/** Calls `visit` for every `new` and call value inside a call's callee and arguments. */
function visitValues(call: CallFact, visit: (value: Extract<ValueRef, { kind: 'new' | 'call' }>, args: ArgFact[]) => void): void {
  const { callee, args } = call;
  const walkValue = (value: ValueRef): void => {
    switch (value.kind) {
      case 'new':
      case 'call':
        visit(value, value.args);
        walkValue(value.callee);
        value.args.forEach(walkArg);
        return;
      case 'member':
        walkValue(value.object);
        return;
      default:
        return;
    }
  };
  const walkArg = (arg: ArgFact): void => {
    if (arg.kind === 'value') walkValue(arg.value);
    else if (arg.kind === 'object') Object.values(arg.props).forEach(walkArg);
    else if (arg.kind === 'array') arg.items.forEach(walkArg);
  };
  visit({ kind: call.isNew ? 'new' : 'call', callee, args, at: call.at }, args);
  walkValue(callee);
  args.forEach(walkArg);
}
