import type * as z from 'zod';

/** A broken config or catalog: printed without a stack, exit code 2. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** `budgets.maxTools: expected a number, received string` — one line per issue. */
export function formatZodIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const path = issue.path.length > 0 ? issue.path.join('.') : '(root)';
      return `  ${path}: ${issue.message.replace(/^Invalid input: /, '')}`;
    })
    .join('\n');
}
