import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import type { Catalog } from '../catalog/catalog-schema.js';
import { EXTRACTOR_VERSION } from '../extract/extractor-version.js';
import { ENV_FILE } from '../extract/languages.js';
import type { CachedExtraction, ExtractionCache } from '../model/extraction-cache.js';
import { TOOL_VERSION } from '../package-root.js';

/** The cache and the part of its key that is the same for every file of one scan. */
export interface CacheContext {
  cache: ExtractionCache;
  /** From {@link extractorKey}. */
  extractorKey: string;
}

/**
 * What besides a file's path and content decides its facts: the tool and extractor versions and
 * the catalog (built-in plus config `sdks`), which decides both the prefilter and what is kept.
 */
export function extractorKey(catalog: Catalog): string {
  return createHash('sha256').update(`${TOOL_VERSION}\0${EXTRACTOR_VERSION}\0${JSON.stringify(catalog)}`).digest('hex');
}

/** One file's place in the extraction cache (see {@link fileEntries}). */
export interface FileEntries {
  /** The keys `get` may look up, for {@link ExtractionCache.prefetch}. */
  keys: string[];
  get(): CachedExtraction | undefined;
  set(entry: CachedExtraction): void;
}

/**
 * One file's place in the cache. Facts follow from the content, the language (which the
 * extension decides) and the catalog, and name their file only in `path`: an entry without
 * diagnostics is kept by content and extension, and serves that content under any path with the
 * extension (a moved file is not parsed again), labelled with the path asked for. Diagnostics name
 * the file in their messages, and an env file's signal depends on its name: those entries are kept
 * by path. Keys are joined, not hashed: a history run looks up every file at every commit.
 */
export function fileEntries(context: CacheContext, path: string, contentId: string): FileEntries {
  // Both ids are hex: a space or a dot after the content id tells the two kinds of key apart.
  const own = `${context.extractorKey} ${contentId} ${path}`;
  const shared = ENV_FILE.test(path) ? own : `${context.extractorKey} ${contentId}${extname(path)}`;
  return {
    keys: shared === own ? [own] : [shared, own],
    get() {
      const entry = context.cache.get(shared);
      if (entry?.kind === 'source' && entry.facts && entry.facts.path !== path) {
        // A copy, not a relabelled view: the linker remembers what each fact object resolves
        // to, and the same object under two paths would resolve its relative imports once.
        // Kept under the new path from now on, so the next commit of a history run takes it as is.
        const moved: CachedExtraction = { ...entry, facts: { ...structuredClone(entry.facts), path } };
        context.cache.set(shared, moved);
        return moved;
      }
      return entry ?? context.cache.get(own);
    },
    set(entry) {
      const namesTheFile = entry.kind === 'skipped' || (entry.diagnostics?.length ?? 0) > 0;
      context.cache.set(namesTheFile ? own : shared, entry);
    },
  };
}

/** The id git gives these bytes as a blob, so files on disk and in git history share cache entries. */
export function gitBlobId(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}
