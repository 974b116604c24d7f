import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { listCommits } from '../../src/git/commits.js';
import { commitTime, gitHead, gitTopLevel, mergeBase, remoteUrl, resolveCommit } from '../../src/git/repository-info.js';
import { commitFiles, createRepo, createTempDir, expectGitError, git, gitWithEnv, removeRepos } from './git-fixture.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

afterAll(removeRepos);

describe('gitTopLevel', () => {
  let repo: string;

  beforeAll(() => {
    repo = createRepo();
    commitFiles(repo, { 'packages/app/index.ts': 'export {};\n' }, '2026-01-05T12:00:00Z');
  });

  it('finds the work tree root from a subdirectory and from a file', async () => {
    expect(await gitTopLevel(join(repo, 'packages/app'))).toBe(repo);
    expect(await gitTopLevel(join(repo, 'packages/app/index.ts'))).toBe(repo);
  });

  it('returns undefined outside a work tree and for a missing path', async () => {
    vi.stubEnv('GIT_CEILING_DIRECTORIES', tmpdir());
    expect(await gitTopLevel(createTempDir())).toBeUndefined();
    expect(await gitTopLevel(join(repo, 'missing'))).toBeUndefined();
  });
});

describe('gitHead, resolveCommit and commitTime', () => {
  let repo: string;
  let first: string;
  let second: string;

  beforeAll(() => {
    repo = createRepo();
    first = commitFiles(repo, { 'a.ts': '1\n' }, '2026-01-05T12:00:00Z');
    second = commitFiles(repo, { 'a.ts': '2\n' }, '2026-01-06T08:30:00Z');
    git(repo, 'tag', '-a', 'v1', '-m', 'release', first);
  });

  it('reads the branch, commit and committer time of HEAD', async () => {
    expect(await gitHead(repo)).toEqual({ commit: second, branch: 'main', time: new Date('2026-01-06T08:30:00Z') });
  });

  it('reads a branch name with a slash', async () => {
    git(repo, 'checkout', '-q', '-b', 'feature/summaries');
    try {
      expect(await gitHead(repo)).toEqual({ commit: second, branch: 'feature/summaries', time: new Date('2026-01-06T08:30:00Z') });
    } finally {
      git(repo, 'checkout', '-q', 'main');
    }
  });

  it('leaves the branch out when HEAD is detached', async () => {
    git(repo, 'checkout', '-q', '--detach', first);
    try {
      const head = await gitHead(repo);
      expect(head).toEqual({ commit: first, time: new Date('2026-01-05T12:00:00Z') });
      expect(head).not.toHaveProperty('branch');
    } finally {
      git(repo, 'checkout', '-q', 'main');
    }
  });

  it('returns undefined for a repository without commits', async () => {
    expect(await gitHead(createRepo())).toBeUndefined();
  });

  it('rejects a path that is not a repository', async () => {
    vi.stubEnv('GIT_CEILING_DIRECTORIES', tmpdir());
    const directory = createTempDir();
    await expectGitError(
      gitHead(directory),
      `git rev-parse failed in ${directory}: fatal: not a git repository (or any of the parent directories): .git. Run it inside a git repository or pass the path of one.`,
    );
  });

  it('resolves branches, relative refs, abbreviated ids and annotated tags to full commit ids', async () => {
    expect(await resolveCommit(repo, 'main')).toBe(second);
    expect(await resolveCommit(repo, 'HEAD~1')).toBe(first);
    expect(await resolveCommit(repo, first.slice(0, 10))).toBe(first);
    expect(await resolveCommit(repo, 'v1')).toBe(first);
  });

  it('names a ref that does not exist', async () => {
    await expectGitError(
      resolveCommit(repo, 'nope'),
      `git rev-parse failed in ${repo}: ref "nope" does not exist or does not point to a commit. Check the ref name, or fetch it first.`,
    );
  });

  it('rejects a ref that git would read as an option', async () => {
    const message = 'must be non-empty, must not start with "-" and must be one line. Pass a branch, tag or commit id.';
    await expectGitError(resolveCommit(repo, '-x'), `invalid ref "-x": a ref ${message}`);
    await expectGitError(resolveCommit(repo, '--output=/tmp/x'), `invalid ref "--output=/tmp/x": a ref ${message}`);
    await expectGitError(resolveCommit(repo, ''), `invalid ref "": a ref ${message}`);
    await expectGitError(commitTime(repo, '-x'), `invalid commit "-x": a commit ${message}`);
  });

  it('reads the committer time, not the author time', async () => {
    const repo = createRepo();
    commitFiles(repo, { 'a.ts': '1\n' }, '2026-01-05T12:00:00Z');
    const dates = { GIT_AUTHOR_DATE: '2020-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2026-01-07T09:15:00Z' };
    gitWithEnv(repo, dates, 'commit', '-q', '--allow-empty', '-m', 'rebased');
    expect(await commitTime(repo, 'HEAD')).toEqual(new Date('2026-01-07T09:15:00Z'));
    expect(await commitTime(repo, 'HEAD~1')).toEqual(new Date('2026-01-05T12:00:00Z'));
  });

  it('reads the time of an annotated tag\'s commit', async () => {
    expect(await commitTime(repo, 'v1')).toEqual(new Date('2026-01-05T12:00:00Z'));
  });
});

