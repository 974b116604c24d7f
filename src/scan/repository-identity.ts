import { stat } from 'node:fs/promises';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { repoNameFromRemote } from '../git/repo-name.js';
import { type GitHead, gitHead, gitTopLevel, remoteUrl } from '../git/repository-info.js';
import { renamesBetween } from '../git/tree.js';

/** Which repository a scanned folder belongs to, so scans from any checkout share one history. */
export interface RepositoryIdentity {
  /** Stable name: `--repo-name`, else from the git remote (`github.com/acme/bot`), else the folder name; plus the subfolder when one was scanned. */
  name: string;
  /** The work tree's top-level folder; undefined outside git. */
  top?: string;
  /** The scanned folder relative to `top` (posix; '' for the whole repository). */
  subdir: string;
  /** The checked-out commit; undefined outside git or before the first commit. */
  head?: GitHead;
}

export async function identifyRepository(path: string, nameOverride?: string): Promise<RepositoryIdentity> {
  const root = resolve(path);
  // All at once: git answers from any folder of the work tree. Outside one, the remote and HEAD
  // questions fail, and their answers are not needed.
  const folder = await stat(root).then(
    (stats) => (stats.isDirectory() ? root : dirname(root)),
    () => root,
  );
  const [top, [remoteAnswer, headAnswer]] = await Promise.all([gitTopLevel(root), Promise.allSettled([remoteUrl(folder), gitHead(folder)])]);
  const remote = top === undefined ? undefined : valueOf(remoteAnswer);
  const head = top === undefined ? undefined : valueOf(headAnswer);
  const subdir = top ? relative(top, root).split(sep).join('/') : '';
  const base = remote ? repoNameFromRemote(remote) : basename(top ?? root);
  const name = nameOverride ?? (subdir ? `${base}/${subdir}` : base);
  return { name, top, subdir, ...(head ? { head } : {}) };
}

/** The value of a settled answer, or its error thrown. */
function valueOf<T>(answer: PromiseSettledResult<T>): T {
  if (answer.status === 'rejected') throw answer.reason;
  return answer.value;
}

/**
 * Renames between pairs of commits (relative to the scanned folder `subdir`), looked up ahead of a store transaction (which cannot wait
 * for git). A pair git cannot compare (a commit that is not in this clone) gives no renames. Pairs in
 * `known` (a history run's `renamesAlong`) are not asked of git again.
 */
export async function renamesFor(
  top: string | undefined,
  pairs: [string | undefined, string | undefined][],
  subdir = '',
  known?: ReadonlyMap<string, ReadonlyMap<string, string>>,
): Promise<Map<string, Map<string, string>>> {
  const found = new Map<string, Map<string, string>>();
  if (!top) return found;
  for (const [from, to] of pairs) {
    if (!from || !to || from === to) continue;
    const key = `${from}\0${to}`;
    try {
      found.set(key, renamesUnder(known?.get(key) ?? (await renamesBetween(top, from, to)), subdir));
    } catch {
      // Not comparable here: matching falls back to fingerprints without paths.
    }
  }
  return found;
}

/**
 * Renames git reports (relative to the repository top level) as paths relative to the scanned
 * folder `subdir`; a rename into or out of the folder is not one the folder's findings can follow.
 */
export function renamesUnder(renames: ReadonlyMap<string, string>, subdir: string): Map<string, string> {
  if (subdir === '') return new Map(renames);
  const prefix = `${subdir}/`;
  const under = new Map<string, string>();
  for (const [from, to] of renames) {
    if (from.startsWith(prefix) && to.startsWith(prefix)) under.set(from.slice(prefix.length), to.slice(prefix.length));
  }
  return under;
}
