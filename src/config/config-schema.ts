import { z } from 'zod';
import { sdkEntrySchema } from '../catalog/catalog-schema.js';

export const severitySettingSchema = z.enum(['error', 'warning', 'off']);

/** A rule's setting: a severity, or `[severity, options]` as in ESLint. */
export const ruleSettingSchema = z.union([severitySettingSchema, z.tuple([severitySettingSchema, z.record(z.string(), z.unknown())])], {
  error: 'expected "error", "warning", "off", or [severity, { options }]',
});

/**
 * `genai-debt.config.yaml` (or `.json`). Unknown keys are errors so typos do not pass silently.
 */
export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  /** Rule id to severity, or to `[severity, options]`. */
  rules: z.record(z.string(), ruleSettingSchema).default({}),
  /** Extra globs (relative to the scanned root) to leave out of the scan. */
  ignores: z.array(z.string().min(1)).default([]),
  /**
   * Test code: not production traffic, so its (mostly mocked) LLM calls are not inventoried.
   * Set to `[]` to scan tests like any other code.
   */
  testFiles: z
    .array(z.string().min(1))
    .default(['**/*.{test,spec}.{ts,tsx,mts,cts,js,jsx,mjs,cjs}', '**/{test,tests,__tests__,__mocks__,e2e}/**']),
  /** Files larger than this many bytes are skipped with a diagnostic. */
  maxFileSize: z.number().int().positive().default(1_000_000),
  /** Stop discovering after this many files. */
  maxFiles: z.number().int().positive().default(100_000),
  /** The company's own LLM wrappers, in the catalog's SDK format; `modules` may be repository paths. */
  sdks: z.array(sdkEntrySchema).default([]),
  /**
   * Owner teams of findings and metrics. Precedence: the first glob of `paths` that matches the
   * file (picomatch, relative to the scanned root, in the order written), then `default`, then
   * the repository's CODEOWNERS (first owner of the last matching rule), else `(unowned)`.
   */
  teams: z
    .strictObject({
      /** Team of every file no glob in `paths` matches; when set, CODEOWNERS is not consulted. */
      default: z.string().min(1).optional(),
      /** Glob to team, e.g. `{ "src/payments/**": "payments" }`; the first matching glob wins. */
      paths: z.record(z.string().min(1), z.string().min(1)).default({}),
    })
    .optional(),
});

export type Config = z.infer<typeof configSchema>;
export type RuleSetting = z.infer<typeof ruleSettingSchema>;
