import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DiscoveryError, discoverFiles, type DiscoverOptions } from '../../src/discover/discover-files.js';
import { gitBlobId } from '../../src/scan/extraction-cache.js';
import { git, makeTempTree, removeTempTrees } from './temp-tree.js';

const MB = 1024 * 1024;

const options: DiscoverOptions = {
  isCandidate: (path) => /\.(ts|tsx|js|mjs|cjs)$/.test(path),
  ignores: [],
  maxFileSize: MB,
  maxFiles: 1000,
};

async function discoveredPaths(root: string, overrides: Partial<DiscoverOptions> = {}): Promise<string[]> {
  const { files } = await discoverFiles(root, { ...options, ...overrides });
  return files.map((file) => file.path);
}

type Mode = 'git' | 'walk';

/** Makes `root` a git work tree, or keeps git from finding any repository above it. */
function useMode(mode: Mode, root: string): void {
  if (mode === 'git') git(root, 'init', '-q');
  else vi.stubEnv('GIT_CEILING_DIRECTORIES', tmpdir());
}

afterEach(async () => {
  vi.unstubAllEnvs();
  await removeTempTrees();
});

describe('discoverFiles in a git work tree', () => {
  let root: string;

  beforeEach(async () => {
    root = await makeTempTree({
      '.gitignore': 'ignored.ts\nlogs/\n',
      'a.ts': 'export const a = 1;\n',
      'src/b.ts': 'export const b = 2;\n',
      'deleted.ts': 'export const gone = 0;\n',
    });
    git(root, 'init', '-q');
    git(root, 'add', '.');
    git(root, 'commit', '-q', '-m', 'init');
    await rm(join(root, 'deleted.ts'));
    await writeFile(join(root, 'untracked.ts'), 'export const c = 3;\n');
    await writeFile(join(root, 'ignored.ts'), 'export const secret = 4;\n');
    await writeFile(join(root, '.git/info/exclude'), 'excluded-locally.ts\n');
    await writeFile(join(root, 'excluded-locally.ts'), 'export const mine = 6;\n');
    await mkdir(join(root, 'logs'));
    await writeFile(join(root, 'logs/debug.ts'), 'export const log = 5;\n');
  });

  const blobOf = (text: string) => gitBlobId(new TextEncoder().encode(text));

  it('lists tracked and untracked files, honours .gitignore and .git/info/exclude and leaves out files deleted from disk', async () => {
    expect(await discoverFiles(root, options)).toEqual({
      files: [
        { path: 'a.ts', absolutePath: join(root, 'a.ts'), size: 20, blobId: blobOf('export const a = 1;\n') },
        { path: 'src/b.ts', absolutePath: join(root, 'src/b.ts'), size: 20, blobId: blobOf('export const b = 2;\n') },
        { path: 'untracked.ts', absolutePath: join(root, 'untracked.ts'), size: 20 },
      ],
      diagnostics: [],
    });
  });

  it('lists paths relative to a root that is a subdirectory of the repository', async () => {
    expect(await discoverFiles(join(root, 'src'), options)).toEqual({
      files: [{ path: 'b.ts', absolutePath: join(root, 'src/b.ts'), size: 20, blobId: blobOf('export const b = 2;\n') }],
      diagnostics: [],
    });
  });

  it('gives a file modified on disk no blob id, so its contents are read', async () => {
    await writeFile(join(root, 'a.ts'), 'export const a = 10;\n');
    await writeFile(join(root, 'src/b.ts'), 'export const b = 3;\n');
    const { files } = await discoverFiles(root, options);
    expect(files.map(({ path, blobId }) => ({ path, blobId }))).toEqual([
      { path: 'a.ts', blobId: undefined },
      { path: 'src/b.ts', blobId: undefined },
      { path: 'untracked.ts', blobId: undefined },
    ]);
  });

  it('takes the size of an unchanged tracked file from the index and of a changed one from the disk', async () => {
    await writeFile(join(root, 'big.ts'), 'x'.repeat(2 * MB));
    await writeFile(join(root, 'grows.ts'), 'x');
    await writeFile(join(root, 'odd name ü\n.ts'), 'export const odd = 1;\n');
    git(root, 'add', '.');
    git(root, 'commit', '-q', '-m', 'more');
    await writeFile(join(root, 'grows.ts'), 'x'.repeat(3 * MB));
    const { files, diagnostics } = await discoverFiles(root, options);
    expect(files.find((file) => file.path.startsWith('odd'))).toEqual({
      path: 'odd name ü\n.ts',
      absolutePath: join(root, 'odd name ü\n.ts'),
      size: 22,
      blobId: blobOf('export const odd = 1;\n'),
    });
    expect(diagnostics.map(({ file, message }) => ({ file, message }))).toEqual([
      { file: 'big.ts', message: 'Skipped big.ts: 2.1 MB exceeds the 1 MB limit. Raise maxFileSize in genai-debt.config.yaml or add the file to ignores.' },
      { file: 'grows.ts', message: 'Skipped grows.ts: 3.1 MB exceeds the 1 MB limit. Raise maxFileSize in genai-debt.config.yaml or add the file to ignores.' },
    ]);
  });

  it('gives a tracked symlink no blob id: git stores its target path, not the file it points to', async () => {
    await symlink('a.ts', join(root, 'link.ts'));
    git(root, 'add', 'link.ts');
    git(root, 'commit', '-q', '-m', 'link');
    const { files } = await discoverFiles(root, options);
    expect(files.find((file) => file.path === 'link.ts')).toEqual({ path: 'link.ts', absolutePath: join(root, 'link.ts'), size: 20 });
  });
});

