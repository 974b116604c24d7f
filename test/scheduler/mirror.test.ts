import { existsSync, readdirSync, statSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { branchHead, redactUrl, updateMirror } from '../../src/git/mirror.js';
import { commitFiles, createRepo, createTempDir, expectGitError, git, removeRepos } from '../git/git-fixture.js';

afterAll(() => removeRepos());

describe('updateMirror', () => {
  it('creates a bare mirror once, then only fetches: new commits arrive, deleted branches go', async () => {
    const origin = createRepo();
    const first = commitFiles(origin, { 'README.md': 'one\n' }, '2026-01-05T12:00:00Z');
    git(origin, 'branch', 'release');
    const mirror = join(createTempDir(), 'mirrors', 'bot.git');

    expect(await updateMirror(`file://${origin}`, mirror)).toEqual({ isNew: true, defaultBranch: 'main' });
    expect(git(mirror, 'rev-parse', '--is-bare-repository')).toBe('true');
    expect(await branchHead(mirror, 'release', 'origin')).toBe(first);
    const inode = statSync(join(mirror, 'objects')).ino;

    const second = commitFiles(origin, { 'README.md': 'two\n' }, '2026-01-06T12:00:00Z');
    git(origin, 'branch', '-D', 'release');
    expect(await updateMirror(`file://${origin}`, mirror)).toEqual({ isNew: false, defaultBranch: 'main' });
    expect(statSync(join(mirror, 'objects')).ino).toBe(inode);
    expect(await branchHead(mirror, 'main', 'origin')).toBe(second);
    await expectGitError(branchHead(mirror, 'release', `file://${origin}`), `branch "release" does not exist in file://${origin} (deleted or renamed?). Set branch: in the server config to a branch that exists.`);
    // Only branches are mirrored: no tags, no remote-tracking refs.
    expect(git(mirror, 'for-each-ref', '--format=%(refname)')).toBe('refs/heads/main');
  });

  it('refuses a URL git would read as an option, before running git', async () => {
    const parent = createTempDir();
    await expectGitError(updateMirror('--upload-pack=touch pwned', join(parent, 'x.git')), 'refusing to fetch "--upload-pack=touch pwned": expected an https://, ssh://, user@host:path or file:/// URL');
    await expectGitError(updateMirror('ext::sh -c touch% pwned', join(parent, 'x.git')), 'refusing to fetch "ext::sh -c touch% pwned": expected an https://, ssh://, user@host:path or file:/// URL');
    expect(readdirSync(parent)).toEqual([]);
  });

  it('leaves no half mirror behind when the first fetch fails', async () => {
    const parent = createTempDir();
    const missing = join(parent, 'nowhere');
    await expectGitError(updateMirror(`file://${missing}`, join(parent, 'mirrors', 'x.git')), `git fetch of file://${missing} failed: '${missing}' does not appear to be a git repository`);
    expect(existsSync(join(parent, 'mirrors', 'x.git'))).toBe(false);
    expect(readdirSync(join(parent, 'mirrors'))).toEqual([]);
  });

  it('names an unreachable https remote without its password', async () => {
    // A port that was free a moment ago: listened on, then closed.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const error = await updateMirror(`https://ci:s3cret@127.0.0.1:${port}/acme/bot.git`, join(createTempDir(), 'x.git')).catch((caught: Error) => caught);
    expect((error as Error).message).toMatch(new RegExp(`^git fetch of https://ci@127\\.0\\.0\\.1:${port}/acme/bot\\.git failed: unable to access 'https://(ci@)?127\\.0\\.0\\.1:${port}/acme/bot\\.git/': `));
    expect((error as Error).message).not.toContain('s3cret');
  });

  it('keeps passwords out of messages', () => {
    expect(redactUrl('https://ci:s3cret@git.example.com/acme/bot.git')).toBe('https://ci@git.example.com/acme/bot.git');
    expect(redactUrl('https://git.example.com/acme/bot.git')).toBe('https://git.example.com/acme/bot.git');
  });
});
