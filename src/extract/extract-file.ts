import type { FileFacts } from '../model/facts.js';
import { extractEnv } from './extract-env.js';
import { ENV_FILE } from './languages.js';
import { extractTypeScript } from './extract-typescript.js';
import type { IsRelevantModule } from './relevance.js';

/**
 * Part of the extraction cache key: bump it whenever a change to an extractor changes the facts
 * it produces, so that cached facts of older extractors are not reused.
 */
export const EXTRACTOR_VERSION = 1;

/** Dispatches a file to the extractor for its language. Pure. */
export function extractFile(path: string, text: string, isRelevant?: IsRelevantModule): FileFacts {
  return ENV_FILE.test(path) ? extractEnv(path, text) : extractTypeScript(path, text, isRelevant);
}
