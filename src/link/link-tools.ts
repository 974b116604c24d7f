import type { Catalog, ToolCatalog } from '../catalog/catalog-schema.js';
import type { ArgFact, CallFact, FileFacts, ValueRef } from '../model/facts.js';
import type { LlmCall, ToolDef, ToolSet } from '../model/repo-model.js';
import type { ValueResolver } from './resolve-value.js';
import { isCatalogExport, namedScope } from './call-patterns.js';
import { promptfooFile } from './link-evals.js';

type Factory = ToolCatalog['factories'][number];


/** An agent given MCP servers and no `tools`: its set starts empty. */
const NO_TOOLS: ArgFact = { kind: 'array', items: [], spreads: [] };
/** A tool declaration before naming: AI SDK tools get their name from the key they are listed under. */
interface PendingTool {
  def: Omit<ToolDef, 'id'>;
  /** The factory takes its name from the `tools: { key: … }` object. */
  isNamedByKey: boolean;
}

/** An LLM call with the facts it came from, so its `tools` option can be read. */
export interface CallWithFacts {
  llmCall: LlmCall;
  call: CallFact;
  file: string;
}

function textOf(arg: ArgFact | undefined): string | undefined {
  if (arg?.kind === 'literal' && typeof arg.value === 'string') return arg.value;
  if (arg?.kind === 'template') return arg.text;
  return undefined;
}

/** Reads an argument path (`0.name`) from a call's arguments. */
function argumentAt(args: ArgFact[], path: string): ArgFact | undefined {
  const [index, ...keys] = path.split('.');
  let current = args[Number(index)];
  for (const key of keys) {
    if (current?.kind !== 'object') return undefined;
    current = current.props[key];
  }
  return current;
}

/** `import { tool } from 'ai'` or `ai.tool` on a namespace import, as module and export name. */



/** Whether the object a path reads from is in the arguments: `1.description` needs a second argument written as an object. */
function holdsObjectFor(args: ArgFact[], path: string): boolean {
  const [index, ...keys] = path.split('.');
  let current = args[Number(index)];
  for (const key of keys.slice(0, -1)) {
    if (current?.kind !== 'object') return false;
    current = current.props[key];
  }
  return keys.length === 0 ? current !== undefined : current?.kind === 'object';
}

/**
 * The factory entry for a call. An SDK whose factory takes its options in more than one place has
 * an entry for each (LlamaIndex: `tool(fn, { name, description })` and `tool({ name, description,
 * execute })`): the first whose description path reads from an object the call has wins, else the
 * first that matches (the options may be a variable).
 */
function factoryOf(factories: readonly Factory[], call: CallFact): Factory | undefined {
  let first: Factory | undefined;
  for (const entry of factories) {
    if (entry.construct !== (call.isNew ? 'new' : 'call') || !isCatalogExport(entry, call.callee)) continue;
    if (holdsObjectFor(call.args, entry.description)) return entry;
    first ??= entry;
  }
  return first;
}

function toolId(def: Omit<ToolDef, 'id'>): string {
  const label = def.name ?? def.variable;
  return label === undefined ? `${def.file}:${def.line}` : `${def.file}#${label}`;
}

/** An OpenAI (chat or responses), Anthropic or MCP (a server's tool list) tool written as a JSON shape. */
function literalTool(props: Record<string, ArgFact>): { sdk: string; name?: string; description?: ArgFact } | undefined {
  const fn = props.function;
  if (textOf(props.type) === 'function' && fn?.kind === 'object') {
    return { sdk: 'openai-function', name: textOf(fn.props.name), description: fn.props.description };
  }
  if (textOf(props.type) === 'function' && props.name) {
    return { sdk: 'openai-function', name: textOf(props.name), description: props.description };
  }
  if (props.input_schema && props.name) return { sdk: 'anthropic', name: textOf(props.name), description: props.description };
  if (props.inputSchema && props.name) return { sdk: 'mcp', name: textOf(props.name), description: props.description };
  return undefined;
}

