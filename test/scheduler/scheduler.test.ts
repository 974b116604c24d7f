import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RepositoryStatus } from '../../src/server/status-page.js';
import { loadServerConfig, type ServerConfig } from '../../src/server/server-config.js';
import { commitFiles, createRepo, createTempDir, git, removeRepos } from '../git/git-fixture.js';
import { assertNoOverlap, CLASSIFY_TICKET, type ScheduledServer, startScheduledServer, SUMMARIZE_TICKET } from './scheduler-harness.js';

const TOKEN = 'scheduler-test-token-0123456789';
/** Long enough for a cold parser load and a few scans on a slow 2-core machine. */
const TIMEOUT_MS = 120_000;

let scratch: string;
let supportBot: string;
let checkoutAgent: string;
let helpdeskOrigin: string;
let config: ServerConfig;
let server: ScheduledServer;
let now: Date;

const minutes = (count: number) => count * 60_000;
const advance = (by: number) => (now = new Date(now.getTime() + by));

async function statusOf(): Promise<Map<string, RepositoryStatus>> {
  const response = await fetch(`${server.url}/api/status`);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { repositories: RepositoryStatus[] };
  return new Map(body.repositories.map((repository) => [repository.name, repository]));
}

function outcomes(status: Map<string, RepositoryStatus>): Record<string, string | undefined> {
  return Object.fromEntries([...status].map(([name, repository]) => [name, repository.lastRun?.outcome]));
}

const scanNow = (name: string, token: string | null = TOKEN) =>
  fetch(`${server.url}/api/repositories/${encodeURIComponent(name)}/scan`, {
    method: 'POST',
    headers: token === null ? {} : { authorization: `Bearer ${token}` },
  });

const start = () => startScheduledServer({ dbPath: join(scratch, 'data', 'genai-debt.db'), mirrorsDir: join(scratch, 'data', 'mirrors'), config, token: TOKEN, now: () => now });

beforeAll(async () => {
  scratch = createTempDir();
  supportBot = createRepo();
  commitFiles(supportBot, { 'src/summarize.ts': SUMMARIZE_TICKET }, '2026-02-02T09:00:00Z');
  checkoutAgent = createRepo();
  commitFiles(checkoutAgent, { 'src/summarize.ts': SUMMARIZE_TICKET, 'genai-debt.config.yaml': 'rules:\n  require-eval-suite: off\n' }, '2026-02-03T09:00:00Z');
  // The work tree of a local clone is never read: this uncommitted file must not show up in a scan.
  writeFileSync(join(checkoutAgent, 'src/classify.ts'), CLASSIFY_TICKET);
  helpdeskOrigin = createRepo();
  commitFiles(helpdeskOrigin, { 'src/summarize.ts': SUMMARIZE_TICKET }, '2026-02-04T09:00:00Z');
  writeFileSync(
    join(scratch, 'server.yaml'),
    [
      'schedule: "*/5 * * * *"',
      'timezone: UTC',
      'concurrency: 2',
      'repositories:',
      '  - name: acme/support-bot',
      `    path: ${supportBot}`,
      '  - name: acme/checkout-agent',
      `    path: ${checkoutAgent}`,
      '    team: payments',
      '  - name: acme/helpdesk',
      `    url: file://${helpdeskOrigin}`,
      '  - name: acme/gone',
      `    url: file://${join(scratch, 'no-such-repository')}`,
      '',
    ].join('\n'),
  );
  config = loadServerConfig(join(scratch, 'server.yaml'));
  now = new Date('2026-03-02T10:01:00Z');
  server = await start();
}, TIMEOUT_MS);

afterAll(async () => {
  await server?.close();
  removeRepos();
});

