import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { FileFacts } from '../model/facts.js';

// Loaded on the first promptfoo config: most repositories have none, and every parser thread would pay for it.
const load = createRequire(import.meta.url);

/** A JavaScript, TypeScript or Python module's extension, and a function of it (`:callApi`). */
const EXTENSION = String.raw`\.(?:[cm]?[jt]sx?|py)`;
const FUNCTION = String.raw`:[\w$.]+`;
/** A module's path with a function of it (`provider.ts:callApi`). */
const MODULE_FUNCTION = new RegExp(`${EXTENSION}${FUNCTION}$`);
/** A module by its relative path, as promptfoo also loads a provider (`provider: ./grader.js`), perhaps with a function. */
const RELATIVE_MODULE = new RegExp(String.raw`^\.\.?/\S*${EXTENSION}(?:${FUNCTION})?$`);

/**
 * `file://prompts/triage.txt`, `file://provider.ts:callApi` (a function of the module),
 * `./grader.js`: the file, as written.
 */
function referencedFile(value: string): string | undefined {
  const path = value.startsWith('file://') ? value.slice('file://'.length) : RELATIVE_MODULE.test(value) ? value : undefined;
  if (path === undefined) return undefined;
  return MODULE_FUNCTION.test(path) ? path.slice(0, path.lastIndexOf(':')) : path;
}

/** The line of the first place `value` is written in `text` (1 when it is not found as written). */
function lineOf(text: string, value: string): number {
  const at = text.indexOf(value);
  if (at === -1) return 1;
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < at; index = text.indexOf('\n', index + 1)) line++;
  return line;
}

/**
 * Facts of a promptfoo config (`promptfooconfig.yaml` or `.json`): the files it references with
 * `file://` anywhere (prompts, providers, tests), and the modules it names by a relative path
 * (`provider: ./grader.js`), which tell what the eval reaches; apart, with their lines, those
 * under a `tools` key (the openai:agents provider's `tools: file://./tools/support-tools.ts`),
 * whose exported tools the provider hands to the agent it evaluates. A config the
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
  const toolFiles: { path: string; line: number }[] = [];
  /** `key`: the mapping key the value is under (an array's items are under their array's key). */
  const visit = (value: unknown, key?: string): void => {
    if (typeof value === 'string') {
      const file = referencedFile(value);
      if (!file) return;
      references.add(file);
      if (key === 'tools') toolFiles.push({ path: file, line: lineOf(text, value) });
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item, key);
    } else if (value !== null && typeof value === 'object') {
      for (const [name, item] of Object.entries(value)) visit(item, name);
    }
  };
  visit(document);
  return { ...facts, promptfoo: toolFiles.length > 0 ? { references: [...references], toolFiles } : { references: [...references] } };
}
