import { createHash } from 'node:crypto';
import type { SourceFile } from '../discover/discover-files.js';
import type { RepoHistory } from '../model/repo-model.js';
import type { Diagnostic, ScanReport } from '../model/report.js';
import { gitBlobId } from './extraction-cache.js';
import type { FileSource } from './file-source.js';

/**
 * Whole scan results by key, as JSON text (the store keeps them in SQLite). `set` may only
 * buffer: the caller writes the buffered entries with the scan.
 */
export interface ResultCache {
  get(key: string): string | undefined;
  set(key: string, result: string): void;
}

/** What a stored result holds: the report without the parts that name this run. */
export interface StoredResult<Stats> {
  report: Omit<ScanReport, 'scannedAt' | 'root'>;
  stats: Stats;
  /** Every path the code may read a prompt from, with a hash of the text there (null for none): checked before reuse. */
  promptFiles: Record<string, string | null>;
}

/** Bumped when the stored shape changes, so older entries are never read as newer ones. */
const RESULT_FORMAT = 2;

/** Everything besides the files that decides a scan's report. */
export interface ResultInputs {
  /** Config, rules, tool and extractor versions, catalog (hashes from the scan settings). */
  settings: readonly string[];
  shouldExtractAll: boolean;
  /** Says which CODEOWNERS (if any) and which subfolder decided the owners. */
  owners: string;
  history: RepoHistory | undefined;
  diagnostics: readonly Diagnostic[];
}

/**
 * The key of a scan's whole result: its inputs and every discovered file by path, size and git
 * blob id. Files whose id is not known (outside git, modified or untracked) are read and hashed
 * here, and returned as `read` so a scan that misses does not read them again; when one cannot be
 * read, there is no key and the scan runs in full.
 */
export async function resultKey(
  files: readonly SourceFile[],
  source: FileSource,
  inputs: ResultInputs,
): Promise<{ key: string | undefined; read: Map<string, Uint8Array | Diagnostic> }> {
  const unknown = files.filter((file) => file.blobId === undefined);
  const read = unknown.length === 0 ? new Map<string, Uint8Array | Diagnostic>() : await source.read(unknown);
  return { key: keyOf(files, read, inputs), read };
}

function keyOf(files: readonly SourceFile[], read: Map<string, Uint8Array | Diagnostic>, inputs: ResultInputs): string | undefined {
  const hash = createHash('sha256');
  // A history only matters through its samples: with none, its time decides nothing.
  const history = inputs.history && Object.keys(inputs.history.prompts).length > 0 ? inputs.history : undefined;
  hash.update(JSON.stringify([RESULT_FORMAT, inputs.settings, inputs.shouldExtractAll, inputs.owners, history ?? null, inputs.diagnostics]));
  for (const file of files) {
    let id = file.blobId;
    if (id === undefined) {
      const bytes = read.get(file.path);
      if (!(bytes instanceof Uint8Array)) return undefined;
      id = gitBlobId(bytes);
    }
    hash.update(`\0${file.path}\0${file.size}\0${id}`);
  }
  return hash.digest('hex');
}
