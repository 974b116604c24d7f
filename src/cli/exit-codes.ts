/** Process exit codes, as ESLint uses them. */
export const ExitCode = {
  /** No findings at the failing level. */
  ok: 0,
  /** Findings at the failing level (error severity). */
  findings: 1,
  /** Usage, config or scan error: always wins over findings. */
  error: 2,
} as const;
