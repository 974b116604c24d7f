import { describe, expect, it } from 'vitest';
import type { SourceFile } from '../../src/discover/discover-files.js';
import type { CachedExtraction } from '../../src/model/extraction-cache.js';
import type { Diagnostic } from '../../src/model/report.js';
import { fileEntries } from '../../src/scan/extraction-cache.js';
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

function cacheWith(entry: CachedExtraction, file: SourceFile = summarizeTicket) {
  const entries = new Map<string, CachedExtraction>();
  const context = { cache: { get: (key: string) => entries.get(key), set: (key: string, value: CachedExtraction) => void entries.set(key, value) }, extractorKey: 'extractor' };
  fileEntries(context, file.path, file.blobId!).set(entry);
  return context;
}

describe('readSources with the extraction cache', () => {
  it('gives back the crash of a file the extractor crashed on, without reading or parsing it again', async () => {
    const cache = cacheWith({ kind: 'source', signal: true, imports: [], diagnostics: [crash] });
    const read = await readSources([summarizeTicket], { maxFileSize: 1_000_000, source: unreadSource, signal: () => ({ hasSignal: true, relativeImports: [] }), cache });
    expect({ sources: read.sources, cached: read.cached, deferred: read.deferred, bytes: read.bytes }).toStrictEqual({
      sources: [],
      cached: { facts: [], diagnostics: [crash] },
      deferred: [],
      bytes: 120,
    });
  });

  it('still defers a crashed file without a GenAI signal to phase two', async () => {
    const cache = cacheWith({ kind: 'source', signal: false, imports: ['./llm'], diagnostics: [crash] });
    const read = await readSources([summarizeTicket], { maxFileSize: 1_000_000, source: unreadSource, signal: () => ({ hasSignal: true, relativeImports: [] }), cache });
    expect({ cached: read.cached, deferred: read.deferred }).toStrictEqual({
      cached: { facts: [], diagnostics: [] },
      deferred: [{ file: summarizeTicket, imports: ['./llm'] }],
    });
  });
});

describe('readSources with a cached file under another path', () => {
  const facts = {
    path: 'src/summarize-ticket.ts',
    language: 'typescript' as const,
    moduleSpecifiers: ['openai', './client'],
    calls: [],
    classes: [],
    exports: [{ name: 'summarize', value: { kind: 'import' as const, module: './client', name: 'client' } }],
    reExports: [],
    wrappedFunctions: [],
    suppressions: [],
  };
  const moved: SourceFile = { ...summarizeTicket, path: 'packages/support/src/summarize-ticket.ts' };

  it('serves a moved file (same content and extension) without reading it, as a copy labelled with its new path', async () => {
    const cache = cacheWith({ kind: 'source', signal: true, imports: [], facts });
    const read = await readSources([moved], { maxFileSize: 1_000_000, source: unreadSource, signal: () => ({ hasSignal: true, relativeImports: [] }), cache });
    expect(read.cached.facts).toEqual([{ ...facts, path: moved.path }]);
    expect(read.cached.facts[0]!.exports[0]).not.toBe(facts.exports[0]);
    // The file at its old path is still served, labelled with that path.
    const again = await readSources([summarizeTicket], { maxFileSize: 1_000_000, source: unreadSource, signal: () => ({ hasSignal: true, relativeImports: [] }), cache });
    expect(again.cached.facts).toEqual([facts]);
  });

  it('reads a moved file whose entry names the file in a diagnostic, or whose extension differs', async () => {
    const parseError: Diagnostic = { code: 'parse-error', severity: 'info', file: summarizeTicket.path, line: 3, message: 'Syntax error at line 3.' };
    const withError = cacheWith({ kind: 'source', signal: true, imports: [], facts, diagnostics: [parseError] });
    const renamed: SourceFile = { ...summarizeTicket, path: 'src/summarize-ticket.tsx' };
    const plain = cacheWith({ kind: 'source', signal: true, imports: [], facts });
    const text = 'export const x = 1;\n';
    const readFiles: string[] = [];
    const source: FileSource = {
      read: async (files) => {
        readFiles.push(...files.map((file) => file.path));
        return new Map(files.map((file) => [file.path, new TextEncoder().encode(text)]));
      },
    };
    const fromError = await readSources([{ ...moved, absolutePath: undefined }], { maxFileSize: 1_000_000, source, signal: () => ({ hasSignal: true, relativeImports: [] }), cache: withError });
    const fromTsx = await readSources([renamed], { maxFileSize: 1_000_000, source, signal: () => ({ hasSignal: true, relativeImports: [] }), cache: plain });
    expect(readFiles).toEqual([moved.path, renamed.path]);
    expect([...fromError.sources, ...fromTsx.sources]).toEqual([
      { path: moved.path, text },
      { path: renamed.path, text },
    ]);
  });
});
