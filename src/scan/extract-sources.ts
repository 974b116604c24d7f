import type { Catalog } from '../catalog/catalog-schema.js';
import { relevantModules } from '../catalog/relevant-modules.js';
import { extractFile } from '../extract/extract-file.js';
import type { IsRelevantModule } from '../extract/relevance.js';
import type { FileFacts } from '../model/facts.js';
import type { Diagnostic } from '../model/report.js';
import type { SourceText } from './read-sources.js';

export interface ExtractRequest {
  sources: SourceText[];
  /** The catalog (built-in plus config): only calls that mention its modules are kept. */
  catalog: Catalog;
}

export interface ExtractResult {
  facts: FileFacts[];
  diagnostics: Diagnostic[];
}

const relevance = new WeakMap<Catalog, IsRelevantModule>();

/**
 * Extracts facts from file texts; runs on a parser thread or in-process. A file the extractor
 * chokes on becomes a diagnostic, and the others go on.
 */
export function extractSources({ sources, catalog }: ExtractRequest): ExtractResult {
  let isRelevant = relevance.get(catalog);
  if (!isRelevant) {
    isRelevant = relevantModules(catalog);
    relevance.set(catalog, isRelevant);
  }
  const result: ExtractResult = { facts: [], diagnostics: [] };
  for (const { path, text } of sources) {
    try {
      const facts = extractFile(path, text, isRelevant);
      result.facts.push(facts);
      const firstError = facts.parseErrors?.[0];
      if (firstError) {
        result.diagnostics.push({
          code: 'parse-error',
          severity: 'info',
          file: path,
          line: firstError.line,
          message: `Syntax error at line ${firstError.line}: ${firstError.message.replace(/\.$/, '')}. Results for this file may be incomplete.`,
        });
      }
    } catch (error) {
      result.diagnostics.push({
        code: 'extractor-crash',
        severity: 'warning',
        file: path,
        message: `The extractor failed on this file and skipped it (${(error as Error).message}). Please report it.`,
      });
    }
  }
  return result;
}
