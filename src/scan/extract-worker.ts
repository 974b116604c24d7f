import { parentPort } from 'node:worker_threads';
import type { Catalog } from '../catalog/catalog-schema.js';
import { extractSources } from './extract-sources.js';
import type { WorkerRequest } from './extraction-pool.js';

/** The pool sends the catalog with the first request and again only when it changes. */
let catalog: Catalog | undefined;

parentPort?.on('message', ({ id, sources, catalog: sent }: WorkerRequest) => {
  catalog = sent ?? catalog;
  try {
    if (!catalog) throw new Error('no catalog received');
    parentPort?.postMessage({ id, ok: true, result: extractSources({ sources, catalog }) });
  } catch (error) {
    parentPort?.postMessage({ id, ok: false, message: String(error) });
  }
});
