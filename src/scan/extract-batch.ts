import type { SourceFile } from '../discover/discover-files.js';
import { readSource } from '../discover/read-source.js';
import { extractFile } from '../extract/extract-file.js';
import { ENV_FILE } from '../extract/languages.js';
import type { FileFacts } from '../model/facts.js';
import type { Diagnostic } from '../model/report.js';
import type { Catalog } from '../catalog/catalog-schema.js';
import { relevantModules } from '../catalog/relevant-modules.js';
import { relativeImports } from './genai-signal.js';

export interface BatchRequest {
  files: SourceFile[];
  /** The catalog (built-in plus config): only calls that mention its modules are kept. */
  catalog: Catalog;
  maxFileSize: number;
  /** Source of the signal regular expression; undefined extracts every file. */
  signal?: string;
}

export interface BatchResult {
  facts: FileFacts[];
  diagnostics: Diagnostic[];
  /** Files without a GenAI signal, with the relative modules they import. */
  deferred: { file: SourceFile; imports: string[] }[];
  bytes: number;
}

/** Reads and extracts a batch of files; runs in a worker thread or in-process. */
export async function extractBatch(request: BatchRequest): Promise<BatchResult> {
  const signal = request.signal === undefined ? undefined : new RegExp(request.signal);
  const isRelevant = relevantModules(request.catalog);
  const result: BatchResult = { facts: [], diagnostics: [], deferred: [], bytes: 0 };
  for (const file of request.files) {
    const read = readSource(file, request.maxFileSize);
    if (!read.ok) {
      result.diagnostics.push(read.diagnostic);
      continue;
    }
    result.bytes += file.size;
    const isEnv = ENV_FILE.test(file.path);
    if (signal && !isEnv && !signal.test(read.text)) {
      result.deferred.push({ file, imports: relativeImports(read.text) });
      continue;
    }
    try {
      const facts = extractFile(file.path, read.text, isRelevant);
      result.facts.push(facts);
      const firstError = facts.parseErrors?.[0];
      if (firstError) {
        result.diagnostics.push({
          code: 'parse-error',
          severity: 'info',
          file: file.path,
          line: firstError.line,
          message: `Syntax error at line ${firstError.line}: ${firstError.message.replace(/\.$/, '')}. Results for this file may be incomplete.`,
        });
      }
    } catch (error) {
      result.diagnostics.push({
        code: 'extractor-crash',
        severity: 'warning',
        file: file.path,
        message: `The extractor failed on this file and skipped it (${(error as Error).message}). Please report it.`,
      });
    }
  }
  return result;
}
