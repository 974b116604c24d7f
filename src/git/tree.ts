import { posix } from 'node:path';
import { resolveCommit } from './repository-info.js';
import { assertRef, GitError, runGit } from './run-git.js';

/** A file (blob) in a commit's tree. */
export interface TreeEntry {
  /** Posix path, relative to the repository top level (or to the `subdir` asked for). */
  path: string;
  /** Object id of the contents, for {@link BlobReader}. */
  blobId: string;
  /** Size in bytes. */
  size: number;
  /** Git file mode: `100644` file, `100755` executable, `120000` symbolic link (the blob holds its target). */
  mode: string;
}

const FULL_OBJECT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/**
 * Every file of a commit, read from git objects (no checkout), with paths relative to the
 * repository top level. Submodules are left out; symbolic links are kept with mode `120000` so
 * callers can skip them.
 *
 * @param commit - a ref, or a full commit id (then used as it is: no `git rev-parse` first)
 * @throws GitError when `commit` does not exist
 */
export async function listTree(repo: string, commit: string): Promise<TreeEntry[]> {
  const id = FULL_OBJECT_ID.test(commit) ? commit : await resolveCommit(repo, commit);
  return parseLsTree(await runGit(repo, ['ls-tree', '-r', '-l', '-z', '--full-tree', id]));
}

/**
 * The entries under `subdir` (posix, relative to the top level: `packages/app`), with paths
 * relative to it; none when the subdir is missing or names a file. Pure.
 *
 * @throws GitError when `subdir` leaves the repository
 */
export function entriesUnder(entries: readonly TreeEntry[], subdir: string | undefined): TreeEntry[] {
  const prefix = normalizeSubdir(subdir);
  if (prefix === '') return [...entries];
  const folder = `${prefix}/`;
  return entries.filter((entry) => entry.path.startsWith(folder)).map((entry) => ({ ...entry, path: entry.path.slice(folder.length) }));
}

/**
 * Parses `git ls-tree -r -l -z` output: `<mode> SP <type> SP <id> SP <size> TAB <path> NUL`. Pure.
 *
 * @returns the blob entries (submodule `commit` entries left out)
 */
export function parseLsTree(output: string): TreeEntry[] {
  const entries: TreeEntry[] = [];
  for (const record of output.split('\0')) {
    if (record === '') continue;
    const tab = record.indexOf('\t');
    const [mode = '', type, blobId = '', size = ''] = record.slice(0, tab).split(/ +/);
    if (tab === -1 || type === undefined) throw new GitError(`git ls-tree printed an unexpected line ${JSON.stringify(record)}. Check the git version.`);
    if (type !== 'blob') continue;
    entries.push({ path: record.slice(tab + 1), blobId, size: Number(size), mode });
  }
  return entries;
}

/**
 * Files renamed between two commits (git's rename detection: same or similar contents under a new
 * path), for following a file's findings across history.
 *
 * @returns old path → new path, both relative to the repository top level
 * @throws GitError when either commit does not exist
 */
export async function renamesBetween(repo: string, from: string, to: string): Promise<Map<string, string>> {
  assertRef(from, 'commit');
  assertRef(to, 'commit');
  // diff-tree is the plumbing form of `git diff --name-status`: it ignores porcelain settings such
  // as diff.relative or diff.external that would change the output.
  const output = await runGit(repo, ['diff-tree', '-r', '--find-renames', '--name-status', '-z', '--end-of-options', from, to, '--']);
  return parseRenames(output);
}

/**
 * Renames between each pair of commits, from one `git diff-tree --stdin` for all of them: a history
 * run compares every sampled commit with the one before, and a git process per pair costs more
 * than the comparison.
 *
 * @param pairs - `[from, to]` full commit ids; each `to` at most once (later ones are left out)
 * @returns `${from}\0${to}` → old path → new path (relative to the top level), for every pair; none
 *   for a pair naming a commit git does not have (it skips that line)
 * @throws GitError when git fails
 */
export async function renamesAlong(repo: string, pairs: readonly (readonly [string, string])[]): Promise<Map<string, Map<string, string>>> {
  const fromOf = new Map<string, string>();
  for (const [from, to] of pairs) {
    assertRef(from, 'commit');
    assertRef(to, 'commit');
    if (!fromOf.has(to)) fromOf.set(to, from);
  }
  // `<commit> <parent>` per line: git prints the commit's id, then its changes against the parent.
  const input = [...fromOf].map(([to, from]) => `${to} ${from}\n`).join('');
  const output = await runGit(repo, ['diff-tree', '--stdin', '-r', '--find-renames', '--name-status', '-z'], { input });
  const found = new Map([...fromOf].map(([to, from]) => [`${from}\0${to}`, new Map<string, string>()]));
  for (const [to, changes] of splitByCommit(output)) {
    const from = fromOf.get(to);
    if (from !== undefined) found.set(`${from}\0${to}`, parseRenames(changes));
  }
  return found;
}

/** `diff-tree --stdin -z` output cut at each commit id it prints, which stands where a status would. Pure. */
export function splitByCommit(output: string): Map<string, string> {
  const sections = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const record of nameStatusRecords(output)) {
    if (FULL_OBJECT_ID.test(record[0]!)) sections.set(record[0]!, (current = []));
    else current?.push(...record);
  }
  return new Map([...sections].map(([id, section]) => [id, section.join('\0')]));
}

/**
 * The records of `--name-status -z` output, each with its fields: a status and the path it names
 * (two for renames and copies), a commit id `--stdin` prints, or an empty field.
 */
function* nameStatusRecords(output: string): Generator<string[]> {
  const fields = output.split('\0');
  let index = 0;
  while (index < fields.length) {
    const field = fields[index]!;
    const width = field === '' || FULL_OBJECT_ID.test(field) ? 1 : field.startsWith('R') || field.startsWith('C') ? 3 : 2;
    yield fields.slice(index, index + width);
    index += width;
  }
}

/** Parses `--name-status -z` output (`R<score> NUL old NUL new NUL`, `M NUL path NUL`, …) into old → new. Pure. */
export function parseRenames(output: string): Map<string, string> {
  const renames = new Map<string, string>();
  for (const [status, from, to] of nameStatusRecords(output)) {
    if (status!.startsWith('R')) renames.set(from ?? '', to ?? '');
  }
  return renames;
}

function normalizeSubdir(subdir: string | undefined): string {
  if (subdir === undefined) return '';
  const normalized = posix.normalize(subdir).replace(/\/+$/, '');
  if (normalized === '.' || normalized === '') return '';
  if (normalized.startsWith('/') || normalized === '..' || normalized.startsWith('../')) {
    throw new GitError(`invalid subdir ${JSON.stringify(subdir)}: pass a path relative to the repository top level, such as packages/app`);
  }
  return normalized;
}
