import { parentPort } from 'node:worker_threads';
import { type BatchRequest, extractBatch } from './extract-batch.js';

parentPort?.on('message', (request: BatchRequest) => {
  extractBatch(request).then(
    (result) => parentPort?.postMessage({ ok: true, result }),
    (error: unknown) => parentPort?.postMessage({ ok: false, message: String(error) }),
  );
});