function makeDef(
  file: string,
  line: number,
  sdk: string,
  kind: ToolDef['kind'],
  name: string | undefined,
  descriptionArg: ArgFact | undefined,
): Omit<ToolDef, 'id'> {
  const description = textOf(descriptionArg);
  // An object or function where a description could be (MCP `server.tool(name, schema, cb)`) is no description;
  // a template with holes is not measurable.
  const isAbsent = descriptionArg === undefined || ['object', 'array', 'function'].includes(descriptionArg.kind);
  const isMeasurable = description !== undefined && !(descriptionArg?.kind === 'template' && descriptionArg.holes.length > 0);
  const descriptionSource = isMeasurable ? 'literal' : isAbsent ? 'none' : 'expression';
  const def: Omit<ToolDef, 'id'> = { file, line, sdk, kind, descriptionLength: isMeasurable ? description.length : 0, descriptionSource };
  if (name !== undefined) def.name = name;
  if (isMeasurable) def.description = description;
  return def;
}

/**
 * The tool inventory and tool sets: tools declared with the catalog's factories, methods and
 * base classes (or written as JSON shapes inside a tool set), and every call or agent that is
 * handed tools, followed through variables, spreads and imports. Pure.
 */
export function linkTools(files: FileFacts[], catalog: Catalog, resolver: ValueResolver, llmCalls: CallWithFacts[]): { tools: ToolDef[]; toolSets: ToolSet[] } {
  const toolsCatalog = catalog.tools;
  const pending = new Map<string, PendingTool>();
  const classTools = new Map<string, string>();
  const key = (file: string, at: number) => `${file}@${at}`;

  for (const facts of files) {
    for (const call of facts.calls) {
      const factory = factoryOf(toolsCatalog.factories, call);
      if (factory) {
        const name = factory.name ? textOf(argumentAt(call.args, factory.name)) : undefined;
        const description = argumentAt(call.args, factory.description);
        const def = makeDef(facts.path, call.line, factory.id, 'factory', name, description);
        if (call.assignedTo !== undefined) def.variable = call.assignedTo;
        pending.set(key(facts.path, call.at), { def, isNamedByKey: factory.name === undefined });
        continue;
      }
      if (call.callee.kind !== 'member' || call.isNew) continue;
      const method = call.callee.name;
      const owner = call.callee.object;
      const entry = toolsCatalog.methods.find(
        (candidate) => candidate.methods.includes(method) && owner.kind === 'new' && isCatalogExport(candidate, owner.callee),
      );
      if (!entry) continue;
      const name = textOf(argumentAt(call.args, entry.name));
      const description = argumentAt(call.args, entry.description);
      pending.set(key(facts.path, call.at), { def: makeDef(facts.path, call.line, entry.id, entry.kind, name, description), isNamedByKey: false });
    }
    for (const fact of facts.classes) {
      const entry = toolsCatalog.classes.find((candidate) => isCatalogExport(candidate, fact.extends));
      if (!entry) continue;
      const at = key(facts.path, -fact.line);
      pending.set(at, { def: makeDef(facts.path, fact.line, entry.id, 'class', textOf(fact.props.name), fact.props.description), isNamedByKey: false });
      classTools.set(`${facts.path}#${fact.name}`, at);
    }
  }

  const literals = new Map<string, PendingTool>();
  const toolSets: ToolSet[] = [];

  /** Follows a tool set and returns the keys of the tools it lists, plus unknown entries and completeness. */
  function collect(arg: ArgFact | undefined, file: string): { keys: string[]; unknown: number; isComplete: boolean } {
    const result = { keys: [] as string[], unknown: 0, isComplete: true };
    const seen = new Set<string>();
    const addItem = (item: ArgFact, itemFile: string, listedAs: string | undefined, depth: number): void => {
      if (depth > 12) {
        result.unknown += 1;
        return;
      }
      if (item.kind === 'object') {
        const shape = literalTool(item.props);
        if (!shape) {
          result.unknown += 1;
          return;
        }
        const literalKey = `${itemFile}@line${item.line}:${shape.name ?? ''}`;
        if (!literals.has(literalKey)) {
          // A server's tool list serves clients outside the repository, as `server.tool(…)` does.
          const kind = shape.sdk === 'mcp' ? 'mcp' : 'literal';
          literals.set(literalKey, { def: makeDef(itemFile, item.line, shape.sdk, kind, shape.name, shape.description), isNamedByKey: false });
        }
        result.keys.push(literalKey);
        return;
      }
      if (item.kind !== 'value') {
        result.unknown += 1;
        return;
      }
      const value = item.value;
      if (value.kind === 'call' || value.kind === 'new') {
        const toolClass = value.kind === 'new' ? resolver.followValue(value.callee, itemFile) : undefined;
        const classKey = toolClass?.value.kind === 'function' ? classTools.get(`${toolClass.file}#${toolClass.value.name}`) : undefined;
        const toolKey = classKey ?? key(itemFile, value.at);
        const tool = pending.get(toolKey);
        if (!tool) {
          // A call that is not a tool factory (`withAuditLog(refundPayment)`) may hide tools.
          result.unknown += 1;
          if (value.kind === 'call') result.isComplete = false;
          return;
        }
        if (tool.isNamedByKey && tool.def.name === undefined && listedAs !== undefined) tool.def.name = listedAs;
        if (!seen.has(toolKey)) result.keys.push(toolKey);
        seen.add(toolKey);
        return;
      }
      const followed = resolver.followValue(value, itemFile);
      if (followed && followed.value !== value) {
        addItem({ kind: 'value', value: followed.value }, followed.file, listedAs, depth + 1);
        return;
      }
      result.unknown += 1;
    };
    const addCollection = (collection: ArgFact | undefined, collectionFile: string, depth: number): void => {
      if (!collection || depth > 12) {
        result.isComplete = false;
        return;
      }
      if (collection.kind === 'array') {
        for (const item of collection.items) addItem(item, collectionFile, undefined, depth + 1);
        for (const spread of collection.spreads) addCollection(spread, collectionFile, depth + 1);
        return;
      }
      if (collection.kind === 'object') {
        for (const [listedAs, item] of Object.entries(collection.props)) addItem(item, collectionFile, listedAs, depth + 1);
        for (const spread of collection.spreads) addCollection(spread, collectionFile, depth + 1);
        return;
      }
      if (collection.kind === 'value') {
        const followed = resolver.followValue(collection.value, collectionFile);
        if (followed && (followed.value.kind === 'array' || followed.value.kind === 'object')) {
          addCollection(followed.value, followed.file, depth + 1);
          return;
        }
      }
      result.isComplete = false;
    };
    addCollection(arg, file, 0);
    return result;
  }

  const sets: { set: Omit<ToolSet, 'toolIds' | 'count' | 'isComplete'>; arg: ArgFact | undefined; file: string; hasServers?: boolean }[] = [];
  for (const { llmCall, call, file } of llmCalls) {
    const tools = toolsOption(call.args.find((arg) => arg.kind === 'object'), file, resolver);
    if (!tools) continue;
    const set: Omit<ToolSet, 'toolIds' | 'count' | 'isComplete'> = { file, line: call.line, holder: llmCall.api };
    if (llmCall.enclosingFunction !== undefined) set.enclosingFunction = llmCall.enclosingFunction;
    sets.push({ set, arg: tools, file });
  }
  for (const facts of files) {
    for (const call of facts.calls) {
      const handler = toolListHandler(call, toolsCatalog);
      if (handler) {
        const set: Omit<ToolSet, 'toolIds' | 'count' | 'isComplete'> = { file: facts.path, line: call.line, holder: handler.id };
        const enclosing = namedScope(call.scopes);
        if (enclosing !== undefined) set.enclosingFunction = enclosing;
        const handlerArg = call.args[1];
        // A handler whose result cannot be read gives an incomplete set.
        const tools = handlerArg?.kind === 'function' ? handlerArg.returns?.props[handler.tools] : undefined;
        sets.push({ set, arg: tools, file: facts.path });
        continue;
      }
      const holder = toolsCatalog.holders.find((entry) => entry.construct === (call.isNew ? 'new' : 'call') && isCatalogExport(entry, call.callee));
      const clientMethod = holder ? undefined : clientToolMethod(call, facts.path, toolsCatalog, resolver);
      const entry = holder ?? clientMethod;
      if (!entry) continue;
      const set: Omit<ToolSet, 'toolIds' | 'count' | 'isComplete'> = { file: facts.path, line: call.line, holder: entry.id };
      const enclosing = namedScope(call.scopes);
      if (enclosing !== undefined) set.enclosingFunction = enclosing;
      const agentName = holder?.name ? textOf(argumentAt(call.args, holder.name)) : undefined;
      if (agentName !== undefined) set.agentName = agentName;
      // Tools of attached MCP servers come at run time: an empty list adds none, anything else an unknown number.
      const servers = holder?.servers ? argumentAt(call.args, holder.servers) : undefined;
      const hasServers = servers !== undefined && !(servers.kind === 'array' && servers.items.length === 0 && servers.spreads.length === 0);
      const tools = argumentAt(call.args, entry.tools) ?? (hasServers ? NO_TOOLS : undefined);
      if (tools === undefined) continue;
      sets.push({ set, arg: tools, file: facts.path, hasServers });
    }
  }

  // A promptfoo config hands the tools a module exports to the agent it evaluates (the openai:agents
  // provider's `tools: file://./tools/support-tools.ts`): the exports that are tools or lists of them.
  const byPath = new Map(files.map((facts) => [facts.path, facts]));
  for (const facts of files) {
    for (const { path, line } of facts.promptfoo?.toolFiles ?? []) {
      const file = promptfooFile(facts.path, path);
      const module = file === undefined ? undefined : byPath.get(file);
      if (!module) continue;
      // `Class#field` and `fn()` describe values, not exports a loader sees.
      const exported = module.exports.filter(({ name }) => !name.includes('#') && !name.endsWith('()')).map(({ value }) => asArg(value));
      const tools = exported.filter((arg) => collect(arg, module.path).keys.length > 0);
      const arg: ArgFact = { kind: 'array', items: tools.filter((item) => item.kind === 'value'), spreads: tools.filter((item) => item.kind !== 'value') };
      sets.push({ set: { file: facts.path, line, holder: 'promptfoo.tools' }, arg, file: module.path });
    }
  }

  const collected = sets.map(({ set, arg, file, hasServers }) => ({ set, result: collect(arg, file), hasServers }));
  const allTools = new Map<string, ToolDef>();
  for (const [toolKey, tool] of [...pending, ...literals]) {
    allTools.set(toolKey, { ...tool.def, id: toolId(tool.def) });
  }
  for (const { set, result, hasServers } of collected) {
    toolSets.push({
      ...set,
      toolIds: result.keys.map((toolKey) => allTools.get(toolKey)!.id),
      count: result.keys.length + result.unknown,
      isComplete: result.isComplete && !hasServers,
    });
  }
  const byPosition = (a: { file: string; line: number }, b: { file: string; line: number }) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line);
  return { tools: [...allTools.values()].sort(byPosition), toolSets: toolSets.sort(byPosition) };
}

