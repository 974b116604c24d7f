// Kept apart from the extractors so that deciding which files to read does not load the parser.

const SOURCE_EXTENSIONS = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
/** `.env`, `.env.local`, `.env.example` …: read for tracing switches. */
export const ENV_FILE = /(^|\/)\.env(\.[\w.-]+)?$/;

/** Whether any extractor reads this path. */
export function isExtractable(path: string): boolean {
  return SOURCE_EXTENSIONS.test(path) || ENV_FILE.test(path);
}

