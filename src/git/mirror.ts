import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { resolveCommit } from './repository-info.js';
import { firstLine, GitError, runGit } from './run-git.js';

/** How long one fetch (or the first one, which copies the whole history) may take: ten minutes. */
const FETCH_TIMEOUT_MS = 10 * 60_000;

/** Transports a mirror may use, also after a redirect or an `insteadOf` rewrite: never `ext::` or `fd::`. */
const ALLOWED_PROTOCOLS = 'https:ssh:file';

/** Options of {@link updateMirror}. */
export interface MirrorOptions {
  /** Milliseconds one git command talking to the remote may take; default ten minutes. */
  timeoutMs?: number;
}

/** What {@link updateMirror} did. */
export interface MirrorUpdate {
  /** True when the mirror was created by this call (a first fetch of the whole history). */
  isNew: boolean;
  /** The remote's default branch, as its `HEAD` names it; undefined when it names none. */
  defaultBranch?: string;
}

/**
 * `url` without a password or token (`https://user:secret@host/x` → `https://user@host/x`), for
 * messages and pages.
 */
export function redactUrl(url: string): string {
  return url.replace(/^(https?:\/\/|ssh:\/\/)([^/@:]*):[^/@]*@/, '$1$2@');
}

/**
 * Brings the bare mirror `dir` of `url` up to date: created on the first call (`git init --bare`,
 * then a fetch of every branch, renamed into place only when complete, so an interrupted first fetch
 * leaves no half mirror), fetched with `--prune` afterwards, never cloned again. Branches of the
 * remote become `refs/heads/*` of the mirror; tags and other refs (pull requests) are not fetched.
 *
 * @throws GitError with a one-line message naming the URL (its password removed) and git's reason
 */
export async function updateMirror(url: string, dir: string, options: MirrorOptions = {}): Promise<MirrorUpdate> {
  assertRemoteUrl(url);
  const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS;
  const isNew = !(await isBareRepository(dir));
  if (isNew) {
    if (await exists(dir)) {
      throw new GitError(`the mirror folder ${dir} exists but is not a bare git repository. Delete it; the next run fetches the repository again.`);
    }
    const partial = `${dir}.partial-${process.pid}`;
    await rm(partial, { recursive: true, force: true });
    await mkdir(dirname(dir), { recursive: true });
    await runGit(dirname(dir), ['init', '--bare', '--quiet', '--', partial]);
    await runGit(partial, ['config', 'remote.origin.url', url]);
    await runGit(partial, ['config', 'remote.origin.fetch', '+refs/heads/*:refs/heads/*']);
    try {
      await fetchOrigin(partial, url, timeoutMs);
    } catch (error) {
      await rm(partial, { recursive: true, force: true });
      throw error;
    }
    await rename(partial, dir);
  } else {
    await fetchOrigin(dir, url, timeoutMs);
  }
  const defaultBranch = await remoteDefaultBranchOf(dir, url, timeoutMs);
  // The mirror's HEAD follows the remote's, so the mirror answers for its default branch offline too.
  if (defaultBranch !== undefined) await runGit(dir, ['symbolic-ref', 'HEAD', `refs/heads/${defaultBranch}`]);
  return defaultBranch === undefined ? { isNew } : { isNew, defaultBranch };
}

/**
 * The commit branch `branch` points to in `repo` (a mirror or a local clone: `refs/heads/<branch>`).
 *
 * @throws GitError saying the branch does not exist (deleted or renamed) when it does not
 */
export async function branchHead(repo: string, branch: string, shownAs: string): Promise<string> {
  try {
    return await resolveCommit(repo, `refs/heads/${branch}`);
  } catch (error) {
    if (error instanceof GitError && error.exitCode === 1) {
      throw new GitError(`branch ${JSON.stringify(branch)} does not exist in ${shownAs} (deleted or renamed?). Set branch: in the server config to a branch that exists.`, {
        exitCode: 1,
        cause: error,
      });
    }
    throw error;
  }
}

/**
 * Rejects a URL git could read as an option, or one of a transport other than https, ssh or file.
 * The server config checks this too; this check keeps the git layer safe on its own.
 */
export function assertRemoteUrl(url: string): void {
  if (url.startsWith('-') || /[\s\0]/.test(url) || url.includes('::') || !/^(https:\/\/|ssh:\/\/|file:\/\/\/|[A-Za-z0-9._]+@[A-Za-z0-9])/.test(url)) {
    throw new GitError(`refusing to fetch ${JSON.stringify(redactUrl(url))}: expected an https://, ssh://, user@host:path or file:/// URL`);
  }
}

/** Variables of a git process that talks to a remote, beside gitEnvironment's (no prompts): no interactive ssh, only allowed transports. */
function remoteEnvironment(): Record<string, string> {
  return {
    GIT_ALLOW_PROTOCOL: ALLOWED_PROTOCOLS,
    // A password prompt or an unknown host key would wait forever on a server without a terminal.
    GIT_SSH_COMMAND: process.env.GIT_SSH_COMMAND ?? 'ssh -o BatchMode=yes',
  };
}

async function fetchOrigin(dir: string, url: string, timeoutMs: number): Promise<void> {
  try {
    await runGit(dir, ['fetch', '--prune', '--no-tags', '--quiet', 'origin'], { timeoutMs, env: remoteEnvironment() });
  } catch (error) {
    throw remoteError('git fetch', url, error);
  }
}

async function remoteDefaultBranchOf(dir: string, url: string, timeoutMs: number): Promise<string | undefined> {
  let output: string;
  try {
    output = await runGit(dir, ['ls-remote', '--symref', 'origin', 'HEAD'], { timeoutMs, env: remoteEnvironment() });
  } catch (error) {
    throw remoteError('git ls-remote', url, error);
  }
  const match = /^ref: refs\/heads\/(\S+)\tHEAD$/m.exec(output);
  return match?.[1];
}

/** A GitError naming the remote (not the mirror folder) and git's own first line. */
function remoteError(command: string, url: string, error: unknown): GitError {
  if (!(error instanceof GitError)) throw error;
  // git may quote the URL it was given; a password in it never reaches a page or a log.
  const line = firstLine(error.stderr)
    .replace(/^fatal: /, '')
    .replace(/(:\/\/[^/@:\s]*):[^/@\s]*@/g, '$1@');
  const reason = line !== '' ? line : error.message;
  return new GitError(`${command} of ${redactUrl(url)} failed: ${reason}`, { exitCode: error.exitCode, stderr: error.stderr, cause: error });
}

async function isBareRepository(dir: string): Promise<boolean> {
  if (!(await exists(dir))) return false;
  try {
    return (await runGit(dir, ['rev-parse', '--is-bare-repository'])).trim() === 'true';
  } catch {
    return false;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
