import type * as z from 'zod';
import type { RepoHistory, RepoModel } from '../model/repo-model.js';
import type { RuleCategory, Severity } from '../model/report.js';

/** Example code: one file's text (it becomes `src/example.ts`), or several files by path. */
export type ExampleCode = string | Record<string, string>;

/** Example code scanned against sizes stored by earlier scans, for rules that compare with the past. */
export interface ExampleWithHistory {
  code: ExampleCode;
  history: RepoHistory;
}

/** A code example: its code alone, or its code with a stored history. */
export type RuleExample = ExampleCode | ExampleWithHistory;

/** Whether the example carries a stored history (a file path never maps to an object, so `history` tells them apart). */
export function hasHistory(example: RuleExample): example is ExampleWithHistory {
  return typeof example === 'object' && typeof example.history === 'object';
}

/** What a rule reports; the engine adds severity, fingerprint and effort. */
export interface ReportDescriptor<MessageId extends string> {
  messageId: MessageId;
  data?: Record<string, string | number>;
  file: string;
  line: number;
  column?: number;
  /** Identity inside the file that survives line moves: enclosing function and API, say. */
  anchor: string;
  /**
   * Tells apart findings with the same anchor (the call's syntax hash, say), so fixing one and
   * adding another in the same function reports the added one. Matched first, then the anchor alone.
   */
  content?: string;
  /** Overrides the configured severity (a limit with a warning and an error threshold). */
  severity?: Severity;
}

export interface RuleContext<Options, MessageId extends string> {
  model: RepoModel;
  options: Options;
  report(descriptor: ReportDescriptor<MessageId>): void;
}

export interface RuleDefinition<Options extends object, MessageId extends string> {
  id: string;
  category: RuleCategory;
  defaultSeverity: Severity;
  /** One sentence: starts with Disallow / Require / Limit / Enforce, ends with a period. */
  description: string;
  rationale: string;
  effortMinutes: number;
  options: z.ZodType<Options>;
  defaultOptions: Options;
  messages: Record<MessageId, string>;
  /** Executable documentation: each invalid example yields exactly one finding, each valid one none. */
  examples: { invalid: RuleExample[]; valid: RuleExample[] };
  check(context: RuleContext<Options, MessageId>): void;
}

/** A rule with its option and message types erased, as the engine holds it. */
export type AnyRule = RuleDefinition<object, string>;

/** Declares a rule: metadata plus one pure function over the repository model. */
export function defineRule<Options extends object, MessageId extends string>(
  rule: RuleDefinition<Options, MessageId>,
): RuleDefinition<Options, MessageId> {
  return rule;
}
