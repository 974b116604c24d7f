import type { FileFacts } from '../model/facts.js';
import { extractEnv } from './extract-env.js';
import { extractPromptfoo } from './extract-promptfoo.js';
import { ENV_FILE, PROMPTFOO_CONFIG } from './languages.js';
import { extractTypeScript } from './extract-typescript.js';
import type { IsRelevantModule } from './relevance.js';

/** Dispatches a file to the extractor for its language. Pure. */
export function extractFile(path: string, text: string, isRelevant?: IsRelevantModule): FileFacts {
  if (ENV_FILE.test(path)) return extractEnv(path, text);
  if (PROMPTFOO_CONFIG.test(path)) return extractPromptfoo(path, text);
  return extractTypeScript(path, text, isRelevant);
}
