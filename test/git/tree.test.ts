import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entriesUnder, listTree, parseLsTree, parseRenames, renamesAlong, renamesBetween, splitByCommit } from '../../src/git/tree.js';
import { GitError } from '../../src/git/run-git.js';
import { blobIdOf, commitFiles, createRepo, expectGitError, git, removeRepos } from './git-fixture.js';

afterAll(removeRepos);

const files = {
  'README.md': '# Support bot\n',
  'link-to-readme': { symlink: 'README.md' },
  'packages/app/my file.ts': 'export const spaced = 1;\n',
  'packages/app/src/index.ts': "export * from './summarize.js';\n",
  'packages/app/ünïcödé.ts': 'export const unicode = 1;\n',
  'packages/lib/x.ts': 'export const x = 1;\n',
  'src/app.ts': 'console.log(1);\n',
  'weird\nname.txt': 'newline in the name\n',
};

function blob(path: string, contents: string) {
  return { path, blobId: blobIdOf(contents), size: Buffer.byteLength(contents), mode: '100644' };
}

describe('listTree', () => {
  let repo: string;
  let commit: string;

  beforeAll(() => {
    repo = createRepo();
    const sub = createRepo();
    const subCommit = commitFiles(sub, { 'lib.ts': 'x\n' }, '2026-01-04T12:00:00Z');
    // A submodule entry (gitlink) without cloning the submodule.
    git(repo, 'update-index', '--add', '--cacheinfo', `160000,${subCommit},vendor/sub`);
    commit = commitFiles(repo, files, '2026-01-05T12:00:00Z');
  });

  it('lists every blob of a commit with its id, size and mode, skipping submodules', async () => {
    expect(await listTree(repo, commit)).toEqual([
      blob('README.md', '# Support bot\n'),
      { path: 'link-to-readme', blobId: blobIdOf('README.md'), size: 9, mode: '120000' },
      blob('packages/app/my file.ts', 'export const spaced = 1;\n'),
      blob('packages/app/src/index.ts', "export * from './summarize.js';\n"),
      blob('packages/app/ünïcödé.ts', 'export const unicode = 1;\n'),
      blob('packages/lib/x.ts', 'export const x = 1;\n'),
      blob('src/app.ts', 'console.log(1);\n'),
      blob('weird\nname.txt', 'newline in the name\n'),
    ]);
  });

  it('lists the whole tree even when run from a subdirectory of the work tree', async () => {
    const paths = (await listTree(join(repo, 'packages/app'), 'HEAD')).map((entry) => entry.path);
    expect(paths).toEqual([
      'README.md',
      'link-to-readme',
      'packages/app/my file.ts',
      'packages/app/src/index.ts',
      'packages/app/ünïcödé.ts',
      'packages/lib/x.ts',
      'src/app.ts',
      'weird\nname.txt',
    ]);
  });

  it('returns the files under a subdir, relative to it', async () => {
    const expected = [
      blob('my file.ts', 'export const spaced = 1;\n'),
      blob('src/index.ts', "export * from './summarize.js';\n"),
      blob('ünïcödé.ts', 'export const unicode = 1;\n'),
    ];
    const tree = await listTree(repo, commit);
    expect(entriesUnder(tree, 'packages/app')).toEqual(expected);
    expect(entriesUnder(tree, './packages/app/')).toEqual(expected);
    expect(entriesUnder(tree, 'packages/app/src')).toEqual([blob('index.ts', "export * from './summarize.js';\n")]);
  });

  it('returns nothing for a subdir missing at that commit, or naming a file', async () => {
    const tree = await listTree(repo, commit);
    expect(entriesUnder(tree, 'packages/missing')).toEqual([]);
    expect(entriesUnder(tree, 'README.md')).toEqual([]);
  });

  it('lists the whole tree for the subdir "."', async () => {
    expect(entriesUnder(await listTree(repo, commit), '.')).toHaveLength(8);
  });

  it('rejects a subdir outside the repository', async () => {
    const tree = await listTree(repo, commit);
    expect(() => entriesUnder(tree, '../other')).toThrow(
      new GitError('invalid subdir "../other": pass a path relative to the repository top level, such as packages/app'),
    );
    expect(() => entriesUnder(tree, '/etc')).toThrow(
      new GitError('invalid subdir "/etc": pass a path relative to the repository top level, such as packages/app'),
    );
  });

  it('names a commit that does not exist', async () => {
    await expectGitError(
      listTree(repo, 'nope'),
      `git rev-parse failed in ${repo}: ref "nope" does not exist or does not point to a commit. Check the ref name, or fetch it first.`,
    );
  });

  it('takes a full commit id as it is, and fails with git\'s message when it names nothing', async () => {
    expect(await listTree(repo, commit)).toEqual(await listTree(repo, 'HEAD'));
    const missing = 'f'.repeat(40);
    await expect(listTree(repo, missing)).rejects.toThrow(GitError);
    await expect(listTree(repo, missing)).rejects.toThrow(/not a tree object/);
  });
});

