import { createHash } from 'node:crypto';
import type { Catalog } from '../catalog/catalog-schema.js';
import { EXTRACTOR_VERSION } from '../extract/extractor-version.js';
import type { ExtractionCache } from '../model/extraction-cache.js';
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

/**
 * A file's cache key. The path is part of it: facts and messages name the file, and the language
 * follows from the extension. Joined, not hashed: a history run looks up every file at every
 * commit, and hashing each key cost more than the lookup.
 */
export function cacheKey(extractor: string, path: string, contentId: string): string {
  // Both ids are hex, so the path last keeps the key unambiguous whatever characters it holds.
  return `${extractor} ${contentId} ${path}`;
}

/** The id git gives these bytes as a blob, so files on disk and in git history share cache entries. */
export function gitBlobId(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}
