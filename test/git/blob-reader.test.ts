import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openBlobReader, readFileAt, type BlobReader } from '../../src/git/blob-reader.js';
import { blobIdOf, commitFiles, createRepo, createTempDir, expectGitError, git, removeRepos } from './git-fixture.js';

const text = "export const prompt = 'Summarize the ticket in one sentence.';\n";
const binary = Buffer.from([0x00, 0x01, 0x0a, 0x00, 0xff, 0x0d, 0x0a, 0x00]);
/** 3 MiB with every byte value, newlines and NULs included. */
const large = Buffer.from(Array.from({ length: 3 * 1024 * 1024 }, (_, index) => (index * 7919) % 256));

let repo: string;
let firstCommit: string;
let secondCommit: string;

beforeAll(() => {
  repo = createRepo();
  firstCommit = commitFiles(
    repo,
    { 'src/prompt.ts': text, 'assets/logo.bin': binary, 'empty.txt': '', 'data/large.bin': large, '.github/CODEOWNERS': '* @acme/ai\n' },
    '2026-01-05T12:00:00Z',
  );
  secondCommit = commitFiles(repo, { '.github/CODEOWNERS': null, CODEOWNERS: '* @acme/platform\n' }, '2026-01-06T12:00:00Z');
});

afterEach(() => {
  vi.unstubAllEnvs();
});

afterAll(removeRepos);

describe('openBlobReader', () => {
  let reader: BlobReader;

  beforeAll(() => {
    reader = openBlobReader(repo);
  });

  afterAll(async () => {
    await reader.close();
  });

  it('reads text, binary, empty and multi-megabyte blobs byte for byte', async () => {
    const ids = [blobIdOf(text), blobIdOf(binary), blobIdOf(''), blobIdOf(large)];
    const contents = await reader.read(ids);
    expect([...contents.keys()]).toEqual(ids);
    expect(contents.get(blobIdOf(text))?.toString('utf8')).toBe(text);
    expect(contents.get(blobIdOf(binary))).toEqual(binary);
    expect(contents.get(blobIdOf(''))).toEqual(Buffer.alloc(0));
    expect(contents.get(blobIdOf(large))?.equals(large)).toBe(true);
  });

  it('answers overlapping reads each with its own blobs', async () => {
    const [first, second, third, fourth] = await Promise.all([
      reader.read([blobIdOf(large)]),
      reader.read([blobIdOf(text), blobIdOf(binary)]),
      reader.read([]),
      reader.read([blobIdOf(''), blobIdOf(text), blobIdOf(text)]),
    ]);
    expect(first.size).toBe(1);
    expect(first.get(blobIdOf(large))?.equals(large)).toBe(true);
    expect(second).toEqual(new Map([[blobIdOf(text), Buffer.from(text)], [blobIdOf(binary), binary]]));
    expect(third).toEqual(new Map());
    expect(fourth).toEqual(new Map([[blobIdOf(''), Buffer.alloc(0)], [blobIdOf(text), Buffer.from(text)]]));
  });

  it('rejects a missing id by name and keeps serving other reads', async () => {
    const missing = 'f'.repeat(40);
    const [failed, served] = await Promise.allSettled([reader.read([blobIdOf(text), missing, blobIdOf(large)]), reader.read([blobIdOf(binary)])]);
    expect(failed.status).toBe('rejected');
    await expectGitError(
      Promise.reject((failed as PromiseRejectedResult).reason),
      `git cat-file failed in ${repo}: object ${missing} is missing. Check that the id comes from this repository (a shallow or partial clone may lack it).`,
    );
    expect(served).toEqual({ status: 'fulfilled', value: new Map([[blobIdOf(binary), binary]]) });
    expect(await reader.read([blobIdOf(text)])).toEqual(new Map([[blobIdOf(text), Buffer.from(text)]]));
  });

  it('rejects an object that is not a blob', async () => {
    const tree = git(repo, 'rev-parse', `${firstCommit}^{tree}`);
    await expectGitError(
      reader.read([tree]),
      `git cat-file failed in ${repo}: object ${tree} is a tree, not a blob. Pass blob ids such as TreeEntry.blobId.`,
    );
    expect((await reader.read([blobIdOf('')])).get(blobIdOf(''))).toEqual(Buffer.alloc(0));
  });

  it('rejects an id that would split the request line', async () => {
    await expectGitError(reader.read(['abc\ndef']), 'invalid object id "abc\\ndef": pass blob ids such as TreeEntry.blobId.');
  });
});

describe('a closed or failed blob reader', () => {
  it('finishes reads in flight on close, then rejects new ones', async () => {
    const reader = openBlobReader(repo);
    const inFlight = reader.read([blobIdOf(large)]);
    await reader.close();
    expect((await inFlight).get(blobIdOf(large))?.equals(large)).toBe(true);
    await expectGitError(reader.read([blobIdOf(text)]), `the blob reader of ${repo} is closed. Open a new one with openBlobReader().`);
    await reader.close();
  });

  it('closes without ever starting git', async () => {
    await openBlobReader(repo).close();
  });

  it('rejects reads when git exits, with git\'s message', async () => {
    vi.stubEnv('GIT_CEILING_DIRECTORIES', tmpdir());
    const directory = createTempDir();
    const reader = openBlobReader(directory);
    const message =
      `git cat-file failed in ${directory}: git cat-file exited with code 128: ` +
      'fatal: not a git repository (or any of the parent directories): .git. Run it inside a git repository or pass the path of one.';
    await expectGitError(reader.read([blobIdOf(text)]), message);
    await expectGitError(reader.read([blobIdOf(text)]), message);
    await reader.close();
  });

  it('rejects reads when the directory does not exist', async () => {
    const missing = join(createTempDir(), 'missing');
    const reader = openBlobReader(missing);
    await expectGitError(reader.read([blobIdOf(text)]), `git cat-file failed: the directory ${missing} does not exist. Pass the path of a git repository.`);
    await reader.close();
  });
});

describe('readFileAt', () => {
  it('reads a file at a past commit', async () => {
    expect(await readFileAt(repo, firstCommit, '.github/CODEOWNERS')).toEqual(Buffer.from('* @acme/ai\n'));
    expect(await readFileAt(repo, 'HEAD', 'CODEOWNERS')).toEqual(Buffer.from('* @acme/platform\n'));
    expect(await readFileAt(repo, secondCommit, './assets/logo.bin')).toEqual(binary);
  });

  it('returns undefined for a path missing at that commit, or a directory', async () => {
    expect(await readFileAt(repo, secondCommit, '.github/CODEOWNERS')).toBeUndefined();
    expect(await readFileAt(repo, firstCommit, 'CODEOWNERS')).toBeUndefined();
    expect(await readFileAt(repo, firstCommit, 'src')).toBeUndefined();
  });

  it('names a commit that does not exist', async () => {
    await expectGitError(
      readFileAt(repo, 'nope', 'CODEOWNERS'),
      `git rev-parse failed in ${repo}: ref "nope" does not exist or does not point to a commit. Check the ref name, or fetch it first.`,
    );
  });
});
