import { posix } from 'node:path';
import { isRelativeSpecifier } from '../model/module-specifier.js';

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
/** TypeScript's ESM style: `./client.js` in source means `./client.ts` on disk. */
const SOURCE_FOR_OUTPUT: Record<string, string[]> = {
  '.js': ['.ts', '.tsx', '.js', '.jsx'],
  '.mjs': ['.mts', '.mjs'],
  '.cjs': ['.cts', '.cjs'],
  '.jsx': ['.tsx', '.jsx'],
};

/**
 * Resolves a relative import to a repository path the way TypeScript and Node do: exact file,
 * output extension mapped to source, added extension, or `index` in a folder. Pure.
 */
export function resolveModule(fromFile: string, specifier: string, files: ReadonlySet<string>): string | undefined {
  if (!isRelativeSpecifier(specifier)) return undefined;
  // join normalizes (`a/./b/../c` is `a/c`); a trailing slash stays, so `./agents/` finds only an index.
  const base = posix.join(posix.dirname(fromFile), specifier);
  if (files.has(base)) return base;
  const extension = posix.extname(base);
  const sources = SOURCE_FOR_OUTPUT[extension];
  if (sources) {
    const stem = base.slice(0, -extension.length);
    for (const source of sources) {
      if (files.has(stem + source)) return stem + source;
    }
  }
  for (const candidate of EXTENSIONS) {
    if (files.has(base + candidate)) return base + candidate;
  }
  const folder = base === '.' ? '' : base.endsWith('/') ? base : `${base}/`;
  for (const candidate of EXTENSIONS) {
    const index = `${folder}index${candidate}`;
    if (files.has(index)) return index;
  }
  return undefined;
}

/** Resolves relative imports against one set of files. */
export type ModuleResolver = (fromFile: string, specifier: string) => string | undefined;

/**
 * {@link resolveModule} over one set of files, remembering each answer by importing folder and
 * specifier: a repository imports the same few modules from the same folders many times.
 */
export function createModuleResolver(files: ReadonlySet<string>): ModuleResolver {
  const known = new Map<string, string | undefined>();
  return (fromFile, specifier) => {
    if (!isRelativeSpecifier(specifier)) return undefined;
    const key = `${posix.dirname(fromFile)}\0${specifier}`;
    if (known.has(key)) return known.get(key);
    const resolved = resolveModule(fromFile, specifier, files);
    known.set(key, resolved);
    return resolved;
  };
}