describe('the scheduler inside genai-debt serve', () => {
  it('lists every repository as not run yet before it starts, with its schedule and next run', async () => {
    const status = await statusOf();
    expect(status.get('acme/helpdesk')).toEqual({
      name: 'acme/helpdesk',
      source: 'url',
      location: `file://${helpdeskOrigin}`,
      schedule: '*/5 * * * *',
      timezone: 'UTC',
      state: 'idle',
    });
  });

  it('scans each repository once at its first start; a broken URL fails alone with a readable error', async () => {
    server.scheduler.start();
    await server.scheduler.idle();
    const status = await statusOf();
    expect(outcomes(status)).toEqual({ 'acme/support-bot': 'ok', 'acme/checkout-agent': 'ok', 'acme/helpdesk': 'ok', 'acme/gone': 'failed' });
    const missing = join(scratch, 'no-such-repository');
    expect(status.get('acme/gone')!.lastRun!.error).toBe(`git fetch of file://${missing} failed: '${missing}' does not appear to be a git repository`);
    expect(status.get('acme/helpdesk')).toMatchObject({ nextRunAt: '2026-03-02T10:05:00.000Z', lastRun: { commit: git(helpdeskOrigin, 'rev-parse', 'HEAD'), scanId: expect.any(Number) } });
    expect(server.events.filter((event) => event.type === 'queued').map((event) => event.type === 'queued' && event.reason)).toEqual(['catch-up', 'catch-up', 'catch-up', 'catch-up']);
    // The remote was mirrored beside the database (bare, no work tree); the broken one left nothing.
    expect(readdirSync(join(scratch, 'data', 'mirrors')).filter((name) => name.endsWith('.git'))).toEqual([expect.stringMatching(/^acme-helpdesk-[0-9a-f]{10}\.git$/)]);

    const page = await (await fetch(`${server.url}/status`)).text();
    expect(page).toContain('does not appear to be a git repository');
    expect(page).toContain(`git fetch of file://${missing} failed: &#39;${missing}&#39;`);
    expect(page).toContain('<button type="button" class="scan-now" data-scan-url="/api/repositories/acme%2Fsupport-bot/scan">Scan now</button>');
  }, TIMEOUT_MS);

  it('reads the scanned repository\u2019s config from the commit and never its work tree; the config\u2019s team owns the findings', async () => {
    const status = await statusOf();
    const scan = await (await fetch(`${server.url}/api/scans/${status.get('acme/checkout-agent')!.lastRun!.scanId}`)).json();
    // The first scan of a repository: every finding is new.
    const findings = scan.added as { ruleId: string; file: string; team: string }[];
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.filter((finding) => finding.ruleId === 'require-eval-suite')).toEqual([]);
    expect(new Set(findings.map((finding) => finding.file))).toEqual(new Set(['src/summarize.ts']));
    expect(new Set(findings.map((finding) => finding.team))).toEqual(new Set(['payments']));
    expect(git(checkoutAgent, 'status', '--porcelain')).toBe('?? src/classify.ts');
  });

  it('runs each repository again on its schedule, and records an unchanged head as skipped instead of scanning it twice', async () => {
    advance(minutes(4)); // 10:05
    expect(server.scheduler.runDue(now).sort()).toEqual(['acme/checkout-agent', 'acme/gone', 'acme/helpdesk', 'acme/support-bot']);
    await server.scheduler.idle();
    const status = await statusOf();
    expect(outcomes(status)).toEqual({ 'acme/support-bot': 'skipped', 'acme/checkout-agent': 'skipped', 'acme/helpdesk': 'skipped', 'acme/gone': 'failed' });
    expect(status.get('acme/support-bot')!.nextRunAt).toBe('2026-03-02T10:10:00.000Z');
    expect(server.store.trend('acme/support-bot')).toHaveLength(1);
    expect(server.store.trend('acme/helpdesk')).toHaveLength(1);
    // Nothing is due between two ticks.
    advance(minutes(1));
    expect(server.scheduler.runDue(now)).toEqual([]);
  }, TIMEOUT_MS);

  it('stores a new commit as a new scan, fetched into the mirror for a URL', async () => {
    const supportHead = commitFiles(supportBot, { 'src/classify.ts': CLASSIFY_TICKET }, '2026-03-02T09:30:00Z');
    const helpdeskHead = commitFiles(helpdeskOrigin, { 'src/classify.ts': CLASSIFY_TICKET }, '2026-03-02T09:40:00Z');
    advance(minutes(4)); // 10:10
    server.scheduler.runDue(now);
    await server.scheduler.idle();
    const status = await statusOf();
    expect(outcomes(status)).toEqual({ 'acme/support-bot': 'ok', 'acme/checkout-agent': 'skipped', 'acme/helpdesk': 'ok', 'acme/gone': 'failed' });
    expect(status.get('acme/support-bot')!.lastRun!.commit).toBe(supportHead);
    expect(status.get('acme/helpdesk')!.lastRun!.commit).toBe(helpdeskHead);
    const trend = server.store.trend('acme/helpdesk');
    expect(trend.map((point) => point.commit)).toEqual([git(helpdeskOrigin, 'rev-parse', 'HEAD~1'), helpdeskHead]);
    expect(trend[1]!.llmCalls).toBe(trend[0]!.llmCalls + 1);
  }, TIMEOUT_MS);

  it('never scans a repository twice at once: a tick during a run is dropped, "scan now" answers 409', async () => {
    commitFiles(checkoutAgent, { 'src/classify.ts': CLASSIFY_TICKET }, '2026-03-02T10:12:00Z');
    // The first two runs stay open until released, so the test sees them running.
    const releaseSupportBot = server.hold('acme/support-bot');
    const releaseCheckoutAgent = server.hold('acme/checkout-agent');
    advance(minutes(5)); // 10:15
    server.events.length = 0;
    server.scheduler.runDue(now);
    // concurrency 2: two run, two wait (in config order).
    expect(Object.fromEntries([...(await statusOf())].map(([name, repository]) => [name, repository.state]))).toEqual({
      'acme/support-bot': 'running',
      'acme/checkout-agent': 'running',
      'acme/helpdesk': 'queued',
      'acme/gone': 'queued',
    });
    advance(minutes(5)); // 10:20, while the 10:15 runs are still going
    expect(server.scheduler.runDue(now)).toHaveLength(4);
    expect(server.events.filter((event) => event.type === 'tick-skipped')).toHaveLength(4);

    const conflict = await scanNow('acme/support-bot');
    expect(conflict.status).toBe(409);
    expect(await conflict.json()).toEqual({ error: 'acme/support-bot is being scanned now; ask again when the run has finished (see /api/status).' });
    const again = await scanNow('acme/helpdesk');
    expect(again.status).toBe(202);
    expect(await again.json()).toEqual({ repository: 'acme/helpdesk', state: 'queued', wasQueued: true, status: '/api/status' });
    releaseSupportBot();
    releaseCheckoutAgent();
    await server.scheduler.idle();
    expect(assertNoOverlap(server.events)).toBe(2);
    expect(server.events.filter((event) => event.type === 'started')).toHaveLength(4);
    expect(outcomes(await statusOf())['acme/checkout-agent']).toBe('ok');
  }, TIMEOUT_MS);

  it('runs a repository on request with the upload token: 202, then its outcome; 401 without the token, 404 for an unknown name', async () => {
    expect((await scanNow('acme/support-bot', null)).status).toBe(401);
    expect((await scanNow('acme/support-bot', 'wrong-token-0123456789')).status).toBe(401);
    const unknown = await scanNow('acme/unknown');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: "No scheduled repository named acme/unknown; the server config's repositories: lists the names." });
    server.events.length = 0;
    const accepted = await scanNow('acme/support-bot');
    expect(accepted.status).toBe(202);
    await server.scheduler.idle();
    expect(server.events.map((event) => `${event.type} ${event.repository}`)).toEqual(['queued acme/support-bot', 'started acme/support-bot', 'finished acme/support-bot']);
    expect(server.events[0]).toMatchObject({ reason: 'request' });
    expect(outcomes(await statusOf())['acme/support-bot']).toBe('skipped');
  }, TIMEOUT_MS);

  it('after a restart before the next run is due, runs nothing and shows the stored last runs', async () => {
    const before = await statusOf();
    await server.close();
    advance(minutes(2)); // 10:22; the next runs are due at 10:25
    server = await start();
    server.scheduler.start();
    await server.scheduler.idle();
    expect(server.events).toEqual([]);
    const after = await statusOf();
    for (const [name, repository] of before) expect(after.get(name)!.lastRun).toEqual(repository.lastRun);
    expect(after.get('acme/gone')!.lastRun!.error).toContain('does not appear to be a git repository');
  }, TIMEOUT_MS);

  it('after a downtime of many ticks, catches up with one run per repository, not one per missed tick', async () => {
    await server.close();
    advance(minutes(3 * 60)); // 13:22: 36 ticks of every repository were missed
    server = await start();
    server.scheduler.start();
    await server.scheduler.idle();
    const queued = server.events.filter((event) => event.type === 'queued');
    expect(queued.map((event) => `${event.repository} ${event.type === 'queued' && event.reason}`).sort()).toEqual([
      'acme/checkout-agent catch-up',
      'acme/gone catch-up',
      'acme/helpdesk catch-up',
      'acme/support-bot catch-up',
    ]);
    expect(assertNoOverlap(server.events)).toBeLessThanOrEqual(2);
    const status = await statusOf();
    expect(status.get('acme/support-bot')).toMatchObject({ nextRunAt: '2026-03-02T13:25:00.000Z', lastRun: { startedAt: '2026-03-02T13:22:00.000Z', outcome: 'skipped' } });
    // Caught up: nothing more is due until the next tick.
    expect(server.scheduler.runDue(now)).toEqual([]);
    expect(existsSync(join(scratch, 'data', 'genai-debt.db'))).toBe(true);
  }, TIMEOUT_MS);
});
