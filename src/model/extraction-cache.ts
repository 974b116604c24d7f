import type { FileFacts } from './facts.js';
import type { Diagnostic } from './report.js';

/** What the extraction of one file (path and content) came to; plain JSON. */
export type CachedExtraction =
  /** The bytes are not source (binary, not UTF-8, generated, minified). */
  | { kind: 'skipped'; diagnostic: Diagnostic }
  /**
   * Source. `signal` says whether the GenAI prefilter matched; `imports` are its relative imports
   * (for files without a signal); `facts` are present once the file was parsed.
   */
  | { kind: 'source'; signal: boolean; imports: string[]; facts?: FileFacts; diagnostics?: Diagnostic[] };

/**
 * Extraction results by key, kept across scans (the store keeps them in SQLite). `set` may only
 * buffer: the caller writes the buffered entries with the scan.
 */
export interface ExtractionCache {
  get(key: string): CachedExtraction | undefined;
  set(key: string, entry: CachedExtraction): void;
  /** Says which keys `get` will be asked for next, so a cache on disk can look them up at once. */
  prefetch?(keys: readonly string[]): void;
}
