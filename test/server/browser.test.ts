import { join } from 'node:path';
import Database from 'better-sqlite3';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtInRules } from '../../rules/index.js';
import type { ScanReport } from '../../src/model/report.js';
import { commitFiles, createRepo, removeRepos } from '../git/git-fixture.js';
import { assertBuilt, HISTORY_TIMEOUT_MS, makeHistoryDir, removeHistoryDirs, runCliAsync } from '../history/history-harness.js';
import { type RunningServer, startServer, supportBotReport, upload } from './server-harness.js';

const CHROMIUM = '/usr/bin/chromium';
const TOKEN = 'browser-test-upload-token';
const HISTORY_REPO = 'acme/support-bot';
const UPLOADED_REPO = 'acme/uploaded-bot';
const XSS = '<script>alert(1)</script>';
const FAMILIES = ['tool-sprawl', 'prompts', 'tracing', 'evals', 'hygiene'];
const DAY = 86_400_000;

const lines = (...text: string[]) => `${text.join('\n')}\n`;

const CODEOWNERS = lines('/src/support/ @acme/support', '/src/platform/ @acme/platform');

const ANSWER = lines(
  "import OpenAI from 'openai';",
  'const client = new OpenAI();',
  'export async function answerTicket(question: string) {',
  "  return client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: question }] });",
  '}',
  'export async function escalateTicket(ticket: string) {',
  "  return client.responses.create({ model: 'gpt-4o', input: ticket });",
  '}',
);

const ANSWER_WITHOUT_ESCALATION = lines(
  "import OpenAI from 'openai';",
  'const client = new OpenAI();',
  'export async function answerTicket(question: string) {',
  "  return client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: question }] });",
  '}',
);

/** A module of `count` report summarizers, each an untraced call: enough findings for two pages. */
const summarizers = (count: number) =>
  lines(
    "import OpenAI from 'openai';",
    'const client = new OpenAI();',
    ...Array.from({ length: count }, (_, index) => [
      `export async function summarizeReport${index + 1}(text: string) {`,
      `  return client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Report ${index + 1}: ' + text }] });`,
      '}',
    ]).flat(),
  );

let scratch: string;
let dbPath: string;
let server: RunningServer;
let browser: Browser;
let page: Page;
const dialogs: string[] = [];
const consoleErrors: string[] = [];

function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/**
 * The debt (or finding count) of each family on `day`, straight from the findings table: every
 * repository counts with its last main-branch scan on or before that day.
 */
function familyTotalsOn(day: string, measure: 'debt' | 'findings'): Record<string, number> {
  const rows = query<{ category: string; value: number }>(
    `SELECT category, ${measure === 'debt' ? 'SUM(effort_minutes)' : 'COUNT(*)'} AS value FROM findings WHERE scan_id IN (
       SELECT (SELECT id FROM scans WHERE repo_id = repos.id AND branch = 'main' AND substr(at, 1, 10) <= ? ORDER BY at DESC, id DESC LIMIT 1) FROM repos)
     GROUP BY category`,
    day,
  );
  return Object.fromEntries(FAMILIES.map((family) => [family, rows.find((row) => row.category === family)?.value ?? 0]));
}

/** Pixels a canvas has drawn (alpha > 0) and the data chart.js holds for it. */
async function chartOf(id: string): Promise<{ painted: number; labels: string[]; datasets: { label: string; data: (number | null)[] }[] }> {
  return page.evaluate((canvasId) => {
    const canvas = document.getElementById(canvasId) as HTMLCanvasElement;
    const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    for (let index = 3; index < pixels.length; index += 4) if (pixels[index]! > 0) painted += 1;
    const chart = (window as unknown as { Chart: { getChart(canvas: HTMLCanvasElement): { data: { labels: string[]; datasets: { label: string; data: (number | null)[] }[] } } } }).Chart.getChart(canvas);
    return { painted, labels: chart.data.labels, datasets: chart.data.datasets.map((dataset) => ({ label: dataset.label, data: dataset.data })) };
  }, id);
}

async function open(path: string): Promise<void> {
  const response = await page.goto(`${server.url}${path}`);
  expect(response?.status()).toBe(200);
}

