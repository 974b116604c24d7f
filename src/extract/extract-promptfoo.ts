import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { FileFacts } from '../model/facts.js';

// Loaded on the first promptfoo config: most repositories have none, and every parser thread would pay for it.
const load = createRequire(import.meta.url);

/** A module by its relative path, as promptfoo also loads a provider (`provider: ./grader.js`). */
const RELATIVE_MODULE = /^\.\.?\/\S*\.(?:[cm]?[jt]sx?|py)(?::[\w$.]+)?$/;

/**
 * `file://prompts/triage.txt`, `file://provider.ts:callApi` (a function of the module),
 * `./grader.js`: the file, as written.
 */
function referencedFile(value: string): string | undefined {
  const path = value.startsWith('file://') ? value.slice('file://'.length) : RELATIVE_MODULE.test(value) ? value : undefined;
  if (path === undefined) return undefined;
  const fn = /\.(?:[cm]?[jt]sx?|py):[\w$.]+$/.exec(path);
  return fn ? path.slice(0, path.lastIndexOf(':')) : path;
}

/**
 * Facts of a promptfoo config (`promptfooconfig.yaml` or `.json`): the files it references with
 * `file://` anywhere (prompts, providers, tests), and the modules it names by a relative path
 * (`provider: ./grader.js`), which tell what the eval reaches. A config the
 * YAML parser rejects gets a parse error and no references. Pure.
 */
export function extractPromptfoo(path: string, text: string): FileFacts {
  const facts: FileFacts = { path, language: 'promptfoo', moduleSpecifiers: [], calls: [], classes: [], exports: [], reExports: [], wrappedFunctions: [], suppressions: [] };
  let document: unknown;
  try {
    document = (load('yaml') as typeof Yaml).parse(text);
  } catch (error) {
    const line = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line ?? 1;
    return { ...facts, promptfoo: { references: [] }, parseErrors: [{ line, message: (error as Error).message.split('\n')[0]!.replace(/:$/, '') }] };
  }
  const references = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      const file = referencedFile(value);
      if (file) references.add(file);
    } else if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (value !== null && typeof value === 'object') {
      Object.values(value).forEach(visit);
    }
  };
  visit(document);
  return { ...facts, promptfoo: { references: [...references] } };
}
