import { readFileSync } from 'node:fs';
import type { SourceFile } from '../discover/discover-files.js';
import { unreadable } from '../discover/unreadable.js';
import type { BlobReader } from '../git/blob-reader.js';
import type { Diagnostic } from '../model/report.js';

/** Where file contents come from: the work tree, or git objects of a past commit. */
export interface FileSource {
  /** The bytes of each file by path, or the diagnostic saying why it cannot be read. */
  read(files: readonly SourceFile[]): Promise<Map<string, Uint8Array | Diagnostic>>;
}

/** Files on disk (`SourceFile.absolutePath`). */
export const diskSource: FileSource = {
  async read(files) {
    const result = new Map<string, Uint8Array | Diagnostic>();
    for (const file of files) {
      try {
        // Synchronous on purpose: thousands of small awaited reads cost more than the reads.
        result.set(file.path, readFileSync(file.absolutePath!));
      } catch (error) {
        result.set(file.path, unreadable(file.path, error));
      }
    }
    return result;
  },
};

/** Blobs of a git repository (`SourceFile.blobId`), read through one `git cat-file --batch`. */
export function gitSource(reader: BlobReader): FileSource {
  return {
    async read(files) {
      const blobs = await reader.read(files.map((file) => file.blobId!));
      return new Map(files.map((file) => [file.path, blobs.get(file.blobId!)!]));
    },
  };
}

/**
 * `source`, but the contents in `read` (already read, for the result cache's key) are served
 * from memory, each once, so the extraction does not read those files again.
 */
export function withContents(source: FileSource, read: Map<string, Uint8Array | Diagnostic>): FileSource {
  return {
    async read(files) {
      const missing = files.filter((file) => !read.has(file.path));
      const result = missing.length === 0 ? new Map<string, Uint8Array | Diagnostic>() : await source.read(missing);
      for (const file of files) {
        const content = read.get(file.path);
        if (content === undefined) continue;
        result.set(file.path, content);
        read.delete(file.path);
      }
      return result;
    },
  };
}
