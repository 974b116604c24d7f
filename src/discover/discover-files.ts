import { lstatSync as lstat, realpathSync as realpath, type Stats, statSync as stat } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import type { Diagnostic } from '../model/report.js';
import { fileTooLarge } from './file-too-large.js';
import { isDefaultSkipped } from './is-default-skipped.js';
import { type GitListedFile, listGitFiles } from './list-git-files.js';
import { unreadable } from './unreadable.js';
import { walkDirectory } from './walk-directory.js';

/** A file chosen for scanning. */
export interface SourceFile {
  /** posix, relative to the scan root */
  path: string;
  /** Set for a file in the work tree. */
  absolutePath?: string;
  /**
   * Its git blob id, when known without reading it: always for a file of a past commit; for a
   * work-tree file, the index's id while git sees the file unchanged.
   */
  blobId?: string;
  size: number;
}

export interface DiscoverOptions {
  /** which relative posix paths are candidates (the caller decides extensions), e.g. p => /\.(ts|tsx|js)$/.test(p) */
  isCandidate: (relativePath: string) => boolean;
  /** extra ignore globs from user config (picomatch, matched against the relative posix path; `dir/**` style) */
  ignores: string[];
  /** bytes */
  maxFileSize: number;
  /** stop after this many files, with a 'too-many-files' diagnostic */
  maxFiles: number;
  /** `listGitFiles` of the same root, when the caller started it earlier (the CLI does, before loading the scanner). */
  gitListing?: Promise<GitListedFile[] | undefined>;
}

/** The scan root cannot be scanned at all; the message says what to pass instead. */
export class DiscoveryError extends Error {
  override name = 'DiscoveryError';
}

type Classified = { kind: 'file'; file: SourceFile } | { kind: 'diagnostic'; diagnostic: Diagnostic } | { kind: 'skip' };

const SKIP: Classified = { kind: 'skip' };

// lstat calls in flight at once; bounded so a huge listing does not queue every call up front.
const BATCH_SIZE = 256;

function isInside(directory: string, path: string): boolean {
  const rel = relative(directory, path);
  return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException).code;
}

function warning(code: Diagnostic['code'], path: string, message: string): Classified {
  return { kind: 'diagnostic', diagnostic: { code, severity: 'warning', message, file: path } };
}

/** Throws `DiscoveryError` naming the fix unless `root` is a readable directory. */
export async function assertDirectory(root: string): Promise<void> {
  let stats: Stats;
  try {
    stats = await stat(root);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') throw new DiscoveryError(`Path not found: ${root}. Pass a directory to scan.`);
    throw new DiscoveryError(`Cannot read ${root} (${errorCode(error) ?? String(error)}). Pass a directory you can read.`);
  }
  if (!stats.isDirectory()) {
    throw new DiscoveryError(`Not a directory: ${root}. Pass the directory that contains it; genai-debt scans whole directories.`);
  }
}

/**
 * Decides what a symlink is worth: its target's stats when it is a candidate file inside the root,
 * otherwise a diagnostic or a skip. Symlinked directories are never followed: their contents inside
 * the root are listed under their real paths anyway.
 */
async function classifySymlink(
  path: string,
  absolutePath: string,
  realRoot: string,
  isCandidate: (path: string) => boolean,
): Promise<Classified | { kind: 'target'; stats: Stats }> {
  let target: string;
  let stats: Stats;
  try {
    target = realpath(absolutePath);
    stats = stat(target);
  } catch (error) {
    if (!isCandidate(path)) return SKIP;
    if (errorCode(error) === 'ELOOP') {
      return warning('symlink-loop', path, `Skipped ${path}: it is part of a symlink loop.`);
    }
    if (errorCode(error) === 'ENOENT') {
      return warning('unreadable', path, `Skipped ${path}: it is a symlink to a file that does not exist.`);
    }
    return { kind: 'diagnostic', diagnostic: unreadable(path, error) };
  }
  if (stats.isDirectory()) {
    if (isInside(target, resolve(realRoot, dirname(path)))) {
      return warning('symlink-loop', path, `Skipped ${path}: it links to a directory that contains it, which would loop forever.`);
    }
    if (!isInside(realRoot, target)) {
      return warning('symlink-outside-root', path, `Skipped ${path}: it links to a directory outside the scanned root.`);
    }
    return SKIP;
  }
  if (!isCandidate(path)) return SKIP;
  if (!isInside(realRoot, target)) {
    return warning('symlink-outside-root', path, `Skipped ${path}: it links to a file outside the scanned root.`);
  }
  return { kind: 'target', stats };
}

