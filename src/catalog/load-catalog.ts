import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import { PACKAGE_ROOT } from '../package-root.js';
import { ConfigError, formatZodIssues } from '../config/config-error.js';
import { type Catalog, evalCatalogSchema, httpCatalogSchema, promptCatalogSchema, sdkEntrySchema, toolCatalogSchema, tracingCatalogSchema } from './catalog-schema.js';

const CATALOG_DIR = join(PACKAGE_ROOT, 'rules', 'catalog');

function parseFile<T extends z.ZodType>(path: string, schema: T): z.infer<T> {
  const result = schema.safeParse(parse(readFileSync(path, 'utf8')));
  if (!result.success) throw new ConfigError(`Invalid catalog file ${path}:\n${formatZodIssues(result.error.issues)}`);
  return result.data;
}

let builtIn: Catalog | undefined;

/** Loads the SDK, tracing and HTTP catalog shipped with genai-debt (once per process). */
export function loadBuiltInCatalog(): Catalog {
  if (builtIn) return builtIn;
  const sdkDir = join(CATALOG_DIR, 'sdks');
  const sdks = readdirSync(sdkDir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => parseFile(join(sdkDir, name), sdkEntrySchema));
  builtIn = {
    sdks,
    tracing: parseFile(join(CATALOG_DIR, 'tracing.yaml'), tracingCatalogSchema),
    http: parseFile(join(CATALOG_DIR, 'http.yaml'), httpCatalogSchema),
    tools: parseFile(join(CATALOG_DIR, 'tools.yaml'), toolCatalogSchema),
    prompts: parseFile(join(CATALOG_DIR, 'prompts.yaml'), promptCatalogSchema),
    evals: parseFile(join(CATALOG_DIR, 'evals.yaml'), evalCatalogSchema),
  };
  return builtIn;
}