describe('discoverFiles without git', () => {
  it('honours .gitignore files at every level, each relative to its own directory', async () => {
    const root = await makeTempTree({
      '.gitignore': 'secret.ts\nlogs/\n*.tmp.ts\n',
      'a.ts': '',
      'secret.ts': '',
      'logs/x.ts': '',
      'x.tmp.ts': '',
      'pkg/.gitignore': '/local.ts\n!keep.tmp.ts\n',
      'pkg/b.ts': '',
      'pkg/secret.ts': '',
      'pkg/local.ts': '',
      'pkg/sub/local.ts': '',
      'pkg/keep.tmp.ts': '',
      'pkg/other.tmp.ts': '',
    });
    const expected = ['a.ts', 'pkg/b.ts', 'pkg/keep.tmp.ts', 'pkg/sub/local.ts'];
    useMode('walk', root);
    expect(await discoveredPaths(root)).toEqual(expected);

    vi.unstubAllEnvs();
    useMode('git', root);
    expect(await discoveredPaths(root)).toEqual(expected);
  });
});

describe.each<Mode>(['git', 'walk'])('discoverFiles (%s mode)', (mode) => {
  it('silently skips dependencies, build output, generated code, declarations, minified files and lockfiles', async () => {
    const root = await makeTempTree({
      'src/index.ts': '',
      'src/build.ts': '',
      'node_modules/pkg/index.js': '',
      'packages/app/node_modules/dep/index.ts': '',
      'dist/index.js': '',
      'lib/vendor/jquery.js': '',
      'src/generated/client.ts': '',
      'src/__generated__/types.ts': '',
      'src/schema.gen.ts': '',
      'src/api.generated.ts': '',
      'types.d.ts': '',
      'types.d.mts': '',
      'app.min.js': '',
      'app.bundle.js': '',
      '.next/server.js': '',
      'coverage/lcov.js': '',
      'package-lock.json': '{}',
      'yarn.lock': '',
    });
    useMode(mode, root);
    expect(await discoverFiles(root, { ...options, isCandidate: () => true })).toEqual({
      files: [
        { path: 'src/build.ts', absolutePath: join(root, 'src/build.ts'), size: 0 },
        { path: 'src/index.ts', absolutePath: join(root, 'src/index.ts'), size: 0 },
      ],
      diagnostics: [],
    });
  });

  it('silently skips paths matching the user ignore globs and paths that are not candidates', async () => {
    const root = await makeTempTree({
      'src/a.ts': '',
      'src/a.spec.ts': '',
      'fixtures/deep/b.ts': '',
      'README.md': '',
      'scripts/c.mjs': '',
    });
    useMode(mode, root);
    expect(await discoverFiles(root, { ...options, ignores: ['fixtures/**', '**/*.spec.ts'] })).toEqual({
      files: [
        { path: 'scripts/c.mjs', absolutePath: join(root, 'scripts/c.mjs'), size: 0 },
        { path: 'src/a.ts', absolutePath: join(root, 'src/a.ts'), size: 0 },
      ],
      diagnostics: [],
    });
  });

  it('skips a 5 MB bundle over the 1 MB limit with a file-too-large diagnostic', async () => {
    const root = await makeTempTree({ 'bundle.js': 'x'.repeat(5 * MB), 'small.js': 'x' });
    useMode(mode, root);
    expect(await discoverFiles(root, options)).toEqual({
      files: [{ path: 'small.js', absolutePath: join(root, 'small.js'), size: 1 }],
      diagnostics: [
        {
          code: 'file-too-large',
          severity: 'warning',
          message:
            'Skipped bundle.js: 5.2 MB exceeds the 1 MB limit. ' +
            'Raise maxFileSize in genai-debt.config.yaml or add the file to ignores.',
          file: 'bundle.js',
        },
      ],
    });
  });

  it('follows file symlinks inside the root and reports loops, dangling links and links leaving the root', async () => {
    const outside = await makeTempTree({ 'secret.ts': 'export const key = 1;\n' });
    const root = await makeTempTree({ 'real.ts': 'export {};\n', 'sub/inner.ts': '' });
    await symlink('real.ts', join(root, 'link.ts'));
    await symlink('b.ts', join(root, 'a.ts'));
    await symlink('a.ts', join(root, 'b.ts'));
    await symlink('..', join(root, 'sub/up'));
    await symlink('missing.ts', join(root, 'dangling.ts'));
    await symlink(join(outside, 'secret.ts'), join(root, 'outside.ts'));
    await symlink(outside, join(root, 'outside-dir'));
    useMode(mode, root);

    expect(await discoverFiles(root, options)).toEqual({
      files: [
        { path: 'link.ts', absolutePath: join(root, 'link.ts'), size: 11 },
        { path: 'real.ts', absolutePath: join(root, 'real.ts'), size: 11 },
        { path: 'sub/inner.ts', absolutePath: join(root, 'sub/inner.ts'), size: 0 },
      ],
      diagnostics: [
        {
          code: 'symlink-loop',
          severity: 'warning',
          message: 'Skipped a.ts: it is part of a symlink loop.',
          file: 'a.ts',
        },
        {
          code: 'symlink-loop',
          severity: 'warning',
          message: 'Skipped b.ts: it is part of a symlink loop.',
          file: 'b.ts',
        },
        {
          code: 'unreadable',
          severity: 'warning',
          message: 'Skipped dangling.ts: it is a symlink to a file that does not exist.',
          file: 'dangling.ts',
        },
        {
          code: 'symlink-outside-root',
          severity: 'warning',
          message: 'Skipped outside-dir: it links to a directory outside the scanned root.',
          file: 'outside-dir',
        },
        {
          code: 'symlink-outside-root',
          severity: 'warning',
          message: 'Skipped outside.ts: it links to a file outside the scanned root.',
          file: 'outside.ts',
        },
        {
          code: 'symlink-loop',
          severity: 'warning',
          message: 'Skipped sub/up: it links to a directory that contains it, which would loop forever.',
          file: 'sub/up',
        },
      ],
    });
  });

  it('stops at maxFiles, keeping the first files by path, with a too-many-files diagnostic', async () => {
    const root = await makeTempTree({ 'e.ts': '', 'd.ts': '', 'c.ts': '', 'b.ts': '', 'a.ts': '' });
    useMode(mode, root);
    expect(await discoverFiles(root, { ...options, maxFiles: 3 })).toEqual({
      files: ['a.ts', 'b.ts', 'c.ts'].map((path) => ({ path, absolutePath: join(root, path), size: 0 })),
      diagnostics: [
        {
          code: 'too-many-files',
          severity: 'warning',
          message:
            'Found more than 3 files to scan; scanned the first 3 by path. ' +
            'Add ignores or raise maxFiles in genai-debt.config.yaml.',
        },
      ],
    });
  });

  it('reports nothing when the number of files equals maxFiles', async () => {
    const root = await makeTempTree({ 'a.ts': '', 'b.ts': '' });
    useMode(mode, root);
    expect((await discoverFiles(root, { ...options, maxFiles: 2 })).diagnostics).toEqual([]);
  });
});

describe('discoverFiles root validation', () => {
  it('throws a DiscoveryError naming a root that does not exist', async () => {
    const root = join(await makeTempTree({}), 'nope');
    await expect(discoverFiles(root, options)).rejects.toThrow(
      new DiscoveryError(`Path not found: ${root}. Pass a directory to scan.`),
    );
  });

  it('throws a DiscoveryError when the root is a file', async () => {
    const root = join(await makeTempTree({ 'a.ts': '' }), 'a.ts');
    const error = await discoverFiles(root, options).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DiscoveryError);
    expect(error).toMatchObject({
      name: 'DiscoveryError',
      message: `Not a directory: ${root}. Pass the directory that contains it; genai-debt scans whole directories.`,
    });
  });
});
