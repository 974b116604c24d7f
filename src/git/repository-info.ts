import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { assertRef, GitError, runGit } from './run-git.js';

/** The commit checked out in a repository. */
export interface GitHead {
  /** Full 40-hex (or 64-hex in SHA-256 repositories) commit id. */
  commit: string;
  /** Current branch name (`main`, `feature/x`); undefined when HEAD is detached. */
  branch?: string;
  /** Committer time of the commit. */
  time: Date;
}

/**
 * The root of the work tree containing `path` (a directory or a file).
 *
 * @returns an absolute path, or undefined when `path` is not inside a work tree (a bare repository
 *   has none), does not exist, or git is not installed
 */
export async function gitTopLevel(path: string): Promise<string | undefined> {
  try {
    const directory = (await stat(path)).isDirectory() ? path : dirname(path);
    const topLevel = (await runGit(directory, ['rev-parse', '--show-toplevel'])).trim();
    return topLevel === '' ? undefined : topLevel;
  } catch {
    return undefined;
  }
}

/**
 * HEAD's commit, committer time and branch.
 *
 * @returns undefined for a repository without commits
 * @throws GitError when `repo` is not a git repository
 */
export async function gitHead(repo: string): Promise<GitHead | undefined> {
  // Commit and time from one command (HEAD cannot move between the two), the branch alongside.
  const [logged, symbolicRef] = await Promise.allSettled([
    runGit(repo, ['log', '-1', '--no-show-signature', '--format=%H %ct', 'HEAD', '--']),
    runGitOrUndefined(repo, ['symbolic-ref', '--quiet', 'HEAD']),
  ]);
  if (logged.status === 'rejected') {
    // git log fails the same way for an unborn branch and for a broken repository: ask which.
    if ((await runGitOrUndefined(repo, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'])) === undefined) return undefined;
    throw logged.reason;
  }
  if (symbolicRef.status === 'rejected') throw symbolicRef.reason;
  const [commit = '', seconds = ''] = logged.value.trim().split(' ');
  const time = dateFromUnixSeconds(seconds, `git log in ${repo}`);
  const branch = symbolicRef.value?.startsWith('refs/heads/') ? symbolicRef.value.slice('refs/heads/'.length) : undefined;
  return branch === undefined ? { commit, time } : { commit, branch, time };
}

/**
 * The full commit id that `ref` (branch, tag, `HEAD~3`, abbreviated id) names.
 *
 * @throws GitError naming `ref` when it does not exist or does not point to a commit, or starts with `-`
 */
export async function resolveCommit(repo: string, ref: string): Promise<string> {
  assertRef(ref);
  try {
    return (await runGit(repo, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])).trim();
  } catch (error) {
    // `--verify --quiet` exits 1 without a message when the ref does not resolve.
    if (error instanceof GitError && error.exitCode === 1) {
      throw new GitError(
        `git rev-parse failed in ${repo}: ref ${JSON.stringify(ref)} does not exist or does not point to a commit. Check the ref name, or fetch it first.`,
        { exitCode: 1, stderr: error.stderr, cause: error },
      );
    }
    throw error;
  }
}

/**
 * The committer time of a commit.
 *
 * @throws GitError when `commit` does not name a commit
 */
export async function commitTime(repo: string, commit: string): Promise<Date> {
  assertRef(commit, 'commit');
  const output = await runGit(repo, ['log', '-1', '--no-walk', '--no-show-signature', '--format=%ct', '--end-of-options', commit, '--']);
  return dateFromUnixSeconds(output.trim(), `git log in ${repo}`);
}

/**
 * The best common ancestor of two commits (the point a branch forked from, for a merge-base gate).
 *
 * @throws GitError when either ref does not exist or the two histories share no commit
 */
export async function mergeBase(repo: string, a: string, b: string): Promise<string> {
  const [first, second] = await Promise.all([resolveCommit(repo, a), resolveCommit(repo, b)]);
  const base = await runGitOrUndefined(repo, ['merge-base', first, second]);
  if (base === undefined) {
    throw new GitError(
      `git merge-base failed in ${repo}: ${JSON.stringify(a)} and ${JSON.stringify(b)} have no common ancestor. Compare refs of the same history, or fetch more history if the clone is shallow.`,
      { exitCode: 1 },
    );
  }
  return base;
}

/**
 * The URL of the `origin` remote, else of the first remote git lists, with `url.*.insteadOf`
 * rewrites applied.
 *
 * @returns undefined when the repository has no remote
 */
export async function remoteUrl(repo: string): Promise<string | undefined> {
  const names = (await runGit(repo, ['remote'])).split('\n').filter((name) => name !== '');
  const name = names.includes('origin') ? 'origin' : names[0];
  if (name === undefined) return undefined;
  return (await runGit(repo, ['remote', 'get-url', '--end-of-options', name])).trim();
}

/**
 * Seconds since the epoch as a Date.
 *
 * @throws GitError when `text` is not a number (git printed something unexpected)
 */
export function dateFromUnixSeconds(text: string, source: string): Date {
  if (!/^-?\d+$/.test(text)) throw new GitError(`${source} printed ${JSON.stringify(text)} where a Unix time was expected. Check the git version.`);
  return new Date(Number(text) * 1000);
}

/** stdout of a command, or undefined when git exits 1 (its "no such thing" answer for these commands). */
async function runGitOrUndefined(repo: string, args: string[]): Promise<string | undefined> {
  try {
    const output = (await runGit(repo, args)).trim();
    return output === '' ? undefined : output;
  } catch (error) {
    if (error instanceof GitError && error.exitCode === 1) return undefined;
    throw error;
  }
}

/**
 * The default branch of the `origin` remote (`main`), as `refs/remotes/origin/HEAD` records it.
 *
 * @returns undefined when the clone does not record it (set it with `git remote set-head origin --auto`)
 */
export async function remoteDefaultBranch(repo: string): Promise<string | undefined> {
  const ref = await runGitOrUndefined(repo, ['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD']);
  return ref?.startsWith('refs/remotes/origin/') ? ref.slice('refs/remotes/origin/'.length) : undefined;
}
