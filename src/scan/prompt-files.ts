import { createHash } from 'node:crypto';
import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeSource } from '../discover/read-source.js';
import type { BlobReader } from '../git/blob-reader.js';
import type { TreeEntry } from '../git/tree.js';

/** Where prompt files are read from: the scanned folder on disk, or a commit's tree (paths relative to the scanned folder). */
export type PromptFileOrigin = { root: string } | { tree: readonly TreeEntry[]; reader: BlobReader };

/**
 * Reads the prompt files the code names (repository paths), as texts. A path that is missing, a
 * symbolic link, larger than `maxFileSize`, binary or not UTF-8 is left out: the prompt is then
 * not measured, as one built at run time is not.
 */
export async function readPromptFiles(paths: readonly string[], origin: PromptFileOrigin, maxFileSize: number): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  const keep = (path: string, bytes: Uint8Array) => {
    const decoded = decodeSource(path, bytes, maxFileSize);
    if (decoded.ok) texts.set(path, decoded.text);
  };
  if ('root' in origin) {
    for (const path of paths) {
      const absolute = join(origin.root, path);
      try {
        const stat = lstatSync(absolute);
        if (stat.isFile() && stat.size <= maxFileSize) keep(path, readFileSync(absolute));
      } catch {
        // Missing: the path was one of the places the file may be.
      }
    }
    return texts;
  }
  const byPath = new Map(origin.tree.filter((entry) => entry.mode !== '120000' && entry.size <= maxFileSize).map((entry) => [entry.path, entry.blobId]));
  const wanted = paths.flatMap((path) => {
    const blobId = byPath.get(path);
    return blobId === undefined ? [] : [{ path, blobId }];
  });
  if (wanted.length === 0) return texts;
  const blobs = await origin.reader.read(wanted.map(({ blobId }) => blobId));
  for (const { path, blobId } of wanted) {
    const bytes = blobs.get(blobId);
    if (bytes) keep(path, bytes);
  }
  return texts;
}

/**
 * What a stored result depends on besides the scanned source files: every path the code may read
 * a prompt from, with a hash of the text found there (null for none). A stored result is reused
 * only while {@link readPromptFiles} finds the same.
 */
export function promptFileState(paths: readonly string[], texts: ReadonlyMap<string, string>): Record<string, string | null> {
  return Object.fromEntries(paths.map((path) => {
    const text = texts.get(path);
    return [path, text === undefined ? null : createHash('sha256').update(text).digest('hex')];
  }));
}
