import * as z from 'zod';

const kind = z.enum(['generation', 'embedding']);

/** A method reachable on a client: `chat.completions.create`, or `send` with Bedrock command objects. */
const clientCall = z.strictObject({
  /** Member path on the client, dot separated. */
  path: z.string().min(1),
  /** Canonical API name for reports. Omit when the call only returns another client. */
  api: z.string().min(1).optional(),
  kind: kind.default('generation'),
  /** The call returns a client of this id (`self` for the same client: `bindTools`, `withConfig`). */
  returns: z.string().min(1).optional(),
  /** The call is an LLM call only when its first argument is `new <Command>()` of one of these exports. */
  commands: z.record(z.string(), z.strictObject({ api: z.string().min(1), kind: kind.default('generation') })).optional(),
});

const client = z.strictObject({
  id: z.string().min(1),
  /**
   * Exports of the SDK's modules that make this client: classes (`new`), factories (`call`), or
   * ready instances (`value`). `Class.method` names a static factory of an exported class
   * (`RetrievalQAChain.fromLLM`, with `create: call`).
   */
  exports: z.array(z.string().min(1)).default([]),
  create: z.enum(['new', 'call', 'value']).default('new'),
  calls: z.array(clientCall).default([]),
});

const sdkFunction = z.strictObject({
  export: z.string().min(1),
  api: z.string().min(1),
  kind: kind.default('generation'),
});

/** One SDK (or a company's own wrapper): which modules it lives in and which calls reach a model. */
export const sdkEntrySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-:]*$/, 'expected a lowercase id such as "openai"'),
  provider: z.string().min(1),
  /** npm package names (and subpaths) or, in a config, repository paths such as `src/lib/llm.ts`. */
  modules: z.array(z.string().min(1)).min(1),
  clients: z.array(client).default([]),
  functions: z.array(sdkFunction).default([]),
  /**
   * Methods such as LangChain's `pipe`: `anything.pipe(client)` yields that client; so does a list
   * with a client in it (`RunnableSequence.from([prompt, model])`). `Owner.method` names a method of
   * one owner only.
   */
  composers: z.array(z.string().min(1)).default([]),
  /** Option path that turns tracing on per call, e.g. `experimental_telemetry.isEnabled`. */
  telemetryOption: z.string().min(1).optional(),
  /** Set when every call of this SDK is traced unless tracing is disabled (gateways, the Agents SDK). */
  tracedByDefault: z
    .strictObject({
      mechanism: z.enum(['gateway', 'framework-default', 'config-wrapper']),
      detail: z.string().min(1),
      /** Option (in the call or the client's constructor) that switches it off when true: `tracingDisabled`. */
      disabledByOption: z.string().min(1).optional(),
    })
    .optional(),
});

const tracingRef = z.strictObject({
  module: z.string().min(1),
  /** Export names; a dotted path after the export matches members (`trace`), `*` matches any export. */
  exports: z.array(z.string().min(1)).min(1),
});

/** Tracing libraries: how each one marks a call as traced. */
export const tracingCatalogSchema = z.strictObject({
  /** `wrap(client)` returns a traced client or namespace. */
  wrappers: z.array(tracingRef.extend({ id: z.string().min(1), detail: z.string().min(1) })).default([]),
  /** `scope(..., fn)` or `@scope()`: calls inside `fn` are traced. Method names match members of the module's values. */
  scopes: z.array(
    tracingRef.extend({
      id: z.string().min(1),
      detail: z.string().min(1),
      /** Method names on values from the module (`startActiveSpan` on a tracer). */
      methods: z.array(z.string().min(1)).default([]),
    }),
  ).default([]),
  /** `new Handler()` in a call's `callbacks` option traces that call (LangChain callbacks). */
  callbacks: z.array(tracingRef.extend({ id: z.string().min(1), detail: z.string().min(1) })).default([]),
  /** Process-wide setups found anywhere in code: `initialize()`, `new OpenAIInstrumentation()`. */
  setups: z.array(
    tracingRef.extend({
      id: z.string().min(1),
      detail: z.string().min(1),
      /** SDK ids the setup instruments; empty for an exporter that only ships spans others make. */
      covers: z.array(z.string().min(1)).default([]),
      /** `disabled` setups switch tracing off for the SDKs they cover. */
      effect: z.enum(['traces', 'disables']).default('traces'),
      /** When set, the setup only counts if the first argument is this literal (`setTracingDisabled(true)`). */
      whenFirstArgument: z.union([z.string(), z.number(), z.boolean()]).optional(),
    }),
  ).default([]),
  /** Environment switches read from `.env` files. */
  env: z.array(
    z.strictObject({
      id: z.string().min(1),
      variable: z.string().min(1),
      /** Values (case-insensitive) that switch the effect on. */
      values: z.array(z.string()).min(1),
      covers: z.array(z.string().min(1)).min(1),
      effect: z.enum(['traces', 'disables']),
      detail: z.string().min(1),
    }),
  ).default([]),
  /** Observability gateways recognised in a client's base URL. */
  gateways: z.array(
    z.strictObject({
      id: z.string().min(1),
      detail: z.string().min(1),
      hosts: z.array(z.string().min(1)).default([]),
      /** Exported constants that hold the gateway URL (`PORTKEY_GATEWAY_URL`). */
      constants: z.array(tracingRef).default([]),
      /** Header names that route through the gateway (`Helicone-Auth`). */
      headers: z.array(z.string().min(1)).default([]),
    }),
  ).default([]),
});