/** A file git's index knows as a regular file, unchanged on disk: no need to ask the file system. */
function classifyKnown(path: string, absolutePath: string, blobId: string, size: number, options: DiscoverOptions): Classified {
  if (!options.isCandidate(path)) return SKIP;
  if (size > options.maxFileSize) return { kind: 'diagnostic', diagnostic: fileTooLarge(path, size, options.maxFileSize) };
  return { kind: 'file', file: { path, absolutePath, size, blobId } };
}

async function classify(path: string, listed: GitListedFile | undefined, root: string, realRoot: string, options: DiscoverOptions): Promise<Classified> {
  const absolutePath = resolve(root, path);
  const blobId = listed?.blobId;
  if (blobId !== undefined && listed?.size !== undefined) return classifyKnown(path, absolutePath, blobId, listed.size, options);
  let stats: Stats;
  try {
    // Synchronous stat calls: thousands of tiny awaits cost more than the calls themselves.
    stats = lstat(absolutePath);
  } catch (error) {
    // git lists tracked files that were deleted from the work tree.
    if (errorCode(error) === 'ENOENT' || !options.isCandidate(path)) return SKIP;
    return { kind: 'diagnostic', diagnostic: unreadable(path, error) };
  }
  if (stats.isSymbolicLink()) {
    const resolved = await classifySymlink(path, absolutePath, realRoot, options.isCandidate);
    if (resolved.kind !== 'target') return resolved;
    stats = resolved.stats;
  } else if (!options.isCandidate(path)) {
    return SKIP;
  }
  // Directories here are submodules or nested repositories listed by git; sockets and fifos are not source.
  if (!stats.isFile()) return SKIP;
  if (stats.size > options.maxFileSize) {
    return { kind: 'diagnostic', diagnostic: fileTooLarge(path, stats.size, options.maxFileSize) };
  }
  return { kind: 'file', file: { path, absolutePath, size: stats.size, ...(blobId === undefined ? {} : { blobId }) } };
}

/** Paths left after the default skips and the user's ignores, sorted. */
export function keptPaths(paths: readonly string[], ignores: readonly string[]): string[] {
  const isUserIgnored = ignores.length > 0 ? picomatch([...ignores], { dot: true }) : () => false;
  return paths.filter((path) => !isDefaultSkipped(path) && !isUserIgnored(path)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function tooManyFiles(maxFiles: number): Diagnostic {
  return {
    code: 'too-many-files',
    severity: 'warning',
    message: `Found more than ${maxFiles} files to scan; scanned the first ${maxFiles} by path. Add ignores or raise maxFiles in genai-debt.config.yaml.`,
  };
}

/**
 * Finds the files to scan under `root`: git's view of the work tree when `root` is inside one
 * (tracked plus untracked-but-not-ignored files, with the index's blob id of each file git sees
 * unchanged), otherwise a walk that honours `.gitignore` files.
 * Dependencies, build output, generated and minified files and lockfiles are always skipped, then
 * the user's ignore globs, then whatever `isCandidate` rejects. Never throws for a single bad file.
 *
 * @param root - the directory to scan
 * @returns the files sorted by path, and diagnostics for files that were skipped for a reason the user should know
 * @throws {DiscoveryError} when `root` does not exist or is not a directory
 */
export async function discoverFiles(
  root: string,
  options: DiscoverOptions,
): Promise<{ files: SourceFile[]; diagnostics: Diagnostic[] }> {
  await assertDirectory(root);
  const absoluteRoot = resolve(root);
  const realRoot = await realpath(absoluteRoot);

  const diagnostics: Diagnostic[] = [];
  const listed = await (options.gitListing ?? listGitFiles(absoluteRoot));
  let paths: string[];
  if (listed === undefined) {
    const walked = await walkDirectory(absoluteRoot, options.isCandidate);
    paths = walked.paths;
    diagnostics.push(...walked.diagnostics);
  } else {
    paths = listed.map((file) => file.path);
  }
  const known = new Map(listed?.map((file) => [file.path, file]));

  const kept = keptPaths(paths, options.ignores);

  const files: SourceFile[] = [];
  for (let start = 0; start < kept.length; start += BATCH_SIZE) {
    const batch = kept.slice(start, start + BATCH_SIZE);
    const results = await Promise.all(batch.map((path) => classify(path, known.get(path), absoluteRoot, realRoot, options)));
    for (const result of results) {
      if (result.kind === 'diagnostic') {
        diagnostics.push(result.diagnostic);
      } else if (result.kind === 'file') {
        if (files.length === options.maxFiles) {
          diagnostics.push(tooManyFiles(options.maxFiles));
          return { files, diagnostics };
        }
        files.push(result.file);
      }
    }
  }
  return { files, diagnostics };
}
