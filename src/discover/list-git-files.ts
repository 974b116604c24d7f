import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

// ls-files of a large monorepo easily exceeds execFile's 1 MB default.
const MAX_LISTING_BYTES = 512 * 1024 * 1024;

/** A path git lists under the root. */
export interface GitListedFile {
  /** posix, relative to the listed root */
  path: string;
  /**
   * The blob id git's index holds for the file, when git sees the file on disk unchanged (tracked,
   * not modified, not a symlink, submodule or conflict): its bytes need not be read to be known.
   */
  blobId?: string;
  /** The size git's index recorded for the file, set with `blobId`: git found the file on disk that size. */
  size?: number;
}

// `git ls-files --stage`: `<mode> SP <object> SP <stage> TAB <path>`.
const STAGE_ENTRY = /^(\d{6}) ([0-9a-f]{40,64}) (\d)\t/;
// `--debug` adds the index's stat data after each entry, one field pair per line: `  size: <n>\tflags: <x>`.
const DEBUG_SIZE = /\n {2}size: (\d+)\t/;
const REGULAR_FILE_MODES = new Set(['100644', '100755']);

async function gitListing(root: string, args: string[]): Promise<string[]> {
  const { stdout } = await execFileAsync('git', ['-C', root, 'ls-files', '-z', ...args, '--', '.'], { maxBuffer: MAX_LISTING_BYTES });
  return stdout.split('\0').filter((entry) => entry !== '');
}

/**
 * `ls-files -z --stage --debug` splits into pieces that each hold the previous entry's stat data
 * and then the next entry; the last piece holds only stat data.
 */
function stagedEntries(pieces: readonly string[]): { entry: string; size?: number }[] {
  const entries: { entry: string; size?: number }[] = [];
  for (const piece of pieces) {
    const start = piece.search(/(?:^|\n)\d{6} /);
    const size = DEBUG_SIZE.exec(`\n${piece.slice(0, start === -1 ? piece.length : start)}`);
    const previous = entries.at(-1);
    if (previous && size) previous.size = Number(size[1]);
    if (start !== -1) entries.push({ entry: piece.slice(start === 0 ? 0 : start + 1) });
  }
  return entries;
}

/**
 * Tracked and untracked-but-not-ignored files under `root`, as git sees them, with the index's blob
 * id of every tracked file git finds unmodified on disk (git compares stat data, and contents when
 * those are racy, so a changed file never keeps a stale id).
 *
 * @param root - directory to list; may be a subdirectory of the work tree
 * @returns paths relative to `root` (possibly including files deleted on disk), or `undefined`
 *   when git is not installed or `root` is not inside a work tree
 */
export async function listGitFiles(root: string): Promise<GitListedFile[] | undefined> {
  let staged: string[];
  let changed: string[];
  try {
    [staged, changed] = await Promise.all([gitListing(root, ['--stage', '--debug']), gitListing(root, ['--modified', '--others', '--exclude-standard'])]);
  } catch {
    return undefined;
  }
  // Modified (or deleted) tracked files and untracked ones: their contents are read. Untracked
  // nested repositories are listed as `dir/`.
  const unknown = new Set(changed.map((path) => path.replace(/\/$/, '')));
  const files = new Map<string, GitListedFile>();
  for (const { entry, size } of stagedEntries(staged)) {
    const match = STAGE_ENTRY.exec(entry);
    if (!match) continue;
    const path = entry.slice(match[0].length);
    const [, mode = '', blobId = '', stage] = match;
    // A conflicted file is listed once per stage; symlinks' blobs hold the target path, not the file.
    const isKnown = stage === '0' && REGULAR_FILE_MODES.has(mode) && !unknown.has(path) && !files.has(path);
    files.set(path, isKnown ? { path, blobId, ...(size === undefined ? {} : { size }) } : { path });
  }
  for (const path of unknown) if (!files.has(path)) files.set(path, { path });
  return [...files.values()];
}
