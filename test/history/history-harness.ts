import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { BIN } from '../cli/cli-harness.js';

export { assertBuilt, BIN, REPO_ROOT } from '../cli/cli-harness.js';

/** Room for a cold CLI start plus a few thousand files on a slow 2-core CI machine. */
export const HISTORY_TIMEOUT_MS = 120_000;

const directories: string[] = [];

/** A fresh temporary directory (real path, as the CLI prints it); `removeHistoryDirs` deletes it. */
export function makeHistoryDir(): string {
  const directory = realpathSync(mkdtempSync(join(tmpdir(), 'genai-debt-history-')));
  directories.push(directory);
  return directory;
}

/** Deletes every directory made by {@link makeHistoryDir}; call it in `afterAll`. */
export function removeHistoryDirs(): void {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
}

/**
 * The environment of a CLI child: no `GENAI_DEBT_DB`, so only `--db` picks the database, and a
 * temporary `HOME`, so nothing lands in the real home; colour, debug and CI switches removed.
 */
export function cliEnvironment(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['GENAI_DEBT_DB', 'GENAI_DEBT_TOKEN', 'GITHUB_STEP_SUMMARY', 'FORCE_COLOR', 'NO_COLOR', 'DEBUG', 'CI', 'NODE_OPTIONS']) delete env[name];
  mkdirSync(home, { recursive: true });
  return { ...env, HOME: home, XDG_CONFIG_HOME: join(home, '.config') };
}

export interface CliRun {
  /** Exit code, or null when a signal ended the process. */
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A running `node dist/cli/bin.js …` with pipes for stdout and stderr. */
export interface CliChild {
  child: ChildProcess;
  /** Settles when the process has exited and its pipes are drained. */
  done: Promise<CliRun>;
}

/** Starts the built CLI as a child process without waiting for it (to kill it, or to run two at once). */
export function startCli(args: string[], options: { home: string; cwd?: string; env?: Record<string, string> }): CliChild {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? options.home,
    env: { ...cliEnvironment(options.home), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr!.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const done = new Promise<CliRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
  return { child, done };
}

/** Runs the built CLI to its end. */
export function runCliAsync(args: string[], options: { home: string; cwd?: string; env?: Record<string, string> }): Promise<CliRun> {
  return startCli(args, options).done;
}

/** Opens a database the CLI wrote, read-only, runs `read` on it and closes it. */
export function readDatabase<T>(path: string, read: (db: Database.Database) => T): T {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}
