import { Worker } from 'node:worker_threads';
import type { Catalog } from '../catalog/catalog-schema.js';
import type { SourceFile } from '../discover/discover-files.js';
import type { BatchRequest, BatchResult } from './extract-batch.js';

const BATCH_SIZE = 48;
/** Workers run the compiled JavaScript; under a TypeScript test runner extraction stays in-process. */
const WORKER_URL = import.meta.url.endsWith('.js') ? new URL('./extract-worker.js', import.meta.url) : undefined;

export interface ExtractionPool {
  /** Reads and extracts files; results sorted by path whatever order the threads finish in. */
  extract(
    files: SourceFile[],
    options: { catalog: Catalog; maxFileSize: number; signal?: string; onProgress?: (done: number, total: number) => void },
  ): Promise<BatchResult>;
  close(): Promise<void>;
}

function merge(into: BatchResult, from: BatchResult): void {
  into.facts.push(...from.facts);
  into.diagnostics.push(...from.diagnostics);
  into.deferred.push(...from.deferred);
  into.bytes += from.bytes;
}

function runOnWorker(worker: Worker, request: BatchRequest): Promise<BatchResult> {
  return new Promise<BatchResult>((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    worker.once('error', onError);
    worker.once('message', (message: { ok: boolean; result?: BatchResult; message?: string }) => {
      worker.off('error', onError);
      if (message.ok && message.result) resolve(message.result);
      else reject(new Error(message.message ?? 'extraction worker failed'));
    });
    worker.postMessage(request);
  });
}

/**
 * Extraction threads for one scan, started before discovery so that loading the parser
 * overlaps with it. With `threads` 0 (or when running from TypeScript sources) everything
 * runs in-process.
 */
export function createExtractionPool(threads: number): ExtractionPool {
  const workers = WORKER_URL ? Array.from({ length: threads }, () => new Worker(WORKER_URL)) : [];
  return {
    async extract(files, options) {
      const total: BatchResult = { facts: [], diagnostics: [], deferred: [], bytes: 0 };
      const queue: BatchRequest[] = [];
      for (let index = 0; index < files.length; index += BATCH_SIZE) {
        queue.push({ files: files.slice(index, index + BATCH_SIZE), catalog: options.catalog, maxFileSize: options.maxFileSize, signal: options.signal });
      }
      let done = 0;
      const drain = async (run: (request: BatchRequest) => Promise<BatchResult>) => {
        for (let request = queue.shift(); request; request = queue.shift()) {
          merge(total, await run(request));
          done += request.files.length;
          options.onProgress?.(done, files.length);
        }
      };
      if (workers.length === 0) {
        // Loaded only here: with workers, the main thread never needs the parser.
        const { extractBatch } = await import('./extract-batch.js');
        await drain(extractBatch);
      }
      else await Promise.all(workers.map((worker) => drain((request) => runOnWorker(worker, request))));
      total.facts.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      return total;
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
