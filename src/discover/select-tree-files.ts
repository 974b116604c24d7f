import type { Diagnostic } from '../model/report.js';
import { type DiscoverOptions, keptPaths, type SourceFile, tooManyFiles } from './discover-files.js';
import { fileTooLarge } from './file-too-large.js';

/** A blob of a git tree, as `git ls-tree -r -l` lists it. */
export interface TreeBlob {
  /** posix, relative to the scan root */
  path: string;
  blobId: string;
  size: number;
  mode: string;
}

const SYMLINK_MODE = '120000';

/**
 * The files of a past commit to scan, chosen by the same rules as {@link discoverFiles} chooses
 * files of the work tree: default skips, the user's ignores, candidates only, size and count
 * limits. Symlinks are left out (git stores only their target path). Pure.
 */
export function selectTreeFiles(blobs: readonly TreeBlob[], options: DiscoverOptions): { files: SourceFile[]; diagnostics: Diagnostic[] } {
  // Candidates first: the test is cheaper than the skips and ignores, and leaves few paths for them.
  const byPath = new Map(blobs.filter((blob) => blob.mode !== SYMLINK_MODE && options.isCandidate(blob.path)).map((blob) => [blob.path, blob]));
  const files: SourceFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const path of keptPaths([...byPath.keys()], options.ignores)) {
    const blob = byPath.get(path)!;
    if (blob.size > options.maxFileSize) {
      diagnostics.push(fileTooLarge(path, blob.size, options.maxFileSize));
      continue;
    }
    if (files.length === options.maxFiles) {
      diagnostics.push(tooManyFiles(options.maxFiles));
      break;
    }
    files.push({ path, blobId: blob.blobId, size: blob.size });
  }
  return { files, diagnostics };
}
