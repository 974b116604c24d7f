import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const roots: string[] = [];

/** Creates a temporary directory holding `files` (path → content); `removeTempTrees` deletes it. */
export async function makeTempTree(files: Record<string, string | Uint8Array>): Promise<string> {
  const root = await realpath(await mkdtemp(join(tmpdir(), 'genai-debt-discover-')));
  roots.push(root);
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return root;
}

/** Deletes every tree made by `makeTempTree`. */
export async function removeTempTrees(): Promise<void> {
  await Promise.all(roots.splice(0).map((root) => rm(root, { recursive: true, force: true })));
}

/** Runs git in `root` with a fixed identity, so commits work without any global config. */
export function git(root: string, ...args: string[]): void {
  execFileSync(
    'git',
    ['-C', root, '-c', 'user.email=t@t', '-c', 'user.name=t', '-c', 'commit.gpgsign=false', ...args],
    { stdio: 'pipe' },
  );
}
