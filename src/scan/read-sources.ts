import type { SourceFile } from '../discover/discover-files.js';
import { readSource } from '../discover/read-source.js';
import { ENV_FILE } from '../extract/languages.js';
import type { Diagnostic } from '../model/report.js';
import { type GenaiSignal, relativeImports } from './genai-signal.js';

/** A file's text, ready for an extractor. */
export interface SourceText {
  path: string;
  text: string;
}

export interface ReadResult {
  /** Files to extract: with a GenAI signal (or all of them, without a signal test). */
  sources: SourceText[];
  /** Files without a GenAI signal, with the relative modules they import. */
  deferred: { file: SourceFile; imports: string[] }[];
  diagnostics: Diagnostic[];
  bytes: number;
}

/**
 * Reads files and sorts them by the GenAI signal: cheap work (IO and one regular expression)
 * done on the main thread while the parser threads parse.
 */
export function readSources(files: SourceFile[], maxFileSize: number, signal: GenaiSignal | undefined): ReadResult {
  const result: ReadResult = { sources: [], deferred: [], diagnostics: [], bytes: 0 };
  for (const file of files) {
    const read = readSource(file, maxFileSize);
    if (!read.ok) {
      result.diagnostics.push(read.diagnostic);
      continue;
    }
    result.bytes += file.size;
    if (signal && !ENV_FILE.test(file.path) && !signal(read.text)) {
      result.deferred.push({ file, imports: relativeImports(read.text) });
      continue;
    }
    result.sources.push({ path: file.path, text: read.text });
  }
  return result;
}
