/** One row of a trend: a stored scan with its counts, for the whole repository or one team. */
export interface TrendPoint {
  scanId: number;
  commit?: string;
  branch?: string;
  /** Commit time (or scan time outside git). */
  at: string;
  findings: number;
  errors: number;
  warnings: number;
  debtMinutes: number;
  llmCalls: number;
  tracedCalls: number;
  /** Traced share 0..1, null without LLM calls. */
  tracedShare: number | null;
  /** Eval coverage share 0..1, null without LLM calls. */
  evalCoverage: number | null;
  tools: number;
  largestToolSet: number;
  largestPromptTokens: number;
  /** Findings not in the previous scan of the branch. */
  added: number;
  /** Findings of the previous scan that are gone. */
  fixed: number;
}