describe('parseLsTree', () => {
  it('keeps tabs and spaces inside paths', () => {
    const id = 'a'.repeat(40);
    expect(parseLsTree(`100755 blob ${id}     12\tbin/run\tme.sh\0`)).toEqual([
      { path: 'bin/run\tme.sh', blobId: id, size: 12, mode: '100755' },
    ]);
  });
});

describe('renamesBetween', () => {
  const summarize = [
    "import OpenAI from 'openai';",
    '',
    'const openai = new OpenAI();',
    '',
    'export async function summarizeTicket(text: string) {',
    '  const response = await openai.chat.completions.create({',
    "    model: 'gpt-4o-mini',",
    "    messages: [{ role: 'user', content: text }],",
    '  });',
    '  return response.choices[0]?.message.content;',
    '}',
    '',
  ].join('\n');

  let repo: string;
  let before: string;
  let after: string;

  beforeAll(() => {
    repo = createRepo();
    before = commitFiles(repo, { 'src/summarize.ts': summarize, 'src/other.ts': 'export const other = 1;\n' }, '2026-01-05T12:00:00Z');
    mkdirSync(join(repo, 'src/tickets'));
    git(repo, 'mv', 'src/summarize.ts', 'src/tickets/summarize ticket.ts');
    after = commitFiles(
      repo,
      {
        'src/tickets/summarize ticket.ts': summarize.replace("'gpt-4o-mini'", "'gpt-4.1-mini'"),
        'src/other.ts': 'export const other = 2;\n',
        'src/new.ts': 'export const added = 1;\n',
      },
      '2026-01-06T12:00:00Z',
    );
  });

  it('maps the old path of a moved and edited file to its new path', async () => {
    expect(await renamesBetween(repo, before, after)).toEqual(new Map([['src/summarize.ts', 'src/tickets/summarize ticket.ts']]));
  });

  it('maps nothing between a commit and itself', async () => {
    expect(await renamesBetween(repo, after, after)).toEqual(new Map());
  });

  it('names a commit that does not exist', async () => {
    await expectGitError(
      renamesBetween(repo, before, 'nope'),
      `git diff-tree failed in ${repo}: fatal: bad revision 'nope'. Check that the ref exists.`,
    );
  });
});

describe('renamesAlong', () => {
  it('finds the renames of every pair with one git process, as renamesBetween does pair by pair', async () => {
    const repo = createRepo();
    const first = commitFiles(repo, { 'src/a.ts': 'export const a = 1;\n', 'src/b.ts': 'export const b = 2;\n' }, '2026-01-05T12:00:00Z');
    git(repo, 'mv', 'src/a.ts', 'src/moved a.ts');
    const second = commitFiles(repo, {}, '2026-01-06T12:00:00Z');
    const third = commitFiles(repo, {}, '2026-01-07T12:00:00Z');
    mkdirSync(join(repo, 'lib'));
    git(repo, 'mv', 'src/b.ts', 'lib/b.ts');
    const fourth = commitFiles(repo, { 'src/c.ts': 'export const c = 1;\n' }, '2026-01-08T12:00:00Z');
    const pairs = [
      [first, second],
      [second, third],
      [third, fourth],
    ] as const;
    const along = await renamesAlong(repo, pairs);
    expect(along).toEqual(new Map([[`${first}\0${second}`, new Map([['src/a.ts', 'src/moved a.ts']])], [`${second}\0${third}`, new Map()], [`${third}\0${fourth}`, new Map([['src/b.ts', 'lib/b.ts']])]]));
    for (const [from, to] of pairs) expect(along.get(`${from}\0${to}`)).toEqual(await renamesBetween(repo, from, to));
    // git skips a line naming a commit it does not have: that pair has no renames, as renamesFor gives for a pair renamesBetween fails on.
    const missing = 'f'.repeat(40);
    expect(await renamesAlong(repo, [[first, missing]])).toEqual(new Map([[`${first}\0${missing}`, new Map()]]));
  });
});

describe('splitByCommit', () => {
  it('cuts diff-tree --stdin output at the commit ids it prints', () => {
    const a = 'a'.repeat(40);
    const b = 'b'.repeat(40);
    const output = [a, 'M', 'x.ts', 'R100', 'old.ts', 'new.ts', b, 'D', 'gone.ts', ''].join('\0');
    expect(splitByCommit(output)).toEqual(
      new Map([
        [a, ['M', 'x.ts', 'R100', 'old.ts', 'new.ts'].join('\0')],
        [b, ['D', 'gone.ts', ''].join('\0')],
      ]),
    );
  });
});

describe('parseRenames', () => {
  it('reads renames among other statuses and ignores copies', () => {
    const output = ['M', 'a.ts', 'R087', 'old.ts', 'new.ts', 'C100', 'x.ts', 'y.ts', 'D', 'gone.ts', 'A', 'n\new.ts', ''].join('\0');
    expect(parseRenames(output)).toEqual(new Map([['old.ts', 'new.ts']]));
  });
});
