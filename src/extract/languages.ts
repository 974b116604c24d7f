// Kept apart from the extractors so that deciding which files to read does not load the parser.

const SOURCE_EXTENSIONS = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
/** `.env`, `.env.local`, `.env.example` …: read for tracing switches. */
export const ENV_FILE = /(^|\/)\.env(\.[\w.-]+)?$/;

/** promptfoo's config (`promptfooconfig.yaml`, `promptfooconfig.claude.yaml`): an eval suite, read for the files it references. */
export const PROMPTFOO_CONFIG = /(^|\/)promptfooconfig(?:[.-][\w.-]+)?\.(ya?ml|json)$/;

/** Whether a path is TypeScript or JavaScript source. */
export function isSourceFile(path: string): boolean {
  return SOURCE_EXTENSIONS.test(path);
}

/** Files extracted whatever their text says (no GenAI signal test): env files and promptfoo configs. */
export function isAlwaysExtracted(path: string): boolean {
  return ENV_FILE.test(path) || PROMPTFOO_CONFIG.test(path);
}

/** Whether any extractor reads this path. */
export function isExtractable(path: string): boolean {
  return isSourceFile(path) || isAlwaysExtracted(path);
}