/** An exported value as a tool set entry: a list of tools as it is, anything else as a value. */
function asArg(value: ValueRef): ArgFact {
  return value.kind === 'array' || value.kind === 'object' ? value : { kind: 'value', value };
}

/**
 * The `tools` option of a call, also from a spread (`{ ...billingOptions, prompt }`); a spread that
 * cannot be followed gives an unknown value, so the set is recorded as incomplete.
 */
function toolsOption(options: ArgFact | undefined, file: string, resolver: ValueResolver): ArgFact | undefined {
  if (options?.kind !== 'object') return undefined;
  if (options.props.tools) return options.props.tools;
  for (const spread of options.spreads) {
    if (spread.kind !== 'value') return { kind: 'unknown' };
    const followed = resolver.followValue(spread.value, file);
    if (followed?.value.kind !== 'object') return { kind: 'unknown' };
    if (followed.value.props.tools) return followed.value.props.tools;
  }
  return undefined;
}

/** `server.setRequestHandler(ListToolsRequestSchema, handler)` on `new Server()`: a handler entry whose result lists tools. */
function toolListHandler(call: CallFact, catalog: ToolCatalog): ToolCatalog['handlers'][number] | undefined {
  if (call.isNew || call.callee.kind !== 'member' || call.callee.object.kind !== 'new') return undefined;
  const { name: method, object: owner } = call.callee;
  const request = call.args[0];
  if (request?.kind !== 'value') return undefined;
  return catalog.handlers.find(
    (entry) => entry.methods.includes(method) && isCatalogExport(entry, owner.callee) && isCatalogExport(entry.request, request.value),
  );
}

/** `model.bindTools(tools)` on an LLM client. */
function clientToolMethod(call: CallFact, file: string, catalog: ToolCatalog, resolver: ValueResolver): ToolCatalog['clientMethods'][number] | undefined {
  if (call.isNew || call.callee.kind !== 'member') return undefined;
  const method = catalog.clientMethods.find((entry) => entry.method === (call.callee as { name: string }).name);
  if (!method) return undefined;
  const resolved = resolver.resolve(call.callee, file);
  return resolved.kind === 'client-path' && resolved.path.at(-1) === method.method ? method : undefined;
}
