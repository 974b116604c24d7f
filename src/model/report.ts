import type { EvalSuite, LlmCall, Prompt, ToolDef, ToolSet, TracingSetup } from './repo-model.js';

export type Severity = 'error' | 'warning';

export type RuleCategory = 'tracing' | 'tool-sprawl' | 'prompts' | 'evals' | 'hygiene';

/** One piece of debt found by a rule. */
export interface Finding {
  ruleId: string;
  category: RuleCategory;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
  /**
   * Stable identity that survives line moves: a hash of rule id, path, a rule-specific anchor
   * (enclosing function and callee for a call) and the occurrence index of that anchor.
   */
  fingerprint: string;
  /**
   * {@link fingerprint} with the rule's content discriminator (for a call, a hash of its syntax),
   * matched first: of two findings with one anchor, fixing one and adding another reports the added one.
   */
  contentFingerprint: string;
  /**
   * The same identity without the path: rule id, anchor and occurrence index. When a file is
   * renamed or a function moves to another file, this is what still matches.
   */
  anchorFingerprint: string;
  effortMinutes: number;
  /**
   * The team that owns the file: config `teams` globs, else the config default team, else
   * CODEOWNERS (last matching pattern), else `(unowned)`. Set by the scan, after the rules ran.
   */
  team?: string;
}

export type DiagnosticCode =
  | 'file-too-large'
  | 'binary-file'
  | 'non-utf8'
  | 'symlink-outside-root'
  | 'unreadable'
  | 'parse-error'
  | 'too-many-files'
  | 'unused-suppression'
  | 'extractor-crash'
  | 'rule-crash'
  | 'generated-or-minified'
  | 'symlink-loop';

/** Something the scan could not do or wants the user to know; never debt itself. */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: 'warning' | 'info';
  message: string;
  file?: string;
  line?: number;
}

export interface Metrics {
  filesScanned: number;
  /** Every call that reaches a model, embeddings included; the tracing counts add up to it. */
  llmCalls: number;
  /** The embedding calls among {@link llmCalls}. */
  embeddingCalls: number;
  tracedCalls: number;
  untracedCalls: number;
  unknownTracingCalls: number;
  /** Traced share of all LLM calls (0..1); null when there are none. */
  tracedShare: number | null;
  /** Tool declarations found. */
  tools: number;
  /** The most tools handed to one call or agent (a lower bound when that set is incomplete). */
  largestToolSet: number;
  /** Tool declarations whose name is also declared in another file. */
  duplicateTools: number;
  prompts: number;
  /** Tokens of all prompts together (o200k). */
  totalPromptTokens: number;
  largestPromptTokens: number;
  evalSuites: number;
  /** Share of LLM calls (0..1) in files an eval suite reaches; null when there are none. */
  evalCoverage: number | null;
  findings: { error: number; warning: number };
  findingsByCategory: Record<RuleCategory, number>;
  debtMinutes: number;
}

/** Counts for the part of a repository one team owns. */
export interface TeamMetrics {
  llmCalls: number;
  tracedCalls: number;
  untracedCalls: number;
  /** LLM calls in files an eval suite reaches. */
  evalCoveredCalls: number;
  tools: number;
  largestToolSet: number;
  prompts: number;
  totalPromptTokens: number;
  largestPromptTokens: number;
  findings: { error: number; warning: number };
  debtMinutes: number;
}

/** Metadata of a rule as reporters and the `rules` command need it. */
export interface RuleMeta {
  id: string;
  category: RuleCategory;
  defaultSeverity: Severity;
  description: string;
  rationale: string;
  effortMinutes: number;
  helpUri: string;
}

/** The result of one scan: the JSON output, and what every reporter renders. */
export interface ScanReport {
  tool: { name: 'genai-debt'; version: string };
  /** The scanned root as given on the command line. */
  root: string;
  scannedAt: string;
  inventory: { llmCalls: LlmCall[]; tracingSetups: TracingSetup[]; tools: ToolDef[]; toolSets: ToolSet[]; prompts: Prompt[]; evals: EvalSuite[] };
  findings: Finding[];
  metrics: Metrics;
  /** The owner team of every file that has inventory or findings (see {@link Finding.team}). */
  owners: Record<string, string>;
  /** {@link Metrics} by owner team (see {@link Finding.team}). */
  teamMetrics: Record<string, TeamMetrics>;
  diagnostics: Diagnostic[];
  /** The rules that ran, with their effective severity. */
  rules: (RuleMeta & { severity: Severity })[];
}
