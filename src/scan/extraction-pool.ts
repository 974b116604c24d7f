import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Catalog } from '../catalog/catalog-schema.js';
import type { SourceFile } from '../discover/discover-files.js';
import type { ModuleResolver } from '../link/resolve-module.js';
import type { FileFacts } from '../model/facts.js';
import type { Diagnostic } from '../model/report.js';
import type { ExtractRequest, ExtractResult } from './extract-sources.js';
import type { CacheContext } from './extraction-cache.js';
import type { FileSource } from './file-source.js';
import type { GenaiSignal } from './genai-signal.js';
import { readSources } from './read-sources.js';

const BATCH_SIZE = 48;
/** Workers run the compiled JavaScript; under a TypeScript test runner extraction stays in-process. */
const WORKER_URL = import.meta.url.endsWith('.js') ? new URL('./extract-worker.js', import.meta.url) : undefined;

export interface PoolResult {
  facts: FileFacts[];
  diagnostics: Diagnostic[];
  /** Files without a GenAI signal, with the repository files they import (by `resolveModule`). */
  deferred: { file: SourceFile; targets: string[] }[];
  bytes: number;
  /** Bytes of the files parsed (not taken from the cache). */
  parsedBytes: number;
  /** Files whose facts came from the cache. */
  cached: number;
}

export interface ExtractionPool {
  /**
   * Reads files on this thread and parses those with a GenAI signal (all of them without
   * `signal`) on the parser threads, so reading and parsing overlap. Files found in the cache are
   * not parsed, and new results go into it. Facts and diagnostics come back sorted by path.
   */
  extract(files: SourceFile[], options: ExtractOptions): Promise<PoolResult>;
  close(): Promise<void>;
}

export interface ExtractOptions {
  catalog: Catalog;
  maxFileSize: number;
  source: FileSource;
  signal?: GenaiSignal;
  /** Resolves the imports of files without a signal, while the parser threads work. */
  resolveModule?: ModuleResolver;
  cache?: CacheContext;
  onProgress?: (done: number, total: number) => void;
  /**
   * Files for an extractor cheap enough to run on this thread (test files, read lexically), with
   * their own cache key: read once every other file is on its way to the parser threads, while
   * they parse.
   */
  readHere?: { files: SourceFile[]; extract: (path: string, text: string) => FileFacts; cache?: CacheContext };
}

/** What a parser thread receives: the catalog only when it differs from the one sent before (a 29 KB object graph to copy with every batch otherwise). */
export interface WorkerRequest {
  id: number;
  sources: ExtractRequest['sources'];
  catalog?: Catalog;
}

interface ParserThread {
  run(request: ExtractRequest): Promise<ExtractResult>;
  pending: number;
  terminate(): Promise<number>;
}

function startParserThread(url: URL): ParserThread {
  const worker = new Worker(url);
  const waiting = new Map<number, { resolve: (result: ExtractResult) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let sentCatalog: Catalog | undefined;
  worker.on('message', (message: { id: number; ok: boolean; result?: ExtractResult; message?: string }) => {
    const entry = waiting.get(message.id);
    waiting.delete(message.id);
    thread.pending = waiting.size;
    if (message.ok && message.result) entry?.resolve(message.result);
    else entry?.reject(new Error(message.message ?? 'extraction thread failed'));
  });
  worker.on('error', (error) => {
    for (const entry of waiting.values()) entry.reject(error);
    waiting.clear();
  });
  const thread: ParserThread = {
    pending: 0,
    run(request) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        thread.pending = waiting.size;
        const message: WorkerRequest = { id, sources: request.sources };
        if (request.catalog !== sentCatalog) message.catalog = sentCatalog = request.catalog;
        worker.postMessage(message);
      });
    },
    terminate: () => worker.terminate(),
  };
  return thread;
}

/**
 * One core stays free: V8 compiles and collects garbage on background threads, and on two cores
 * a second parser thread slowed the whole scan down (measured with npm run bench).
 */
export function defaultParserThreads(): number {
  return Math.max(1, availableParallelism() - 1);
}

export interface PoolOptions {
  /**
   * Start the threads when the first file must be parsed instead of now. For scans that will
   * likely parse nothing (a rescan whose whole result is stored): starting a thread and loading
   * the parser costs the main thread about 0.1 s even when no file is parsed.
   */
  isLazy?: boolean;
}

