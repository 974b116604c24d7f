import { describe, expect, it } from 'vitest';
import type { SourceFile } from '../../src/discover/discover-files.js';
import type { CachedExtraction } from '../../src/model/extraction-cache.js';
import type { Diagnostic } from '../../src/model/report.js';
import { cacheKey } from '../../src/scan/extraction-cache.js';
import type { FileSource } from '../../src/scan/file-source.js';
import { readSources } from '../../src/scan/read-sources.js';

const crash: Diagnostic = {
  code: 'extractor-crash',
  severity: 'warning',
  file: 'src/summarize-ticket.ts',
  message: 'The extractor failed on this file and skipped it (Maximum call stack size exceeded). Please report it.',
};
const summarizeTicket: SourceFile = { path: 'src/summarize-ticket.ts', blobId: 'b6fc4c620b67d95f953a5c1c1230aaab5db5a1b0', size: 120 };
const unreadSource: FileSource = {
  read: () => {
    throw new Error('a cached file must not be read');
  },
};

function cacheWith(entry: CachedExtraction) {
  const entries = new Map([[cacheKey('extractor', summarizeTicket.path, summarizeTicket.blobId!), entry]]);
  return { cache: { get: (key: string) => entries.get(key), set: () => undefined }, extractorKey: 'extractor' };
}

describe('readSources with the extraction cache', () => {
  it('gives back the crash of a file the extractor crashed on, without reading or parsing it again', async () => {
    const cache = cacheWith({ kind: 'source', signal: true, imports: [], diagnostics: [crash] });
    const read = await readSources([summarizeTicket], { maxFileSize: 1_000_000, source: unreadSource, signal: () => true, cache });
    expect({ sources: read.sources, cached: read.cached, deferred: read.deferred, bytes: read.bytes }).toStrictEqual({
      sources: [],
      cached: { facts: [], diagnostics: [crash] },
      deferred: [],
      bytes: 120,
    });
  });

  it('still defers a crashed file without a GenAI signal to phase two', async () => {
    const cache = cacheWith({ kind: 'source', signal: false, imports: ['./llm'], diagnostics: [crash] });
    const read = await readSources([summarizeTicket], { maxFileSize: 1_000_000, source: unreadSource, signal: () => true, cache });
    expect({ cached: read.cached, deferred: read.deferred }).toStrictEqual({
      cached: { facts: [], diagnostics: [] },
      deferred: [{ file: summarizeTicket, imports: ['./llm'] }],
    });
  });
});
