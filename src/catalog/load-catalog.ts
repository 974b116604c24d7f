import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type * as z from 'zod';
import { PACKAGE_ROOT } from '../package-root.js';
import { ConfigError, formatZodIssues } from '../config/config-error.js';
import { parseYaml } from '../config/parse-yaml.js';
import { type Catalog, evalCatalogSchema, httpCatalogSchema, promptCatalogSchema, sdkEntrySchema, toolCatalogSchema, tracingCatalogSchema } from './catalog-schema.js';

const CATALOG_DIR = join(PACKAGE_ROOT, 'rules', 'catalog');
/** Written by `npm run build` (see {@link writeCompiledCatalog}); shipped in the package with `dist`. */
export const COMPILED_CATALOG = join(PACKAGE_ROOT, 'dist', 'catalog.json');

/** The catalog's YAML files, by path relative to `rules/catalog`, in a fixed order. */
function readSources(): Map<string, string> {
  const sdks = readdirSync(join(CATALOG_DIR, 'sdks'))
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => `sdks/${name}`);
  const files = [...sdks, 'tracing.yaml', 'http.yaml', 'tools.yaml', 'prompts.yaml', 'evals.yaml'];
  return new Map(files.map((file) => [file, readFileSync(join(CATALOG_DIR, file), 'utf8')]));
}

/** Names and contents of every YAML file: a compiled catalog with another fingerprint is stale. */
function fingerprintOf(sources: Map<string, string>): string {
  const hash = createHash('sha256');
  for (const [file, text] of sources) hash.update(`${file}\0${text}\0`);
  return hash.digest('hex');
}

function parseFile<T extends z.ZodType>(file: string, text: string, schema: T): z.infer<T> {
  const result = schema.safeParse(parseYaml(text));
  if (!result.success) throw new ConfigError(`Invalid catalog file ${join(CATALOG_DIR, file)}:\n${formatZodIssues(result.error.issues)}`);
  return result.data;
}

/** Parses and validates the YAML files. */
function compile(sources: Map<string, string>): Catalog {
  const text = (file: string) => sources.get(file)!;
  return {
    sdks: [...sources.keys()].filter((file) => file.startsWith('sdks/')).map((file) => parseFile(file, text(file), sdkEntrySchema)),
    tracing: parseFile('tracing.yaml', text('tracing.yaml'), tracingCatalogSchema),
    http: parseFile('http.yaml', text('http.yaml'), httpCatalogSchema),
    tools: parseFile('tools.yaml', text('tools.yaml'), toolCatalogSchema),
    prompts: parseFile('prompts.yaml', text('prompts.yaml'), promptCatalogSchema),
    evals: parseFile('evals.yaml', text('evals.yaml'), evalCatalogSchema),
  };
}

interface CompiledCatalog {
  fingerprint: string;
  catalog: Catalog;
}

function readCompiled(path: string): CompiledCatalog | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as CompiledCatalog;
  } catch {
    return undefined;
  }
}

/**
 * Reads the catalog of `rules/catalog`. Parsing and validating the YAML costs about 0.1 s, so the
 * build does it once and writes the result as JSON; that JSON is used while its fingerprint
 * matches the YAML files (reading and hashing them is cheap), so an edited catalog is never read
 * stale: it is compiled again here. Throws `ConfigError` for an invalid catalog file.
 */
export function loadCatalog(compiledPath = COMPILED_CATALOG): Catalog {
  const sources = readSources();
  const compiled = readCompiled(compiledPath);
  return compiled?.fingerprint === fingerprintOf(sources) ? compiled.catalog : compile(sources);
}

let builtIn: Catalog | undefined;

/** Loads the SDK, tracing and HTTP catalog shipped with genai-debt (once per process). */
export function loadBuiltInCatalog(): Catalog {
  builtIn ??= loadCatalog();
  return builtIn;
}

/** Validates the YAML catalog and writes it as JSON for {@link loadBuiltInCatalog}; the build runs it. Throws `ConfigError`. */
export function writeCompiledCatalog(path = COMPILED_CATALOG): void {
  const sources = readSources();
  const compiled: CompiledCatalog = { fingerprint: fingerprintOf(sources), catalog: compile(sources) };
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(compiled)}\n`);
}
