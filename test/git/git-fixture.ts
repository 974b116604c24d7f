import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { gitEnvironment, GitError } from '../../src/git/run-git.js';

/** What {@link commitFiles} writes at a path: text, bytes, a symbolic link, or `null` to delete it. */
export type FileChange = string | Buffer | { symlink: string } | null;

const repos: string[] = [];

/**
 * Creates an empty repository (branch `main`) in a fresh temporary directory, with its real path
 * (no symlinked /tmp), so it compares equal to what git prints. `removeRepos` deletes it.
 */
export function createRepo(): string {
  const repo = realpathSync(mkdtempSync(join(tmpdir(), 'genai-debt-git-')));
  repos.push(repo);
  git(repo, 'init', '-q', '-b', 'main');
  return repo;
}

/** A fresh temporary directory that is not a repository; `removeRepos` deletes it too. */
export function createTempDir(): string {
  const directory = realpathSync(mkdtempSync(join(tmpdir(), 'genai-debt-git-')));
  repos.push(directory);
  return directory;
}

/** Deletes every directory made by `createRepo` and `createTempDir`; call it in `afterAll`. */
export function removeRepos(): void {
  for (const repo of repos.splice(0)) rmSync(repo, { recursive: true, force: true });
}

/**
 * Runs git in `repo` with a fixed identity and without the user's global or system config, so
 * tests behave the same on every machine; pathspecs are literal (file names may hold `*`).
 *
 * @param env - extra variables, such as `GIT_COMMITTER_DATE`
 * @returns stdout without its trailing newline
 */
export function gitWithEnv(repo: string, env: Record<string, string>, ...args: string[]): string {
  const output = execFileSync(
    'git',
    ['-c', 'user.name=T', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', ...args],
    {
      cwd: repo,
      env: gitEnvironment({ GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_LITERAL_PATHSPECS: '1', ...env }),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return output.replace(/\n$/, '');
}

/** {@link gitWithEnv} without extra variables: `git(repo, 'checkout', '-q', '--detach')`. */
export function git(repo: string, ...args: string[]): string {
  return gitWithEnv(repo, {}, ...args);
}

/**
 * Writes, links or deletes `files` (posix paths relative to `repo`), stages exactly those paths (on
 * top of anything already staged, such as a `git mv`) and commits with author and committer date
 * `date`.
 *
 * @param date - ISO 8601 time, such as `2026-01-05T12:00:00Z`
 * @returns the new commit's full id
 */
export function commitFiles(repo: string, files: Record<string, FileChange>, date: string, message = `change at ${date}`): string {
  for (const [path, change] of Object.entries(files)) {
    const target = join(repo, path);
    rmSync(target, { force: true });
    if (change === null) continue;
    mkdirSync(dirname(target), { recursive: true });
    if (typeof change === 'object' && !Buffer.isBuffer(change)) symlinkSync(change.symlink, target);
    else writeFileSync(target, change);
  }
  const paths = Object.keys(files);
  if (paths.length > 0) git(repo, 'add', '-A', '--', ...paths);
  gitWithEnv(repo, { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }, 'commit', '-q', '--allow-empty', '-m', message);
  return git(repo, 'rev-parse', 'HEAD');
}

/** The SHA-1 object id git gives a blob with these contents (`git hash-object`). */
export function blobIdOf(contents: string | Buffer): string {
  const bytes = typeof contents === 'string' ? Buffer.from(contents, 'utf8') : contents;
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** Awaits `promise`, expecting it to reject with a GitError whose message is exactly `message`. */
export async function expectGitError(promise: Promise<unknown>, message: string): Promise<GitError> {
  const error = await promise.then(
    () => new Error('expected a GitError, but the promise resolved'),
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(GitError);
  expect((error as GitError).message).toBe(message);
  return error as GitError;
}
