import * as z from 'zod';
import { promptCatalogSchema, sdkEntrySchema, toolCatalogSchema } from '../catalog/catalog-schema.js';

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
   * Test code: not production traffic, so its (mostly mocked) LLM calls are not inventoried. A
   * test that checks a real model's answers counts as an eval suite (read lexically, not parsed).
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
   * The company's own tool factories (`defineTool({ name, description })` of an internal package)
   * and what hands tool sets to a model, in the format of `rules/catalog/tools.yaml`. Modules are
   * package names, matched as imported.
   */
  tools: z
    .strictObject({ factories: toolCatalogSchema.shape.factories.default([]), holders: toolCatalogSchema.shape.holders.default([]) })
    .prefault({}),
  /**
   * The company's own prompt loaders: functions that read a prompt file (`loadPrompt('prompts/triage.md')`),
   * in the format of `files.readers` in `rules/catalog/prompts.yaml`. Modules are package names.
   */
  prompts: z.strictObject({ fileReaders: promptCatalogSchema.shape.files.shape.readers.default([]) }).prefault({}),
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
  /**
   * `genai-debt check`: metric budgets (absolute limits) and ratchets (no worse than the earlier
   * side). A broken one fails the check like a new error-level finding.
   */
  gate: z
    .strictObject({
      budgets: z
        .strictObject({
          /** The most tools one call or agent may be handed. */
          maxLargestToolSet: z.number().int().nonnegative().optional(),
          /** The most tokens one prompt may have. */
          maxLargestPromptTokens: z.number().int().nonnegative().optional(),
          /** The least share (0..1) of LLM calls an eval suite must reach. */
          minEvalCoverage: z.number().min(0).max(1).optional(),
          /** The least share (0..1) of LLM calls that must be traced. */
          minTracedShare: z.number().min(0).max(1).optional(),
        })
        .prefault({}),
      ratchets: z
        .strictObject({
          /** Eval coverage may not drop below the earlier side's. */
          evalCoverage: z.boolean().default(false),
          /** The traced share may not drop below the earlier side's. */
          tracedShare: z.boolean().default(false),
          /** No prompt may grow by more than this many percent (in tokens) over the earlier side. */
          maxPromptGrowthPercent: z.number().positive().optional(),
        })
        .prefault({}),
    })
    .prefault({}),
});

export type Config = z.infer<typeof configSchema>;
export type RuleSetting = z.infer<typeof ruleSettingSchema>;
export type GateSettings = Config['gate'];
