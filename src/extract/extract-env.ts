import { parse } from 'dotenv';
import type { FileFacts } from '../model/facts.js';

/** Facts of a `.env`-style file: its variables, which may switch tracing on or off. */
export function extractEnv(path: string, text: string): FileFacts {
  return {
    path,
    language: 'env',
    moduleSpecifiers: [],
    calls: [],
    classes: [],
    exports: [],
    reExports: [],
    wrappedFunctions: [],
    suppressions: [],
    env: parse(text),
  };
}
