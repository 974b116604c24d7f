import { parentPort } from 'node:worker_threads';
import { type ExtractRequest, extractSources } from './extract-sources.js';

parentPort?.on('message', ({ id, request }: { id: number; request: ExtractRequest }) => {
  try {
    parentPort?.postMessage({ id, ok: true, result: extractSources(request) });
  } catch (error) {
    parentPort?.postMessage({ id, ok: false, message: String(error) });
  }
});
