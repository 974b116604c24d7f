import { posix } from 'node:path';
import type { PromptCatalog } from '../catalog/catalog-schema.js';
import type { ArgFact, FileFacts, ValueRef } from '../model/facts.js';
import { isCatalogExport } from './call-patterns.js';
import { promptfooReferences } from './link-evals.js';
import { type FactValue, walkFactValues } from './walk-facts.js';

type FileCatalog = PromptCatalog['files'];

/** A path as written: its literal segments, and whether they start from the reading file's folder. */
interface WrittenPath {
  segments: string[];
  isFromFile: boolean;
}

function literalText(arg: ArgFact | undefined): string | undefined {
  if (arg?.kind === 'literal' && typeof arg.value === 'string') return arg.value;
  if (arg?.kind === 'template' && arg.holes.length === 0) return arg.text;
  return undefined;
}

/**
 * `'prompts/triage.md'`, or `join(__dirname, 'prompts', 'triage.md')` (`resolve` too): a path
 * function whose first argument is not a literal starts from the reading file's folder
 * (`__dirname`, `import.meta.dirname`), as does `new URL('./triage.md', import.meta.url)`;
 * all-literal paths are read as written.
 */
function writtenPath(arg: ArgFact | undefined, catalog: FileCatalog): WrittenPath | undefined {
  const text = literalText(arg);
  if (text !== undefined) return { segments: [text], isFromFile: false };
  if (arg?.kind !== 'value') return undefined;
  // `new URL('./prompts/triage.md', import.meta.url)`: relative to the module.
  if (arg.value.kind === 'new' && arg.value.callee.kind === 'global' && arg.value.callee.name === 'URL') {
    const [relative, base] = arg.value.args;
    const segment = literalText(relative);
    return segment !== undefined && base !== undefined && literalText(base) === undefined ? { segments: [segment], isFromFile: true } : undefined;
  }
  if (arg.value.kind !== 'call') return undefined;
  const call = arg.value;
  // `fileURLToPath(new URL(…))`: the URL's path.
  if (catalog.fileUrls.some((entry) => isCatalogExport(entry, call.callee))) return writtenPath(call.args[0], catalog);
  if (!catalog.paths.some((entry) => isCatalogExport(entry, call.callee))) return undefined;
  const [first, ...rest] = call.args;
  const segments = rest.map(literalText);
  if (first === undefined || segments.some((segment) => segment === undefined)) return undefined;
  const firstText = literalText(first);
  return firstText === undefined ? { segments: segments as string[], isFromFile: true } : { segments: [firstText, ...(segments as string[])], isFromFile: false };
}

/**
 * The repository paths a value may read a prompt file from, most likely first (a path as written
 * is tried from the repository root, where a service usually runs, then from the reading file's
 * folder); undefined when the value is not a read of a file with a prompt extension.
 * `readFileSync(path).toString()` counts as the read. Pure.
 */
export function promptFilePaths(value: ValueRef, file: string, catalog: FileCatalog): string[] | undefined {
  let read = value;
  if (read.kind === 'call' && read.callee.kind === 'member' && read.callee.name === 'toString') read = read.callee.object;
  if (read.kind !== 'call') return undefined;
  const { callee, args } = read;
  if (!catalog.readers.some((entry) => isCatalogExport(entry, callee))) return undefined;
  const path = writtenPath(args[0], catalog);
  if (!path) return undefined;
  const folder = posix.dirname(file);
  const joined = path.isFromFile ? [posix.join(folder, ...path.segments)] : [posix.join(...path.segments), posix.join(folder, ...path.segments)];
  const inside = joined.filter((candidate) => !candidate.startsWith('../') && candidate !== '..' && !posix.isAbsolute(candidate));
  if (!catalog.extensions.includes(posix.extname(inside[0] ?? ''))) return undefined;
  return [...new Set(inside)];
}

/**
 * Every repository path that a value in the facts may read a prompt file from, and the prompt
 * files promptfoo configs reference: the files a scan reads before linking, so that
 * {@link promptFilePaths} finds their texts. Only files that import a reader module are walked. Pure.
 */
export function promptFileCandidates(files: readonly FileFacts[], catalog: FileCatalog): string[] {
  const readerModules = new Set(catalog.readers.map((entry) => entry.module));
  const candidates = new Set<string>();
  for (const facts of files) {
    // The prompt files a promptfoo config tests.
    for (const path of promptfooReferences(facts)) if (catalog.extensions.includes(posix.extname(path))) candidates.add(path);
    if (!facts.moduleSpecifiers.some((module) => readerModules.has(module))) continue;
    const visit = (value: FactValue): boolean => {
      if (value.kind !== 'call') return false;
      const paths = promptFilePaths(value, facts.path, catalog);
      for (const path of paths ?? []) candidates.add(path);
      return paths !== undefined;
    };
    for (const call of facts.calls) for (const arg of call.args) walkFactValues(arg, visit);
    for (const entry of facts.exports) walkFactValues(entry.value, visit);
  }
  return [...candidates].sort();
}
