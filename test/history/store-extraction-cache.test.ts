import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CachedExtraction } from '../../src/model/extraction-cache.js';
import { Store } from '../../src/store/store.js';

const scratch = mkdtempSync(join(tmpdir(), 'genai-debt-extraction-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const noSignal: CachedExtraction = { kind: 'source', signal: false, imports: ['./llm'] };
const skipped: CachedExtraction = { kind: 'skipped', diagnostic: { code: 'binary-file', severity: 'info', file: 'logo.ts', message: 'Skipped logo.ts: it contains NUL bytes, so it is binary, not source.' } };

describe("the store's extraction cache", () => {
  it('answers prefetched keys from one query, found or absent, and takes entries set later', () => {
    const path = join(scratch, 'cache.db');
    const writer = Store.open(path);
    writer.writeCache(new Map([['a', noSignal], ['b', skipped]]));
    writer.close();

    const store = Store.open(path);
    const cache = store.extractionCache();
    cache.prefetch?.(['a', 'b', 'c']);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([noSignal, skipped, undefined]);
    cache.set('c', noSignal);
    expect(cache.get('c')).toEqual(noSignal);
    // Not prefetched: looked up on its own.
    const other = Store.open(path);
    other.writeCache(new Map([['d', skipped]]));
    other.close();
    expect(cache.get('d')).toEqual(skipped);
    store.close();
  });
});