beforeAll(async () => {
  assertBuilt();
  scratch = makeHistoryDir();
  dbPath = join(scratch, 'dashboard.db');
  const repo = createRepo();
  // Four commits over six days, the newest yesterday, at noon on whole seconds (git's resolution).
  const noon = Math.floor(Date.now() / DAY) * DAY - DAY / 2;
  const dayAgo = (days: number) => new Date(noon - (days - 1) * DAY).toISOString().replace('.000Z', 'Z');
  commitFiles(repo, { '.github/CODEOWNERS': CODEOWNERS, 'src/support/answer.ts': ANSWER }, dayAgo(6), 'Answer and escalate tickets');
  commitFiles(repo, { 'src/platform/reports.ts': summarizers(26) }, dayAgo(4), 'Summarize reports');
  commitFiles(repo, { 'src/support/answer.ts': ANSWER_WITHOUT_ESCALATION }, dayAgo(2), 'Escalation goes to a human');
  commitFiles(repo, { 'src/platform/reports.ts': summarizers(28) }, dayAgo(1), 'Two more report kinds');
  const history = await runCliAsync(['history', repo, '--since', '10d', '--every', '1d', '--save', '--db', dbPath, '--repo-name', HISTORY_REPO], { home: join(scratch, 'home') });
  expect(history.stderr).toContain('stored 4 scans');

  server = await startServer({ dbPath, uploadToken: TOKEN });
  const report = await supportBotReport(scratch);
  const hostile: ScanReport = { ...report, findings: report.findings.map((finding) => ({ ...finding, message: `Untraced call in ${XSS}, see "docs" & fix` })) };
  const uploaded = await upload(server.url, JSON.stringify({ repository: UPLOADED_REPO, branch: 'main', commitTime: dayAgo(3), report: hostile }), TOKEN);
  expect(uploaded.status).toBe(201);

  browser = await chromium.launch({ executablePath: CHROMIUM });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
}, HISTORY_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  removeRepos();
  removeHistoryDirs();
});

