import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runGit } from '../../src/git/run-git.js';
import { commitFiles, createRepo, createTempDir, expectGitError, removeRepos } from './git-fixture.js';

let repo: string;

beforeAll(() => {
  repo = createRepo();
  commitFiles(repo, { 'README.md': 'hello\n' }, '2026-01-05T12:00:00Z', 'first');
});

afterEach(() => {
  vi.unstubAllEnvs();
});

afterAll(removeRepos);

describe('runGit', () => {
  it('returns stdout as UTF-8', async () => {
    expect(await runGit(repo, ['log', '-1', '--format=%s|%ct'])).toBe(`first|${Date.parse('2026-01-05T12:00:00Z') / 1000}\n`);
  });

  it('runs git with the C locale and without terminal prompts', async () => {
    vi.stubEnv('LC_ALL', 'de_DE.UTF-8');
    const env = await runGit(repo, ['-c', 'alias.env=!env', 'env']);
    expect(env.split('\n')).toEqual(expect.arrayContaining(['LC_ALL=C', 'GIT_TERMINAL_PROMPT=0']));
  });

  it('names the command, the directory, git\'s message and the fix for a bad revision', async () => {
    await expectGitError(
      runGit(repo, ['log', 'nope']),
      `git log failed in ${repo}: fatal: ambiguous argument 'nope': unknown revision or path not in the working tree. Check that the ref exists.`,
    );
    await expectGitError(
      runGit(repo, ['log', '--end-of-options', 'nope', '--']),
      `git log failed in ${repo}: fatal: bad revision 'nope'. Check that the ref exists.`,
    );
  });

  it('rejects with a GitError carrying the exit code and stderr', async () => {
    const error = await expectGitError(
      runGit(repo, ['rev-parse', '--verify', 'nope']),
      `git rev-parse failed in ${repo}: fatal: Needed a single revision. Check that the ref exists.`,
    );
    expect(error.name).toBe('GitError');
    expect(error.exitCode).toBe(128);
    expect(error.stderr).toBe('fatal: Needed a single revision\n');
  });

  it('says the directory does not exist rather than blaming git', async () => {
    const missing = join(createTempDir(), 'missing');
    await expectGitError(
      runGit(missing, ['status']),
      `git status failed: the directory ${missing} does not exist. Pass the path of a git repository.`,
    );
  });

  it('says git is not installed when it is not on PATH', async () => {
    vi.stubEnv('PATH', createTempDir());
    await expectGitError(
      runGit(repo, ['status']),
      `git status failed in ${repo}: git is not installed or not on PATH. Install git and try again.`,
    );
  });

  it('kills git after the timeout', async () => {
    await expectGitError(
      runGit(repo, ['-c', 'alias.slow=!sleep 1', 'slow'], { timeoutMs: 100 }),
      `git slow timed out after 0.1 s in ${repo}. Check that the repository is local and not locked, or pass a longer timeout.`,
    );
  });

  it('rejects output larger than maxBuffer', async () => {
    await expectGitError(
      runGit(repo, ['log', '--format=%H'], { maxBuffer: 10 }),
      `git log failed in ${repo}: its output exceeded 10 bytes. Pass a larger maxBuffer.`,
    );
  });
});
