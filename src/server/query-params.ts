import * as z from 'zod';
import { FAMILIES } from '../store/rollup.js';

/** A request the page cannot answer as asked: 400 with the reason. */
export class BadRequestError extends Error {
  override readonly name = 'BadRequestError';
}

/** An id that names nothing stored: 404 with what was looked for. */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

const direction = z.enum(['asc', 'desc']);
const day = z.iso.date('expected a date as YYYY-MM-DD');
const name = z.string().min(1).max(300);

export const overviewQuery = z.strictObject({
  teamSort: z.enum(['name', 'debt', 'change', 'findings', 'tracedShare', 'evalCoverage', 'repositories']).default('debt'),
  teamDir: direction.default('desc'),
  repoSort: z.enum(['name', 'debt', 'change', 'findings', 'llmCalls', 'tracedShare', 'evalCoverage', 'lastDay']).default('debt'),
  repoDir: direction.default('desc'),
});
export type OverviewQuery = z.infer<typeof overviewQuery>;

export const findingsQuery = z.strictObject({
  rule: z.string().regex(/^[a-z0-9-]{1,100}$/, 'expected a rule id such as no-untraced-llm-call').optional(),
  family: z.enum(FAMILIES).optional(),
  severity: z.enum(['error', 'warning']).optional(),
  team: name.optional(),
  newSince: day.optional(),
  branch: z.string().max(300).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export type FindingsQuery = z.infer<typeof findingsQuery>;

export const badgeQuery = z.strictObject({ metric: z.enum(['debt', 'rating']).default('debt') });

export const scanId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** Parses query parameters; empty values count as absent (an unset filter of a GET form). */
export function parseQuery<Schema extends z.ZodType>(schema: Schema, query: Record<string, unknown>): z.infer<Schema> {
  const present = Object.fromEntries(Object.entries(query).filter(([, value]) => value !== ''));
  const result = schema.safeParse(present);
  if (!result.success) {
    const reasons = result.error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'query'}: ${issue.message.replace(/^Invalid (input|option): /, '')}`);
    throw new BadRequestError(`Invalid query parameters: ${reasons.join('; ')}`);
  }
  return result.data;
}
