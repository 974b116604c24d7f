import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, where `npm test` runs. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The built CLI, exactly what the `genai-debt` bin of package.json points at. */
export const BIN = join(REPO_ROOT, 'dist/cli/bin.js');

/** The version the CLI must report: package.json's. */
export const PACKAGE_VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** The CLI fixture project, scanned in place. */
export const SUPPORT_BOT = fileURLToPath(new URL('../fixtures/cli/support-bot', import.meta.url));

/** Spawning node and parsing with ts-morph takes a second or two; give slow CI machines room. */
export const CLI_TIMEOUT_MS = 60_000;

/** For `beforeAll`: the tests spawn `dist/`, so a missing build must say so instead of failing oddly. */
export function assertBuilt(): void {
  if (!existsSync(BIN)) {
    throw new Error(`${BIN} is missing: the CLI tests run the built CLI. Run \`npm run build\` first (\`npm test\` does).`);
  }
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node dist/cli/bin.js ...args` as a user would, with pipes (not a TTY) for stdout and
 * stderr. Colour and debug switches inherited from the test runner are removed, so the output
 * depends only on `env` given here.
 */
export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const name of ['FORCE_COLOR', 'NO_COLOR', 'DEBUG', 'CI', 'NODE_OPTIONS']) delete env[name];
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: { ...env, ...options.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A few fields of one LLM call, enough to pin the inventory down. */
export interface CallSummary {
  file: string;
  line: number;
  api: string;
  verdict: string;
}

export function summarizeCalls(report: { inventory: { llmCalls: { file: string; line: number; api: string; tracing: { verdict: string } }[] } }): CallSummary[] {
  return report.inventory.llmCalls.map((call) => ({ file: call.file, line: call.line, api: call.api, verdict: call.tracing.verdict }));
}

const roots: string[] = [];

/** A fresh directory under the OS temp dir (real path, so messages show what the CLI sees). */
export async function makeTempDir(): Promise<string> {
  const root = await realpath(await mkdtemp(join(tmpdir(), 'genai-debt-cli-')));
  roots.push(root);
  return root;
}

/** A temp directory holding `files` (relative path → content). */
export async function makeTempTree(files: Record<string, string | Uint8Array>): Promise<string> {
  const root = await makeTempDir();
  await writeFiles(root, files);
  return root;
}

export async function writeFiles(root: string, files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
}

/** Creates `root/path` as a symlink to `target` (relative to the link's folder). */
export async function makeSymlink(root: string, path: string, target: string): Promise<void> {
  await mkdir(dirname(join(root, path)), { recursive: true });
  await symlink(target, join(root, path));
}

/** A temp copy of the support-bot fixture; outside any git work tree, so discovery walks it. */
export async function copySupportBot(): Promise<string> {
  const root = await makeTempDir();
  await cp(SUPPORT_BOT, root, { recursive: true });
  return root;
}

/** Deletes every directory made here. */
export async function removeTempDirs(): Promise<void> {
  await Promise.all(roots.splice(0).map((root) => rm(root, { recursive: true, force: true })));
}