/** A well-known LLM HTTP endpoint reached with `fetch` or axios. */
export const httpEndpointSchema = z.strictObject({
  host: z.string().min(1),
  /** Path prefix, e.g. `/v1/chat/completions`; empty matches any path. */
  path: z.string().default(''),
  api: z.string().min(1),
  provider: z.string().min(1),
  kind: kind.default('generation'),
});

export const httpCatalogSchema = z.strictObject({
  /**
   * Functions that send HTTP requests: globals (`fetch`) and module exports (`axios`), called as
   * they are or through one of `methods`, a member path of the export (`post`, `cache.fetchWithCache`).
   */
  clients: z.array(z.strictObject({ module: z.string().min(1), exports: z.array(z.string()).min(1), methods: z.array(z.string()).default([]) })),
  endpoints: z.array(httpEndpointSchema),
});

/** An argument path: `0.name` is the `name` property of the first argument, `1` the second argument. */
const argumentPath = z.string().regex(/^\d+(\.[A-Za-z_$][\w$]*)*$/, 'expected an argument path such as "0.name"');

/** How SDKs declare tools and hand them to a model. */
export const toolCatalogSchema = z.strictObject({
  /** Calls (or `new`) that declare one tool. */
  factories: z.array(
    z.strictObject({
      id: z.string().min(1),
      module: z.string().min(1),
      exports: z.array(z.string().min(1)).min(1),
      construct: z.enum(['call', 'new']).default('call'),
      /** Where the tool's name is; absent: the key of the `tools: { … }` object it is listed under. */
      name: argumentPath.optional(),
      description: argumentPath,
    }),
  ),
  /** Methods that declare a tool on an instance of a module's export (`server.tool(…)` on `new McpServer()`). */
  methods: z.array(
    z.strictObject({
      id: z.string().min(1),
      module: z.string().min(1),
      exports: z.array(z.string().min(1)).min(1),
      methods: z.array(z.string().min(1)).min(1),
      name: argumentPath,
      description: argumentPath,
      kind: z.enum(['mcp', 'agent-as-tool']),
    }),
  ),
  /**
   * Request handlers whose result lists the tools a server offers: `server.setRequestHandler(
   * ListToolsRequestSchema, () => ({ tools: [...] }))` on `new Server()` (MCP's low-level server).
   * The handler is the second argument; `tools` is the key of the object it returns.
   */
  handlers: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        module: z.string().min(1),
        exports: z.array(z.string().min(1)).min(1),
        methods: z.array(z.string().min(1)).min(1),
        /** The first argument: the request the handler answers. */
        request: z.strictObject({ module: z.string().min(1), exports: z.array(z.string().min(1)).min(1) }),
        tools: z.string().min(1),
      }),
    )
    .default([]),
  /** Base classes whose subclasses are tools, named by `name` and `description` properties. */
  classes: z.array(z.strictObject({ id: z.string().min(1), module: z.string().min(1), exports: z.array(z.string().min(1)).min(1) })),
  /**
   * Constructors and factories that receive a tool set (agents); `Class.method` in `exports` is a
   * static factory (`AgentExecutor.fromAgentAndTools`). LLM calls' `tools` option always counts.
   */
  holders: z.array(
    z.strictObject({
      id: z.string().min(1),
      module: z.string().min(1),
      exports: z.array(z.string().min(1)).min(1),
      construct: z.enum(['call', 'new']).default('call'),
      tools: argumentPath,
      name: argumentPath.optional(),
      /** MCP servers attached (`0.mcpServers`): their tools are known only at run time, so a set with any is incomplete. */
      servers: argumentPath.optional(),
    }),
  ),
  /** Methods on LLM clients that take a tool set (`model.bindTools(tools)`). */
  clientMethods: z.array(z.strictObject({ id: z.string().min(1), method: z.string().min(1), tools: argumentPath })),
});

