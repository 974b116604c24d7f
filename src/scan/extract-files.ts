import { Worker } from 'node:worker_threads';
import type { SourceFile } from '../discover/discover-files.js';
import { type BatchRequest, type BatchResult, extractBatch } from './extract-batch.js';

const BATCH_SIZE = 64;
/** Below this many files, starting workers costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 400;
/** Workers run the compiled JavaScript; under a TypeScript test runner extraction stays in-process. */
const WORKER_URL = import.meta.url.endsWith('.js') ? new URL('./extract-worker.js', import.meta.url) : undefined;

function merge(into: BatchResult, from: BatchResult): void {
  into.facts.push(...from.facts);
  into.diagnostics.push(...from.diagnostics);
  into.deferred.push(...from.deferred);
  into.bytes += from.bytes;
}

/**
 * Reads and extracts files, on worker threads when there are many (one per core). The order
 * of results is by path, whatever order the workers finish in.
 */
export async function extractFiles(
  files: SourceFile[],
  options: { maxFileSize: number; signal?: string; workers: number; onProgress?: (done: number, total: number) => void },
): Promise<BatchResult> {
  const total: BatchResult = { facts: [], diagnostics: [], deferred: [], bytes: 0 };
  const batches: BatchRequest[] = [];
  for (let index = 0; index < files.length; index += BATCH_SIZE) {
    batches.push({ files: files.slice(index, index + BATCH_SIZE), maxFileSize: options.maxFileSize, signal: options.signal });
  }
  let done = 0;
  const workerCount = WORKER_URL && files.length >= MIN_FILES_FOR_WORKERS ? Math.max(1, options.workers) : 0;
  if (workerCount === 0) {
    for (const batch of batches) {
      merge(total, await extractBatch(batch));
      done += batch.files.length;
      options.onProgress?.(done, files.length);
    }
  } else {
    const queue = [...batches];
    await Promise.all(
      Array.from({ length: Math.min(workerCount, batches.length) }, async () => {
        const worker = new Worker(WORKER_URL!);
        try {
          for (let batch = queue.shift(); batch; batch = queue.shift()) {
            const request = batch;
            const result = await new Promise<BatchResult>((resolve, reject) => {
              const onError = (error: Error) => reject(error);
              worker.once('error', onError);
              worker.once('message', (message: { ok: boolean; result?: BatchResult; message?: string }) => {
                worker.off('error', onError);
                if (message.ok && message.result) resolve(message.result);
                else reject(new Error(message.message ?? 'extraction worker failed'));
              });
              worker.postMessage(request);
            });
            merge(total, result);
            done += request.files.length;
            options.onProgress?.(done, files.length);
          }
        } finally {
          await worker.terminate();
        }
      }),
    );
  }
  total.facts.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return total;
}
