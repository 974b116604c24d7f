/**
 * Facts that the extractor records for one file. They are plain JSON data: no AST node,
 * no reference to the catalog. The extractor evaluates expressions symbolically inside the
 * file (imports, `new`, calls, member access, destructuring) and leaves the meaning of a
 * value (is this `OpenAI`? is that a tracing wrapper?) to the link stage, which reads the
 * catalog. Facts therefore stay valid when the catalog or the config change, and can be
 * cached by content hash.
 */

/** A symbolic value: what an expression evaluates to, as far as one file can tell. */
export type ValueRef =
  /** An import binding: `name` is an export name, `default` or `*` (namespace / require). */
  | { kind: 'import'; module: string; name: string }
  /** A global such as `fetch` or `process`. */
  | { kind: 'global'; name: string }
  /** `new callee(args)`; `at` is the expression's offset in the file, its identity. */
  | { kind: 'new'; callee: ValueRef; args: ArgFact[]; at: number }
  /** `callee(args)`: the value a call returns; `at` is the call's offset in the file. */
  | { kind: 'call'; callee: ValueRef; args: ArgFact[]; at: number }
  /** An object literal held in a variable (`const searchTools = { … }`). */
  | { kind: 'object'; props: Record<string, ArgFact>; spreads: ArgFact[]; line: number }
  /** An array literal held in a variable (`const crmTools = [ … ]`). */
  | { kind: 'array'; items: ArgFact[]; spreads: ArgFact[] }
  /** A string constant (`export const SUPPORT_PROMPT = \`…\``), so other modules can read prompts. */
  | { kind: 'text'; text: Extract<ArgFact, { kind: 'literal' | 'template' }> }
  /** `object.name`. */
  | { kind: 'member'; object: ValueRef; name: string }
  /** A value whose static type annotation names `type` (a parameter `client: OpenAI`). */
  | { kind: 'typed'; type: ValueRef }
  /** A function declared in this file (by name) or inline. */
  | { kind: 'function'; name: string }
  /** Nothing the extractor can follow. */
  | { kind: 'unknown' };

/** An argument or property value, kept only as deep as the link stage needs it. */
export type ArgFact =
  /** `name`: the constant it was read from (`SUPPORT_PROMPT`), when it came through one. */
  | { kind: 'literal'; value: string | number | boolean | null; name?: string }
  /**
   * A template literal or string concatenation: its static text, and the holes' source text;
   * `parts`: how many pieces a variable grew from with `+=` (absent: one).
   */
  | { kind: 'template'; text: string; holes: string[]; name?: string; parts?: number }
  /** An object literal; `spreads` are the `...x` parts, `line` where it starts. */
  | { kind: 'object'; props: Record<string, ArgFact>; spreads: ArgFact[]; line: number }
  | { kind: 'array'; items: ArgFact[]; spreads: ArgFact[] }
  /** `name`: the variable it was read from, when the argument is one (`system: SYSTEM_PROMPT`). */
  | { kind: 'value'; value: ValueRef; name?: string }
  /**
   * An inline function; `returns`: the object literal it returns, when its body is one (`() =>
   * ({ tools: [...] })`) or its first `return` at the top of its body returns one (an MCP server's
   * tool list handler).
   */
  | { kind: 'function'; name?: string; returns?: Extract<ArgFact, { kind: 'object' }> }
  | { kind: 'unknown' };

/** A function (or method) that encloses a call, innermost first in {@link CallFact.scopes}. */
export interface ScopeFact {
  /** `answerTicket`, `SupportBot.answer`, or `<anonymous>`. */
  name: string;
  /** Set when the function is itself an argument of a call: the callee (`traceable`, `tracer.startActiveSpan`). */
  passedTo?: ValueRef;
  /** Decorators on a method (`@observe()`), as the values they evaluate to. */
  decorators?: ValueRef[];
}

