import type { FileFacts } from '../model/facts.js';
import { extractEnv } from './extract-env.js';
import { extractTypeScript, TYPESCRIPT_EXTRACTOR_VERSION } from './extract-typescript.js';

const SOURCE_EXTENSIONS = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const ENV_FILE = /(^|\/)\.env(\.[\w.-]+)?$/;

/** Version of all extractors together: part of the cache key of extracted facts. */
export const EXTRACTOR_VERSION = `ts${TYPESCRIPT_EXTRACTOR_VERSION}-env1`;

/** Whether any extractor reads this path. */
export function isExtractable(path: string): boolean {
  return SOURCE_EXTENSIONS.test(path) || ENV_FILE.test(path);
}

/** Dispatches a file to the extractor for its language. Pure. */
export function extractFile(path: string, text: string): FileFacts {
  return ENV_FILE.test(path) ? extractEnv(path, text) : extractTypeScript(path, text);
}
