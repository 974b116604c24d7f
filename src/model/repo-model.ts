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
  /** The model id when it is a literal in the call or in the client it is made on, or in a client made in the same file and handed over (`run(agent)`, a chain's `llm`). */
  model?: string;
  /** Option names passed in the call (`model`, `max_tokens`, `tools`, …). */
  options: string[];
  /** Innermost named enclosing function (`SupportBot.answer`), if any. */
  enclosingFunction?: string;
  /** The callee as written, for messages. */
  callee: string;
  /** Hash of the call's syntax (see `CallFact.textHash`): which of several like calls it is. */
  textHash: string;
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

/** One tool offered (or meant to be offered) to a model. */
export interface ToolDef {
  file: string;
  line: number;
  /** The name the model sees; undefined when it is not a literal. */
  name?: string;
  /** The variable holding the tool (`const getWeather = tool(…)`), for messages and identity. */
  variable?: string;
  /** The description the model sees, when it is a literal (templates keep their static text). */
  description?: string;
  /** Characters of the description; 0 when missing or not literal. */
  descriptionLength: number;
  /** Whether a description is written as a literal, as an expression the scan cannot read, or not at all. */
  descriptionSource: 'literal' | 'expression' | 'none';
  /** Tool catalog entry id: `ai-sdk`, `openai-agents`, `langchain`, `mcp`, `openai-function`, … */
  sdk: string;
  /** How it is declared: a factory call, a class, an MCP server method or tool list, a JSON shape, an agent as tool. */
  kind: 'factory' | 'class' | 'mcp' | 'literal' | 'agent-as-tool';
  /** Fingerprint-stable identity: `file#name`, else `file#variable`, else `file:line`. */
  id: string;
}

/** The tools handed to one model call, agent or `bindTools`. */
export interface ToolSet {
  file: string;
  line: number;
  /** What receives the tools: `ai.generateText`, `openai-agents.Agent`, `langchain.bindTools`, `promptfoo.tools` (a promptfoo config), … */
  holder: string;
  enclosingFunction?: string;
  /** The agent's `name` when the holder is an agent with a literal name. */
  agentName?: string;
  /** Ids of the tools ({@link ToolDef.id}) that could be resolved. */
  toolIds: string[];
  /** Tools counted: resolved ones plus entries that could not be followed to a definition. */
  count: number;
  /** False when a spread, a call or an import could not be followed: `count` is then a lower bound. */
  isComplete: boolean;
}

/** A prompt text sent to a model: a system prompt, agent instructions or a prompt template. */
export interface Prompt {
  file: string;
  /** Line of the call or constructor the prompt is sent with or built by. */
  line: number;
  /** The constant or variable that holds it (`SUPPORT_PROMPT`), when there is one. */
  name?: string;
  /** The file where its text is written (another module when the constant is imported). */
  definedIn: string;
  role: 'system' | 'developer' | 'instructions' | 'template';
  /** Where it goes: an LLM call's api, an agent holder (`openai-agents.Agent`), or a template factory. */
  usedBy: string;
  enclosingFunction?: string;
  /** sha256 (first 16 hex digits) of the whitespace-normalised text: equal texts, equal hashes. */
  textHash: string;
  characters: number;
  /** Tokens of the static text with an o200k BPE tokenizer (template holes excluded). */
  tokens: number;
  /** Markdown headings plus distinct XML-style tags: the separate topics the prompt covers. */
  sections: number;
  /** Numbered rules (`1. …`, `2) …`). */
  numberedRules: number;
  /** Template holes (`${ticket}`, `{question}`). */
  variables: string[];
  /** Parts it is assembled from (`[a, b, c].join('\n')`): 1 for a single text. */
  parts: number;
  /** Identity without the line: file, role, name or holder. */
  id: string;
}

/** A file that evaluates LLM output with an eval framework. */
export interface EvalSuite {
  file: string;
  /** Eval catalog id: `evalite`, `braintrust`, `langsmith`, `autoevals`, … (`promptfoo` for a promptfoo config, `model-test` for a test that checks a real model's answers). */
  framework: string;
  /** Files with LLM calls that the suite reaches through its imports (directly or transitively), or for a promptfoo config through the files it references. */
  reaches: string[];
}

/** One stored size of a prompt, from an earlier scan of the same repository and branch. */
export interface PromptSizeSample {
  /** When that scan's commit was made (ISO 8601). */
  at: string;
  tokens: number;
}

/**
 * What earlier stored scans knew, for rules that compare with the past (`max-prompt-growth`).
 * Absent when the scan is not compared with a history.
 */
export interface RepoHistory {
  /** The time of the current scan's commit (or of the scan, for a work tree): "now" for time windows. */
  at: string;
  /** Earlier sizes by {@link Prompt.id}, oldest first. */
  prompts: Record<string, PromptSizeSample[]>;
}

export interface RepoModel {
  files: string[];
  llmCalls: LlmCall[];
  tracingSetups: TracingSetup[];
  tools: ToolDef[];
  toolSets: ToolSet[];
  prompts: Prompt[];
  evals: EvalSuite[];
  history?: RepoHistory;
}
