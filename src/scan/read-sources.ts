import type { SourceFile } from '../discover/discover-files.js';
import { decodeSource } from '../discover/read-source.js';
import { isAlwaysExtracted } from '../extract/languages.js';
import type { FileFacts } from '../model/facts.js';
import type { Diagnostic } from '../model/report.js';
import type { CachedExtraction } from '../model/extraction-cache.js';
import { type CacheContext, type FileEntries, fileEntries, gitBlobId } from './extraction-cache.js';
import type { FileSource } from './file-source.js';
import type { GenaiSignal } from './genai-signal.js';

/** A file's text, ready for an extractor. */
export interface SourceText {
  path: string;
  text: string;
}

export interface ReadResult {
  /** Files to extract: with a GenAI signal (or all of them, without a signal test). */
  sources: SourceText[];
  /** Facts and their diagnostics taken from the cache: these files need no parse. */
  cached: { facts: FileFacts[]; diagnostics: Diagnostic[] };
  /** Files without a GenAI signal, with the relative modules they import. */
  deferred: { file: SourceFile; imports: string[] }[];
  diagnostics: Diagnostic[];
  bytes: number;
  /** Bytes of the files in `sources`. */
  sourceBytes: number;
  /** Facts of files extracted on this thread (with `extractHere`). */
  extracted: FileFacts[];
  /** Cache entries of the files in `sources`, by path, to complete with their facts once parsed. */
  toCache: Map<string, { entries: FileEntries; entry: Extract<CachedExtraction, { kind: 'source' }> }>;
}

export interface ReadOptions {
  maxFileSize: number;
  /** Without it every file is a source (phase two, `--all`). */
  signal?: GenaiSignal;
  source: FileSource;
  cache?: CacheContext;
  /** An extractor cheap enough to run on this thread (test files, read lexically): every file read goes to it, none to `sources`. */
  extractHere?: (path: string, text: string) => FileFacts;
}

/** A parsed file the extractor crashed on: its diagnostic and no facts. */
function isCrash(entry: Extract<CachedExtraction, { kind: 'source' }>): boolean {
  return entry.facts === undefined && (entry.diagnostics?.some((diagnostic) => diagnostic.code === 'extractor-crash') ?? false);
}

/**
 * Reads files and sorts them by the GenAI signal: cheap work (IO, hashing and a pass of two regular
 * expressions) done on the main thread while the parser threads parse. A file whose path and
 * content are in the cache is not decoded again, and with a known blob id not even read.
 */
export async function readSources(files: readonly SourceFile[], options: ReadOptions): Promise<ReadResult> {
  const result: ReadResult = { sources: [], cached: { facts: [], diagnostics: [] }, deferred: [], diagnostics: [], bytes: 0, sourceBytes: 0, extracted: [], toCache: new Map() };
  const { cache } = options;

  const use = (file: SourceFile, entry: CachedExtraction): boolean => {
    if (entry.kind === 'skipped') {
      result.diagnostics.push(entry.diagnostic);
      return true;
    }
    if (options.signal && !entry.signal) {
      result.bytes += file.size;
      result.deferred.push({ file, imports: entry.imports });
      return true;
    }
    if (!entry.facts && !isCrash(entry)) return false;
    result.bytes += file.size;
    if (entry.facts) result.cached.facts.push(entry.facts);
    result.cached.diagnostics.push(...(entry.diagnostics ?? []));
    return true;
  };

  const unread: SourceFile[] = [];
  const known = cache ? files.flatMap((file) => (file.blobId ? [{ file, entries: fileEntries(cache, file.path, file.blobId) }] : [])) : [];
  cache?.cache.prefetch?.(known.flatMap(({ entries }) => entries.keys));
  const byPath = new Map(known.map(({ file, entries }) => [file.path, entries]));
  for (const file of files) {
    const entry = byPath.get(file.path)?.get();
    if (!entry || !use(file, entry)) unread.push(file);
  }
  if (unread.length === 0) return result;

  const contents = await options.source.read(unread);
  // A work-tree file is keyed by what was read: the index's id names the committed bytes,
  // which clean filters (line endings, LFS) may make differ from the file on disk.
  const readEntries = new Map<string, FileEntries>();
  for (const file of unread) {
    const bytes = contents.get(file.path);
    if (cache && bytes instanceof Uint8Array) {
      readEntries.set(file.path, fileEntries(cache, file.path, file.absolutePath === undefined && file.blobId ? file.blobId : gitBlobId(bytes)));
    }
  }
  cache?.cache.prefetch?.([...readEntries.values()].flatMap((entries) => entries.keys));
  for (const file of unread) {
    const bytes = contents.get(file.path)!;
    if (!(bytes instanceof Uint8Array)) {
      result.diagnostics.push(bytes);
      continue;
    }
    const entries = readEntries.get(file.path);
    const entry = entries?.get();
    if (entry && use(file, entry)) continue;
    const read = decodeSource(file.path, bytes, options.maxFileSize);
    if (!read.ok) {
      result.diagnostics.push(read.diagnostic);
      entries?.set({ kind: 'skipped', diagnostic: read.diagnostic });
      continue;
    }
    result.bytes += file.size;
    if (options.extractHere) {
      const facts = options.extractHere(file.path, read.text);
      result.extracted.push(facts);
      entries?.set({ kind: 'source', signal: true, imports: [], facts });
      continue;
    }
    const reading = !options.signal || isAlwaysExtracted(file.path) ? { hasSignal: true, relativeImports: [] } : options.signal(read.text);
    const hasSignal = reading.hasSignal;
    // Phase two parses files that had no signal: their entry keeps saying so.
    const signal = entry?.kind === 'source' ? entry.signal : hasSignal;
    const imports = entry?.kind === 'source' ? entry.imports : reading.relativeImports;
    if (!hasSignal) {
      result.deferred.push({ file, imports });
      entries?.set({ kind: 'source', signal: false, imports });
      continue;
    }
    result.sources.push({ path: file.path, text: read.text });
    result.sourceBytes += file.size;
    if (entries) result.toCache.set(file.path, { entries, entry: { kind: 'source', signal, imports } });
  }
  return result;
}
