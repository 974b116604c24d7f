/** The repository model: what the link stage builds from all files' facts, and what rules read. */

export type TracingVerdict = 'traced' | 'untraced' | 'unknown';

export type TracingMechanism =
  | 'wrapper'
  | 'enclosing-span'
  | 'per-call-telemetry'
  | 'callback'
  | 'global-instrumentation'
  | 'gateway'
  | 'framework-default'
  | 'config-wrapper'
  | 'disabled'
  | 'unresolved-client';

/** Why a call got its tracing verdict. */
export interface TracingEvidence {
  mechanism: TracingMechanism;
  /** Human readable: `wrapped by langsmith wrapOpenAI`, `inside traceable()`. */
  detail: string;
  file?: string;
  line?: number;
}

export type LlmCallKind = 'generation' | 'embedding';

/** One call that sends a request to a model. */
export interface LlmCall {
  file: string;
  line: number;
  column: number;
  /** Catalog entry id (`openai`, `vercel-ai`, …), the id of a config `sdks:` entry, or `http`. */
  sdk: string;
  provider: string;
  /** Canonical API name: `openai.chat.completions.create`, `ai.streamText`, `langchain.invoke`. */
  api: string;
  kind: LlmCallKind;
  /** The model id when it is a literal in the call or in the client it is made on. */
  model?: string;
  /** Option names passed in the call (`model`, `max_tokens`, `tools`, …). */
  options: string[];
  /** Innermost named enclosing function (`SupportBot.answer`), if any. */
  enclosingFunction?: string;
  /** The callee as written, for messages. */
  callee: string;
  tracing: { verdict: TracingVerdict; evidence: TracingEvidence[] };
}

/** Process-wide tracing found in code or config files. */
export interface TracingSetup {
  file: string;
  line?: number;
  mechanism: 'global-instrumentation' | 'framework-default' | 'disabled';
  /** Catalog tracing entry id. */
  id: string;
  detail: string;
  /** SDK ids the setup traces (`*` for all). */
  covers: string[];
  /**
   * The folder whose files it applies to: the folder of the file it was found in, `''` for the
   * whole repository. A monorepo's examples each run as their own process, so a setup in one
   * does not speak for the others.
   */
  appliesTo: string;
}

export interface RepoModel {
  files: string[];
  llmCalls: LlmCall[];
  tracingSetups: TracingSetup[];
}