describe('overview', () => {
  it('draws the debt and findings by family with the values of the findings table', async () => {
    await open('/');
    for (const [id, measure] of [
      ['chart-debt', 'debt'],
      ['chart-findings', 'findings'],
    ] as const) {
      const chart = await chartOf(id);
      expect(chart.painted).toBeGreaterThan(1000);
      expect(chart.labels).toHaveLength(6);
      expect(chart.datasets.map((dataset) => dataset.label)).toEqual(FAMILIES);
      chart.labels.forEach((day, index) => {
        const expected = familyTotalsOn(day, measure);
        expect(Object.fromEntries(chart.datasets.map((dataset) => [dataset.label, dataset.data[index]])), `${measure} on ${day}`).toEqual(expected);
      });
    }
    // The stacked area is not empty: tracing debt is there from the first day.
    expect(familyTotalsOn((await chartOf('chart-debt')).labels[0]!, 'debt').tracing).toBeGreaterThan(0);
  });

  it('draws one line per team ending at the debt of its last scans', async () => {
    const chart = await chartOf('chart-teams');
    expect(chart.painted).toBeGreaterThan(1000);
    const expected = query<{ team: string; debt: number }>(
      `SELECT team, SUM(value) AS debt FROM team_metrics WHERE name = 'debtMinutes' AND scan_id IN (
         SELECT (SELECT id FROM scans WHERE repo_id = repos.id ORDER BY at DESC, id DESC LIMIT 1) FROM repos) GROUP BY team ORDER BY team`,
    );
    expect(chart.datasets.map((dataset) => [dataset.label, dataset.data.at(-1)])).toEqual(expected.map((row) => [row.team, row.debt]));
    expect(expected.map((row) => row.team)).toEqual(['(unowned)', '@acme/platform', '@acme/support']);
  });

  it('sorts the repositories table when a column header is clicked', async () => {
    const debts = () => page.locator('#repositories tbody td[data-value]').evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute('data-value'))));
    const before = await debts();
    expect(before).toEqual([...before].sort((a, b) => b - a));
    await Promise.all([page.waitForURL(/repoSort=debt&repoDir=asc/), page.click('#repositories th a[data-sort="debt"]')]);
    const after = await debts();
    expect(after).toEqual([...before].reverse());
    await Promise.all([page.waitForURL(/repoSort=name/), page.click('#repositories th a[data-sort="name"]')]);
    expect(await page.locator('#repositories tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-name')))).toEqual([UPLOADED_REPO, HISTORY_REPO]);
  });

  it('links to a team page that draws the team trend', async () => {
    await open('/');
    await Promise.all([page.waitForURL(/\/teams\//), page.click('#teams a:text-is("@acme/platform")')]);
    expect(await page.locator('h1').textContent()).toBe('@acme/platform');
    const chart = await chartOf('chart-debt');
    expect(chart.painted).toBeGreaterThan(1000);
    const platformDebt = query<{ debt: number }>(
      `SELECT SUM(effort_minutes) AS debt FROM findings WHERE team = '@acme/platform' AND scan_id = (SELECT MAX(scans.id) FROM scans JOIN repos ON repos.id = scans.repo_id WHERE repos.name = ?)`,
      HISTORY_REPO,
    )[0]!.debt;
    expect(chart.datasets[0]!.data.at(-1)).toBe(platformDebt);
    expect(await page.locator('#team-repositories tbody tr').count()).toBe(1);
  });

  it('lists on a team page what the team fixed lately', async () => {
    await open(`/teams/${encodeURIComponent('@acme/support')}`);
    const fixed = query<{ message: string }>(`SELECT message FROM fixed_findings WHERE team = '@acme/support'`);
    expect(fixed).toHaveLength(1);
    expect(await page.locator('#fixed td.message').allTextContents()).toEqual([fixed[0]!.message]);
  });
});

describe('repository page', () => {
  it('opens from the overview and draws its trend with the stored values', async () => {
    await open('/');
    await Promise.all([page.waitForURL(/\/repos\//), page.click(`#repositories a:text-is("${HISTORY_REPO}")`)]);
    expect(await page.locator('h1').textContent()).toBe(HISTORY_REPO);
    const chart = await chartOf('chart-debt');
    expect(chart.painted).toBeGreaterThan(1000);
    const scans = query<{ id: number; day: string }>(
      `SELECT scans.id, substr(at, 1, 10) AS day FROM scans JOIN repos ON repos.id = scans.repo_id WHERE repos.name = ? ORDER BY at`,
      HISTORY_REPO,
    );
    expect(chart.labels).toEqual(scans.map((scan) => scan.day));
    const tracing = chart.datasets.find((dataset) => dataset.label === 'tracing')!;
    expect(tracing.data).toEqual(
      scans.map((scan) => query<{ debt: number }>(`SELECT COALESCE(SUM(effort_minutes), 0) AS debt FROM findings WHERE scan_id = ? AND category = 'tracing'`, scan.id)[0]!.debt),
    );
    const last = scans.at(-1)!.id;
    const metric = (name: string) => query<{ value: number }>('SELECT value FROM scan_metrics WHERE scan_id = ? AND name = ?', last, name)[0]!.value;
    expect(await page.locator('#card-llm-calls').textContent()).toBe(String(metric('llmCalls')));
    expect(await page.locator('#card-traced').textContent()).toBe(`${Math.round(metric('tracedShare') * 100)}%`);
    expect(await page.locator('#card-findings').textContent()).toBe(String(metric('findings.warning') + metric('findings.error')));
    for (const id of ['chart-findings', 'chart-coverage', 'chart-size']) expect((await chartOf(id)).painted, id).toBeGreaterThan(1000);
  });

  it('pages through the findings, 25 at a time', async () => {
    const total = query<{ count: number }>(
      `SELECT COUNT(*) AS count FROM findings WHERE scan_id = (SELECT MAX(scans.id) FROM scans JOIN repos ON repos.id = scans.repo_id WHERE repos.name = ?)`,
      HISTORY_REPO,
    )[0]!.count;
    expect(total).toBeGreaterThan(25);
    const rows = () => page.locator('table.findings tbody tr').evaluateAll((trs) => trs.map((tr) => tr.textContent!.replace(/\s+/g, ' ').trim()));
    expect(await page.locator('#findings-count').textContent()).toBe(`${total} findings`);
    const first = await rows();
    expect(first).toHaveLength(25);
    await Promise.all([page.waitForURL(/page=2/), page.click('a[rel="next"]')]);
    expect(await page.locator('#page-label').textContent()).toBe('Page 2 of 2');
    const second = await rows();
    expect(second).toHaveLength(total - 25);
    expect(new Set([...first, ...second]).size).toBe(total);
  });

  it('filters the findings by team and rule with the form', async () => {
    await page.selectOption('select[name="team"]', '@acme/support');
    await Promise.all([page.waitForURL(/team=%40acme%2Fsupport/), page.click('form.filters button')]);
    const expected = query<{ message: string }>(
      `SELECT message FROM findings WHERE team = '@acme/support' AND scan_id = (SELECT MAX(scans.id) FROM scans JOIN repos ON repos.id = scans.repo_id WHERE repos.name = ?) ORDER BY message`,
      HISTORY_REPO,
    );
    const messages = await page.locator('table.findings td.message').allTextContents();
    expect(messages.sort()).toEqual(expected.map((row) => row.message));
    expect(await page.locator('#findings-count').textContent()).toBe(`${expected.length} finding${expected.length === 1 ? '' : 's'}`);
    await page.selectOption('select[name="team"]', '');
    await page.selectOption('select[name="rule"]', 'require-tracing-setup');
    await Promise.all([page.waitForURL(/rule=require-tracing-setup/), page.click('form.filters button')]);
    expect(await page.locator('table.findings tbody tr').count()).toBe(1);
  });

  it('follows a recent scan to its scan page and a rule link to the rule page', async () => {
    await open(`/repos/${encodeURIComponent(HISTORY_REPO)}`);
    const scanId = query<{ id: number }>(`SELECT scans.id FROM scans JOIN repos ON repos.id = scans.repo_id WHERE repos.name = ? ORDER BY at LIMIT 1 OFFSET 2`, HISTORY_REPO)[0]!.id;
    await Promise.all([page.waitForURL(new RegExp(`/scans/${scanId}$`)), page.click(`#recent-scans a[href="/scans/${scanId}"]`)]);
    const fixed = query<{ n: number }>('SELECT COUNT(*) AS n FROM fixed_findings WHERE scan_id = ?', scanId)[0]!.n;
    const added = query<{ n: number }>(`SELECT COUNT(*) AS n FROM findings WHERE scan_id = ? AND state = 'new'`, scanId)[0]!.n;
    expect({ added: await page.locator('#count-new').textContent(), fixed: await page.locator('#count-fixed').textContent() }).toEqual({ added: String(added), fixed: String(fixed) });
    expect(fixed).toBe(1);
    expect(await page.locator('#fixed ~ table td.message').first().textContent()).toContain('escalateTicket');
    await Promise.all([page.waitForURL(/\/rules\/no-untraced-llm-call$/), page.locator('a[href="/rules/no-untraced-llm-call"]').first().click()]);
    const rule = builtInRules.find((candidate) => candidate.id === 'no-untraced-llm-call')!;
    expect(await page.locator('#description').textContent()).toBe(rule.description);
    expect(await page.locator('#rationale').textContent()).toBe(rule.rationale);
    const firing = query<{ n: number }>(
      `SELECT COUNT(*) AS n FROM findings WHERE rule_id = 'no-untraced-llm-call' AND scan_id IN (SELECT (SELECT id FROM scans WHERE repo_id = repos.id ORDER BY at DESC, id DESC LIMIT 1) FROM repos)`,
    )[0]!.n;
    expect(await page.locator('#firing-count').textContent()).toBe(`${firing} findings in the last scans of the main branches.`);
  });
});

describe('escaping and errors', () => {
  it('shows a finding message with a script tag as text and runs nothing', async () => {
    await open(`/repos/${encodeURIComponent(UPLOADED_REPO)}`);
    const message = page.locator('table.findings td.message');
    await expect.poll(() => message.first().textContent()).toBe(`Untraced call in ${XSS}, see "docs" & fix`);
    expect(await message.first().isVisible()).toBe(true);
    expect(await page.locator('table.findings script').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('shows a 404 page for an unknown repository', async () => {
    const response = await page.goto(`${server.url}/repos/acme%2Fnothing`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('#reason').textContent()).toBe('No repository named acme/nothing is stored.');
  });

  it('logged no script error or Content-Security-Policy violation on any page', () => {
    expect(consoleErrors.filter((text) => !text.includes('404'))).toEqual([]);
    // The one 404 is the unknown repository page above (the favicon answers 204).
    expect(consoleErrors.filter((text) => text.includes('404'))).toHaveLength(1);
  });
});