describe('mergeBase', () => {
  it('finds the commit a branch forked from', async () => {
    const repo = createRepo();
    const base = commitFiles(repo, { 'a.ts': 'base\n' }, '2026-01-05T12:00:00Z');
    commitFiles(repo, { 'a.ts': 'main\n' }, '2026-01-06T12:00:00Z');
    git(repo, 'checkout', '-q', '-b', 'feature', base);
    commitFiles(repo, { 'b.ts': 'feature\n' }, '2026-01-07T12:00:00Z');
    expect(await mergeBase(repo, 'main', 'feature')).toBe(base);
    expect(await mergeBase(repo, 'feature', 'main')).toBe(base);
  });

  it('says when two histories share no commit', async () => {
    const repo = createRepo();
    commitFiles(repo, { 'a.ts': 'main\n' }, '2026-01-05T12:00:00Z');
    git(repo, 'checkout', '-q', '--orphan', 'other');
    commitFiles(repo, { 'b.ts': 'other\n' }, '2026-01-06T12:00:00Z');
    await expectGitError(
      mergeBase(repo, 'main', 'other'),
      `git merge-base failed in ${repo}: "main" and "other" have no common ancestor. Compare refs of the same history, or fetch more history if the clone is shallow.`,
    );
  });

  it('names a ref that does not exist', async () => {
    const repo = createRepo();
    commitFiles(repo, { 'a.ts': 'main\n' }, '2026-01-05T12:00:00Z');
    await expectGitError(
      mergeBase(repo, 'main', 'nope'),
      `git rev-parse failed in ${repo}: ref "nope" does not exist or does not point to a commit. Check the ref name, or fetch it first.`,
    );
  });
});

describe('remoteUrl', () => {
  it('returns undefined without remotes', async () => {
    expect(await remoteUrl(createRepo())).toBeUndefined();
  });

  it('prefers origin over remotes added before it', async () => {
    const repo = createRepo();
    git(repo, 'remote', 'add', 'upstream', 'https://github.com/upstream/bot.git');
    expect(await remoteUrl(repo)).toBe('https://github.com/upstream/bot.git');
    git(repo, 'remote', 'add', 'origin', 'git@github.com:acme/bot.git');
    expect(await remoteUrl(repo)).toBe('git@github.com:acme/bot.git');
  });
});

describe('a repository whose log shows signatures', () => {
  it('reads HEAD, commit times and the sampled commits of signed commits with log.showSignature set', async () => {
    const repo = createRepo();
    const key = join(createTempDir(), 'signing-key');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', key]);
    git(repo, 'config', 'gpg.format', 'ssh');
    git(repo, 'config', 'user.signingkey', `${key}.pub`);
    git(repo, 'config', 'log.showSignature', 'true');
    writeFileSync(join(repo, 'a.ts'), 'export const a = 1;\n');
    git(repo, 'add', 'a.ts');
    gitWithEnv(repo, { GIT_AUTHOR_DATE: '2026-01-05T12:00:00Z', GIT_COMMITTER_DATE: '2026-01-05T12:00:00Z' }, '-c', 'commit.gpgsign=true', 'commit', '-q', '-m', 'signed');
    const commit = git(repo, 'rev-parse', 'HEAD');
    // What a plain `git log --format` prints here: a signature line before the formatted one.
    expect(git(repo, 'log', '-1', '--format=%H %ct').split('\n').length).toBeGreaterThan(1);
    const time = new Date('2026-01-05T12:00:00Z');
    expect(await gitHead(repo)).toEqual({ commit, branch: 'main', time });
    expect(await commitTime(repo, commit)).toEqual(time);
    expect(await listCommits(repo, 'main', { since: new Date('2026-01-01T00:00:00Z'), every: 7 * 86_400_000 })).toEqual([{ commit, time }]);
  });
});