/** A call (or `new`) whose callee could be followed to an import or a well-known global. */
export interface CallFact {
  line: number;
  column: number;
  /** Offset in the file: matches the `at` of a call or new value that refers to this call. */
  at: number;
  /** Set for `new X(…)`: constructions are recorded for tools and agents, never as LLM calls. */
  isNew?: boolean;
  callee: ValueRef;
  args: ArgFact[];
  scopes: ScopeFact[];
  /** Text of the callee as written (`this.client.chat.completions.create`), for messages. */
  calleeText: string;
  /**
   * Hash of the call's syntax (node kinds, names and literal values; whitespace, comments, commas
   * and parentheses left out, string literals by value): tells two calls of one function apart and
   * survives reformatting.
   * Empty for `new X(…)`: constructions never reach a model, and hashing them is wasted work.
   */
  textHash: string;
  /** The variable the call's result is assigned to (`const getWeather = tool(…)`). */
  assignedTo?: string;
}

/** A function wrapped by name somewhere in the file: `export const run = traceable(runImpl)`. */
export interface WrappedFunctionFact {
  name: string;
  by: ValueRef;
  line: number;
}

/** A class that extends an imported class (a LangChain `StructuredTool` subclass). */
export interface ClassFact {
  name: string;
  line: number;
  extends: ValueRef;
  /** Property initializers (`name = 'calculator'`). */
  props: Record<string, ArgFact>;
}

export interface ExportFact {
  /**
   * The exported name (`default` for a default export); `Class#field` for a field of an exported
   * class that holds an imported value (`this.client = new OpenAI()`), which a subclass in another
   * module reads as `this.client`; `getClient()` for what an exported function returns, when that
   * leads to an import (`return new OpenAI()`), which a module that calls it gets.
   */
  name: string;
  value: ValueRef;
}

/** `export * from './x'` and `export { a as b } from './y'`. */
export interface ReExportFact {
  module: string;
  /** `*` for `export *`. */
  imported: string;
  exported: string;
}

/** A `// genai-debt-ignore-next-line <rule> -- reason` comment. */
export interface SuppressionFact {
  /** Line of the comment; it applies to the next line. */
  line: number;
  ruleIds: string[];
  reason?: string;
}

/**
 * What a test file shows without a parse (test files are read lexically: they are many, and only
 * a few call a real model). Comments and the bodies of template literals are left out; other
 * strings are not told apart from code.
 */
export interface TestFacts {
  /** Each import (`import … from`, `require`, `import()`) with the names it takes: `default`, `*` for a namespace or for what `require`/`import()` return, none for a bare `import '…'`. */
  imports: { module: string; names: string[] }[];
  /** Modules replaced by the test runner: `vi.mock('openai')`, `jest.mock('../llm')`, `mock.module(…)`. */
  mockedModules: string[];
  /** Whether it has test cases or groups: calls of `test`, `it`, `describe`, `suite` (`it.each(…)`, `describe.skipIf(…)` too). */
  hasCases: boolean;
  /** Whether it calls `expect` or `assert` (`expect(answer).toContain(…)`, `assert.equal(…)`). */
  hasAssertions: boolean;
  /** Environment variables read (not assigned): `process.env.OPENAI_API_KEY`, `import.meta.env.X`. */
  envReads: string[];
}

export interface FileFacts {
  path: string;
  language: 'typescript' | 'javascript' | 'env' | 'promptfoo' | 'test';
  /** Every module specifier imported, required or re-exported (used to follow imports). */
  moduleSpecifiers: string[];
  calls: CallFact[];
  classes: ClassFact[];
  exports: ExportFact[];
  reExports: ReExportFact[];
  wrappedFunctions: WrappedFunctionFact[];
  suppressions: SuppressionFact[];
  /** Environment variables set in a `.env`-style file (only for language `env`). */
  env?: Record<string, string>;
  /**
   * The files a promptfoo config references with `file://` (prompts, providers, tests), as
   * written, relative to the config's folder, without a `:function` suffix (only for language
   * `promptfoo`).
   */
  promptfoo?: {
    references: string[];
    /** References under a `tools` key (`tools: file://./tools/support-tools.ts`), with the line they are written on: modules whose exported tools the config hands to a model. */
    toolFiles?: { path: string; line: number }[];
  };
  /** What a test file (one of the config's `testFiles`) that may test a model shows (only for language `test`). */
  test?: TestFacts;
  /** Set when the parser reported syntax errors; facts are still best effort. */
  parseErrors?: { line: number; message: string }[];
}
