import type { FileFacts } from '../model/facts.js';
import { extractEnv } from './extract-env.js';
import { ENV_FILE } from './languages.js';
import { extractTypeScript } from './extract-typescript.js';
import type { IsRelevantModule } from './relevance.js';

/** Dispatches a file to the extractor for its language. Pure. */
export function extractFile(path: string, text: string, isRelevant?: IsRelevantModule): FileFacts {
  return ENV_FILE.test(path) ? extractEnv(path, text) : extractTypeScript(path, text, isRelevant);
}
