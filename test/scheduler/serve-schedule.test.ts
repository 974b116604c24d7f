import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RepositoryStatus } from '../../src/server/status-page.js';
import { commitFiles, createRepo, createTempDir, git, removeRepos } from '../git/git-fixture.js';
import { assertBuilt, BIN, cliEnvironment } from '../history/history-harness.js';
import { SUMMARIZE_TICKET } from './scheduler-harness.js';

/** Room for a cold CLI start and several scans on a slow 2-core machine; the test waits for events, never for a time. */
const TIMEOUT_MS = 120_000;

let scratch: string;
let localClone: string;
let origin: string;
let serve: ChildProcess;
let output = '';
let exited: Promise<number | null>;
let url: string;

async function status(): Promise<Map<string, RepositoryStatus>> {
  const body = (await (await fetch(`${url}api/status`)).json()) as { repositories: RepositoryStatus[] };
  return new Map(body.repositories.map((repository) => [repository.name, repository]));
}

/** Polls `check` until it returns something other than undefined. */
async function waitFor<T>(what: string, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + TIMEOUT_MS - 10_000;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}; serve printed:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  assertBuilt();
  scratch = createTempDir();
  localClone = createRepo();
  commitFiles(localClone, { 'src/summarize.ts': SUMMARIZE_TICKET }, '2026-02-02T09:00:00Z');
  origin = createRepo();
  commitFiles(origin, { 'src/summarize.ts': SUMMARIZE_TICKET }, '2026-02-03T09:00:00Z');
  git(origin, 'branch', 'release');
  writeFileSync(
    join(scratch, 'server.yaml'),
    [
      'schedule: "* * * * * *"',
      'repositories:',
      '  - name: acme/local',
      `    path: ${localClone}`,
      '  - name: acme/release',
      `    url: file://${origin}`,
      '    branch: release',
      '',
    ].join('\n'),
  );
  serve = spawn(process.execPath, [BIN, 'serve', '--db', join(scratch, 'data', 'dashboard.db'), '--port', '0', '--config', join(scratch, 'server.yaml')], {
    cwd: scratch,
    env: { ...cliEnvironment(join(scratch, 'home')), GENAI_DEBT_TOKEN: 'serve-schedule-test-token-42' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  serve.stderr!.setEncoding('utf8');
  exited = new Promise((resolve) => serve.on('close', (code) => resolve(code)));
  url = await new Promise<string>((resolve, reject) => {
    serve.stderr!.on('data', (text: string) => {
      output += text;
      const match = /dashboard at (http:\/\/\S+\/)/.exec(output);
      if (match) resolve(match[1]!);
    });
    serve.on('close', () => reject(new Error(`serve exited early:\n${output}`)));
  });
}, TIMEOUT_MS);

afterAll(() => {
  if (serve.exitCode === null) serve.kill('SIGKILL');
  removeRepos();
});

describe('genai-debt serve with repositories: (real timers)', () => {
  it('says what it schedules and where the mirrors go', () => {
    expect(output).toContain(`genai-debt: scanning 2 repositories on schedule (mirrors in ${join(scratch, 'data', 'mirrors')}; status at /status)\n`);
  });

  it('scans at start, then again on every tick of the schedule', async () => {
    await waitFor('a scheduled run of both repositories after their first scan', async () => {
      const lines = output.split('\n');
      const ready = ['acme/local', 'acme/release'].every(
        (name) => lines.some((line) => line.startsWith(`genai-debt: catch-up scan of ${name}: stored scan`)) && lines.some((line) => line.startsWith(`genai-debt: scheduled scan of ${name}: `)),
      );
      return ready ? true : undefined;
    });
    expect(output).toMatch(/genai-debt: scheduled scan of acme\/release: release at [0-9a-f]{12} is stored already, skipped \(\d+\.\d s\)\n/);
    expect(existsSync(join(scratch, 'data', 'mirrors'))).toBe(true);
    const current = await status();
    expect(current.get('acme/local')!.lastRun!.outcome).toBe('skipped');
    expect(current.get('acme/release')).toMatchObject({ location: `file://${origin}`, branch: 'release', schedule: '* * * * * *' });
  }, TIMEOUT_MS);

  it('marks a repository whose branch was deleted as failed, in words, while the other keeps running', async () => {
    git(origin, 'branch', '-D', 'release');
    const failed = await waitFor('the failed run of acme/release', async () => {
      const repository = (await status()).get('acme/release');
      return repository?.lastRun?.outcome === 'failed' ? repository : undefined;
    });
    expect(failed.lastRun!.error).toBe(`branch "release" does not exist in file://${origin} (deleted or renamed?). Set branch: in the server config to a branch that exists.`);
    const localRuns = (await status()).get('acme/local')!.lastRun!.startedAt;
    await waitFor('another run of acme/local', async () => ((await status()).get('acme/local')!.lastRun!.startedAt > localRuns ? true : undefined));
  }, TIMEOUT_MS);

  it('stops on SIGTERM after the runs in progress, with exit code 0', async () => {
    serve.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toMatch(/genai-debt: dashboard stopped\n$/);
  }, TIMEOUT_MS);
});