/** Where prompt texts are found. */
export const promptCatalogSchema = z.strictObject({
  /** Options of LLM calls and tool holders that hold a prompt (`system`, `instructions`). */
  options: z.array(
    z.strictObject({
      key: z.string().min(1),
      role: z.enum(['system', 'developer', 'instructions']),
      /** Only for these holders (tool-catalog holder ids); all LLM calls and holders when absent. */
      holders: z.array(z.string().min(1)).optional(),
    }),
  ),
  /** Message arrays (`messages: [{ role: 'system', content }]`) and the roles whose content is a prompt. */
  messages: z.strictObject({ keys: z.array(z.string().min(1)), roles: z.array(z.enum(['system', 'developer'])) }),
  /** Template factories: `ChatPromptTemplate.fromMessages([['system', '…']])`, `new SystemMessage('…')`. */
  templates: z.array(
    z.strictObject({
      module: z.string().min(1),
      exports: z.array(z.string().min(1)).min(1),
      /** A static method of the export (`fromTemplate`); absent: the export itself is called or constructed. */
      method: z.string().min(1).optional(),
      construct: z.enum(['call', 'new']).default('call'),
      argument: z.string().regex(/^\d+$/),
      /** `tuples`: an array of `[role, text]` pairs; `text`: the argument is the text. */
      shape: z.enum(['text', 'tuples']).default('text'),
      /** The role of a `text` prompt: `template` for a template with variables, `system` for a system message. */
      role: z.enum(['template', 'system']).default('template'),
    }),
  ),
  /**
   * Prompt files read at run time: `readFileSync(join(__dirname, 'prompts/triage.md'), 'utf8')`
   * where a prompt goes. `readers` read a file (a path or a `new URL(…, import.meta.url)`), `paths`
   * join path segments, `fileUrls` turn a file URL into a path, and only files with one of
   * `extensions` count.
   */
  files: z.strictObject({
    readers: z.array(z.strictObject({ module: z.string().min(1), exports: z.array(z.string().min(1)).min(1) })),
    paths: z.array(z.strictObject({ module: z.string().min(1), exports: z.array(z.string().min(1)).min(1) })),
    /** Functions that turn a file URL into a path (`fileURLToPath(new URL('./x.md', import.meta.url))`). */
    fileUrls: z.array(z.strictObject({ module: z.string().min(1), exports: z.array(z.string().min(1)).min(1) })),
    extensions: z.array(z.string().regex(/^\.[\w-]+$/, 'expected an extension such as ".md"')).min(1),
  }),
});

/**
 * Eval frameworks: a file importing one of their modules (with one of `exports`, when given) is an
 * eval suite, and so is a file that calls one of `clientCalls` on a client of an SDK (OpenAI's
 * evals API: `client.evals.create(…)`).
 */
export const evalCatalogSchema = z.strictObject({
  frameworks: z.array(
    z
      .strictObject({
        id: z.string().min(1),
        /** Package names as imported; `prefix/*` covers every module under the prefix (`@mastra/evals/scorers/llm`). */
        modules: z.array(z.string().min(1)).default([]),
        exports: z.array(z.string().min(1)).optional(),
        clientCalls: z.strictObject({ sdk: z.string().min(1), paths: z.array(z.string().min(1)).min(1) }).optional(),
      })
      .refine((framework) => framework.modules.length > 0 || framework.clientCalls !== undefined, 'expected modules or clientCalls'),
  ),
  /**
   * Tests (files the config's `testFiles` match) that call a real model and check the answer are
   * eval suites; tests with a mocked model are not. Globs are picomatch globs.
   */
  modelTests: z.strictObject({
    /** Test files named as tests against live services (`*.int.test.ts`): they call the real model. */
    liveNames: z.array(z.string().min(1)),
    /** Environment variables whose read means a real provider (`OPENAI_API_KEY`, `*_API_KEY`). */
    keyVariables: z.array(z.string().min(1)),
    /** Modules besides the SDKs that provide models (`@ai-sdk/openai`): a module mock of one fakes the model. */
    providerModules: z.array(z.string().min(1)),
    /** Modules whose import means the model or its HTTP traffic is faked (`ai/test`, `msw`, `nock`). */
    mockModules: z.array(z.string().min(1)),
    /** Imported names that mean a fake model or client, from any module (`FakeListChatModel`, `MockLanguageModelV2`, a local `FakeModel`). */
    mockNames: z.array(z.string().min(1)),
    /** Test runners: names imported from them (vitest's `Mock` type) are the runner's own, not fakes. */
    runners: z.array(z.string().min(1)),
  }),
});

export type SdkEntry = z.infer<typeof sdkEntrySchema>;
export type EvalCatalog = z.infer<typeof evalCatalogSchema>;
export type PromptCatalog = z.infer<typeof promptCatalogSchema>;
export type ToolCatalog = z.infer<typeof toolCatalogSchema>;
export type SdkClient = SdkEntry['clients'][number];
export type TracingCatalog = z.infer<typeof tracingCatalogSchema>;
export type HttpCatalog = z.infer<typeof httpCatalogSchema>;

/** Everything the link stage knows about SDKs and tracing, loaded from `rules/catalog/` plus config. */
export interface Catalog {
  sdks: SdkEntry[];
  tracing: TracingCatalog;
  http: HttpCatalog;
  tools: ToolCatalog;
  prompts: PromptCatalog;
  evals: EvalCatalog;
}