/**
 * Parser threads for one scan, started before the config is read so that loading the parser
 * overlaps with reading the config and discovering files (unless `isLazy`). With `threads` 0 (or
 * when running from TypeScript sources) everything runs in-process.
 */
export function createExtractionPool(threads: number, options: PoolOptions = {}): ExtractionPool {
  let started: ParserThread[] | undefined;
  const start = (): ParserThread[] => (started ??= WORKER_URL ? Array.from({ length: threads }, () => startParserThread(WORKER_URL)) : []);
  if (!options.isLazy) start();
  const runRequest = async (request: ExtractRequest): Promise<ExtractResult> => {
    const parsers = start();
    if (parsers.length === 0) {
      // Loaded only here: with parser threads, the main thread never needs the parser.
      const { extractSources } = await import('./extract-sources.js');
      return extractSources(request);
    }
    const idlest = parsers.reduce((best, parser) => (parser.pending < best.pending ? parser : best));
    return idlest.run(request);
  };
  return {
    async extract(files, options) {
      // Loading the parser overlaps with reading the first files.
      if (files.length > 0) start();
      const total: PoolResult = { facts: [], diagnostics: [], deferred: [], bytes: 0, parsedBytes: 0, cached: 0 };
      const running: Promise<void>[] = [];
      let done = 0;
      for (let index = 0; index < files.length; index += BATCH_SIZE) {
        const batch = files.slice(index, index + BATCH_SIZE);
        const read = await readSources(batch, options);
        total.facts.push(...read.cached.facts);
        total.cached += read.cached.facts.length;
        total.diagnostics.push(...read.diagnostics, ...read.cached.diagnostics);
        for (const { file, imports } of read.deferred) {
          total.deferred.push({ file, targets: imports.flatMap((specifier) => options.resolveModule?.(file.path, specifier) ?? []) });
        }
        total.bytes += read.bytes;
        total.parsedBytes += read.sourceBytes;
        const parsed =
          read.sources.length === 0
            ? Promise.resolve({ facts: [], diagnostics: [] })
            : runRequest({ sources: read.sources, catalog: options.catalog });
        running.push(
          parsed.then((result) => {
            total.facts.push(...result.facts);
            total.diagnostics.push(...result.diagnostics);
            for (const facts of result.facts) {
              const pending = read.toCache.get(facts.path);
              if (!pending) continue;
              const diagnostics = result.diagnostics.filter((diagnostic) => diagnostic.file === facts.path);
              pending.entries.set({ ...pending.entry, facts, ...(diagnostics.length > 0 ? { diagnostics } : {}) });
            }
            // The extractor crashes the same way on the same content: remember it, so a history
            // run does not crash on an unchanged file at every commit.
            for (const diagnostic of result.diagnostics) {
              const pending = diagnostic.code === 'extractor-crash' && diagnostic.file !== undefined ? read.toCache.get(diagnostic.file) : undefined;
              if (pending) pending.entries.set({ ...pending.entry, diagnostics: [diagnostic] });
            }
            done += batch.length;
            options.onProgress?.(done, files.length);
          }),
        );
      }
      const { readHere } = options;
      for (let index = 0; readHere && index < readHere.files.length; index += BATCH_SIZE) {
        const batch = readHere.files.slice(index, index + BATCH_SIZE);
        const read = await readSources(batch, { maxFileSize: options.maxFileSize, source: options.source, cache: readHere.cache, extractHere: readHere.extract });
        // Not counted in `cached`: that counts parses saved.
        total.facts.push(...read.cached.facts, ...read.extracted);
        total.diagnostics.push(...read.diagnostics, ...read.cached.diagnostics);
        total.bytes += read.bytes;
      }
      await Promise.all(running);
      // By path whatever order the files were read and parsed in (a stable sort: a file's own
      // diagnostics keep their order).
      const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
      total.facts.sort((a, b) => byPath(a.path, b.path));
      total.diagnostics.sort((a, b) => byPath(a.file ?? '', b.file ?? ''));
      return total;
    },
    async close() {
      await Promise.all((started ?? []).map((parser) => parser.terminate()));
    },
  };
}
