import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanReport } from '../../src/model/report.js';
import { assertBuilt, makeHistoryDir, removeHistoryDirs } from '../history/history-harness.js';
import { type RunningServer, startServer, supportBotReport, upload } from './server-harness.js';

const TOKEN = 'ci-upload-token-0123456789';
const REPOSITORY = 'github.com/acme/support-bot';
const MAX_BYTES = 64 * 1024;

let scratch: string;
let report: ScanReport;
let server: RunningServer;
let readOnly: RunningServer;

const scanCount = (dbPath: string) => {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare('SELECT COUNT(*) FROM scans').pluck().get() as number;
  } finally {
    db.close();
  }
};

const body = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify({ repository: REPOSITORY, commit: 'a1b2c3d4e5f6a7b8c9d0', branch: 'main', commitTime: '2026-03-02T10:00:00Z', report, ...overrides });

/** The same report with different findings; the counts in its metrics follow them. */
function reportWithFindings(findings: ScanReport['findings']): ScanReport {
  const byCategory = { tracing: 0, 'tool-sprawl': 0, prompts: 0, evals: 0, hygiene: 0 };
  for (const finding of findings) byCategory[finding.category] += 1;
  return {
    ...report,
    findings,
    metrics: {
      ...report.metrics,
      findings: { error: findings.filter((finding) => finding.severity === 'error').length, warning: findings.filter((finding) => finding.severity === 'warning').length },
      findingsByCategory: byCategory,
      debtMinutes: findings.reduce((sum, finding) => sum + finding.effortMinutes, 0),
    },
  };
}

beforeAll(async () => {
  assertBuilt();
  scratch = makeHistoryDir();
  report = await supportBotReport(scratch);
  server = await startServer({ dbPath: join(scratch, 'dashboard.db'), uploadToken: TOKEN, uploadMaxBytes: MAX_BYTES });
  readOnly = await startServer({ dbPath: join(scratch, 'read-only.db') });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await readOnly?.close();
  removeHistoryDirs();
});

describe('empty database', () => {
  it('tells a new user what to run on the overview', async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('genai-debt scan . --save');
    expect(html).toContain('genai-debt history . --since 52w --every 1w --save');
    expect(await (await fetch(`${server.url}/api/overview`)).json()).toStrictEqual({
      teams: [],
      repositories: [],
      sort: { teamSort: 'debt', teamDir: 'desc', repoSort: 'debt', repoDir: 'desc' },
    });
  });
});

describe('POST /api/scans rejects', () => {
  it('an upload without a token with 401 and stores nothing', async () => {
    const response = await upload(server.url, body());
    expect(response.status).toBe(401);
    expect((await response.json()).error).toMatch(/^Missing or wrong bearer token/);
    expect(scanCount(join(scratch, 'dashboard.db'))).toBe(0);
  });

  it('an upload with a wrong token of the same length with 401 and stores nothing', async () => {
    const response = await upload(server.url, body(), TOKEN.replace(/.$/, 'X'));
    expect(response.status).toBe(401);
    expect(scanCount(join(scratch, 'dashboard.db'))).toBe(0);
  });

  it('an upload with a wrong token of another length with 401', async () => {
    expect((await upload(server.url, body(), 'short')).status).toBe(401);
  });

  it('an upload to a server without a token with 403 that says it is read-only', async () => {
    const response = await upload(readOnly.url, body(), TOKEN);
    expect(response.status).toBe(403);
    expect((await response.json()).error).toMatch(/read-only: no upload token is configured/);
    expect(scanCount(join(scratch, 'read-only.db'))).toBe(0);
  });

  it('a body that is not JSON with 400', async () => {
    const response = await upload(server.url, '{"repository": ', TOKEN);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'The body is not valid JSON.' });
  });

  it('a report that does not match the schema with 400 naming the problem', async () => {
    const { metrics: _metrics, ...withoutMetrics } = report;
    const response = await upload(server.url, body({ report: withoutMetrics }), TOKEN);
    expect(response.status).toBe(400);
    expect((await response.json()).error).toBe("The report does not match the scan report schema: report must have required property 'metrics'");
  });

  it('an upload without a repository with 400', async () => {
    const response = await upload(server.url, JSON.stringify({ report }), TOKEN);
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatch(/^Invalid upload: repository: expected string/);
  });

  it('a commit time that is not a date with 400', async () => {
    const response = await upload(server.url, body({ commitTime: 'yesterday' }), TOKEN);
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatch(/^Invalid upload: commitTime: /);
  });

  it('a body over the size limit with 413', async () => {
    const padded = { ...report, root: 'x'.repeat(MAX_BYTES) };
    const response = await upload(server.url, body({ report: padded }), TOKEN);
    expect(response.status).toBe(413);
    expect((await response.json()).error).toBe(`The body is larger than this server accepts (${MAX_BYTES} bytes; upload.maxBytes in the server config).`);
  });

  it('a body sent as another content type with 415', async () => {
    expect((await upload(server.url, body(), TOKEN, 'text/plain')).status).toBe(415);
  });

  it('left the database without scans', () => {
    expect(scanCount(join(scratch, 'dashboard.db'))).toBe(0);
  });
});

describe('an accepted upload', () => {
  let firstScanId: number;
  let secondScanId: number;

  beforeAll(async () => {
    const first = await upload(server.url, body(), TOKEN);
    expect(first.status).toBe(201);
    firstScanId = (await first.json()).scanId;
    const fixed = await upload(server.url, body({ report: reportWithFindings([]), commit: 'b1b2c3d4e5f6a7b8c9d0', commitTime: '2026-03-05T10:00:00Z' }), TOKEN);
    expect(fixed.status).toBe(201);
    secondScanId = (await fixed.json()).scanId;
  });

  it('answers 201 with the stored scan and its counts', async () => {
    const again = await upload(server.url, body({ commit: 'c1b2c3d4e5f6a7b8c9d0', commitTime: '2026-03-06T10:00:00Z' }), TOKEN);
    expect(await again.json()).toEqual({ scanId: secondScanId + 1, added: 1, fixed: 0, unchanged: 0, repository: REPOSITORY, url: `/scans/${secondScanId + 1}` });
  });

  it('shows in the overview JSON with its debt', async () => {
    const overview = await (await fetch(`${server.url}/api/overview`)).json();
    expect(overview.asOf).toBe('2026-03-06');
    expect(overview.repositories).toEqual([
      {
        name: REPOSITORY,
        branch: 'main',
        lastDay: '2026-03-06',
        scanId: secondScanId + 1,
        debt: report.metrics.debtMinutes,
        change: report.metrics.debtMinutes,
        findings: report.findings.length,
        errors: report.metrics.findings.error,
        llmCalls: report.metrics.llmCalls,
        tracedShare: report.metrics.tracedShare,
        evalCoverage: report.metrics.evalCoverage,
      },
    ]);
    // One point per day from the first scanned day to the last; the fixed finding drops to 0 between.
    expect(overview.charts.debt.labels).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06']);
    const tracing = overview.charts.debt.series.find((series: { label: string }) => series.label === 'tracing');
    expect(tracing.data).toEqual([15, 15, 15, 0, 15]);
  });

  it('shows on the repository page as HTML and JSON', async () => {
    const page = await fetch(`${server.url}/repos/${encodeURIComponent(REPOSITORY)}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`<h1>${REPOSITORY}</h1>`);
    expect(html).toContain(report.findings[0]!.message);
    const json = await (await fetch(`${server.url}/api/repos/${encodeURIComponent(REPOSITORY)}`)).json();
    expect(json.cards).toEqual({
      debt: report.metrics.debtMinutes,
      findings: 1,
      llmCalls: report.metrics.llmCalls,
      tracedShare: report.metrics.tracedShare,
      evalCoverage: report.metrics.evalCoverage,
      tools: 0,
      largestToolSet: 0,
      largestPromptTokens: 0,
    });
    expect(json.findings.rows.map((row: { ruleId: string }) => row.ruleId)).toEqual(['no-untraced-llm-call']);
  });

  it('shows what the next scan fixed on its scan page', async () => {
    const scan = await (await fetch(`${server.url}/api/scans/${secondScanId}`)).json();
    expect(scan.previousScanId).toBe(firstScanId);
    expect(scan.added).toEqual([]);
    expect(scan.fixed.map((row: { message: string }) => row.message)).toEqual([report.findings[0]!.message]);
    expect(scan.scan.kind).toBe('upload');
  });

  it('keeps a finding new since a day when the last scan before that day lacked it', async () => {
    const since = async (day: string) =>
      (await (await fetch(`${server.url}/api/repos/${encodeURIComponent(REPOSITORY)}?newSince=${day}`)).json()).findings as { total: number; baselineScanId?: number };
    expect(await since('2026-03-06')).toMatchObject({ total: 1, baselineScanId: secondScanId });
    // Against the first scan, which had the same finding: nothing is new.
    expect(await since('2026-03-03')).toMatchObject({ total: 0, baselineScanId: firstScanId });
  });

  it('exports the findings as CSV', async () => {
    const response = await fetch(`${server.url}/repos/${encodeURIComponent(REPOSITORY)}/findings.csv`);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename=genai-debt-findings.csv');
    const [finding] = report.findings;
    expect(await response.text()).toBe(
      `ruleId,category,severity,team,file,line,effortMinutes,message,fingerprint\r\n` +
        `${finding!.ruleId},${finding!.category},${finding!.severity},${finding!.team},${finding!.file},${finding!.line},${finding!.effortMinutes},${finding!.message.includes(',') ? `"${finding!.message}"` : finding!.message},${finding!.fingerprint}\r\n`,
    );
  });

  it('serves an SVG badge with the debt', async () => {
    const response = await fetch(`${server.url}/repos/${encodeURIComponent(REPOSITORY)}/badge.svg`);
    expect(response.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(await response.text()).toContain('<title>genai debt: 15min</title>');
    const rating = await (await fetch(`${server.url}/repos/${encodeURIComponent(REPOSITORY)}/badge.svg?metric=rating`)).text();
    expect(rating).toContain('<title>genai debt rating: A</title>');
  });
});

describe('unknown ids', () => {
  it.each([
    ['/repos/github.com%2Facme%2Fnothing', 'No repository named github.com/acme/nothing is stored.'],
    ['/scans/999999', 'No scan with id 999999 is stored.'],
    ['/scans/latest', 'No scan with id latest: scan ids are positive integers.'],
    ['/rules/no-such-rule', 'No rule with id no-such-rule; the rules page lists them all.'],
    ['/teams/%40acme%2Fnobody', 'No team named @acme/nobody owns anything in the stored scans.'],
    ['/teams/%40acme%2Fnobody/badge.svg', 'No team named @acme/nobody owns anything in the stored scans.'],
    ['/nothing/here', 'Nothing at /nothing/here.'],
  ])('%s answers a 404 page that says what was not found', async (path, reason) => {
    const response = await fetch(`${server.url}${path}`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain(`<p id="reason">${reason}</p>`);
  });

  it('answers 404 with the reason as JSON under /api', async () => {
    const response = await fetch(`${server.url}/api/scans/999999`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'No scan with id 999999 is stored.' });
  });
});

describe('query parameters', () => {
  const repoApi = `/api/repos/${encodeURIComponent(REPOSITORY)}`;
  it.each([
    ['/api/overview?teamSort=size', 'Invalid query parameters: teamSort: expected one of "name"|"debt"|"change"|"findings"|"tracedShare"|"evalCoverage"|"repositories"'],
    ['/api/overview?limit=5', 'Invalid query parameters: query: Unrecognized key: "limit"'],
    [`${repoApi}?page=0`, 'Invalid query parameters: page: Too small: expected number to be >=1'],
    [`${repoApi}?severity=fatal`, 'Invalid query parameters: severity: expected one of "error"|"warning"'],
    [`${repoApi}?newSince=2026-02-30`, 'Invalid query parameters: newSince: expected a date as YYYY-MM-DD'],
    [`${repoApi}?rule=%3Cscript%3E`, 'Invalid query parameters: rule: expected a rule id such as no-untraced-llm-call'],
    [`${repoApi}?page=1&page=2`, 'Invalid query parameters: page: expected number, received NaN'],
  ])('%s answers 400 with the reason', async (path, reason) => {
    const response = await fetch(`${server.url}${path}`);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: reason });
  });

  it('shows a bad parameter on an HTML page as a 400 page, escaped', async () => {
    const response = await fetch(`${server.url}/repos/${encodeURIComponent(REPOSITORY)}?team=${'x'.repeat(301)}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('<h1>Bad request</h1>');
  });

  it('treats an empty filter as no filter, as a GET form sends it', async () => {
    const response = await fetch(`${server.url}${repoApi}?rule=&family=&severity=&team=&newSince=`);
    expect(response.status).toBe(200);
    expect((await response.json()).findings.total).toBe(1);
  });
});

describe('security headers', () => {
  it('sends a Content-Security-Policy that allows only same-origin scripts, and no inline script on any page', async () => {
    for (const path of ['/', `/repos/${encodeURIComponent(REPOSITORY)}`, '/rules', '/rules/no-untraced-llm-call', '/scans/1', '/nothing']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      const scripts = (await response.text()).match(/<script[^>]*>/g) ?? [];
      expect(scripts).toEqual(['<script src="/assets/chart.umd.js">', '<script src="/assets/dashboard.js">']);
    }
  });

  it('serves chart.js from the installed package', async () => {
    const response = await fetch(`${server.url}/assets/chart.umd.js`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Chart.js v4');
  });
});

describe('a failing page', () => {
  it('answers a 500 page without details and writes the stack to the server log', async () => {
    const broken = await startServer({ dbPath: join(scratch, 'broken.db') });
    // A closed database makes every query throw, as a disk failure would.
    broken.store.close();
    const page = await fetch(`${broken.url}/`);
    expect(page.status).toBe(500);
    const html = await page.text();
    expect(html).toContain('<h1>Something went wrong</h1>');
    expect(html).not.toContain('database connection is not open');
    expect(await (await fetch(`${broken.url}/api/overview`)).json()).toEqual({ error: 'The server failed to answer this request; its log has the details.' });
    expect(broken.log[0]).toMatch(/^genai-debt serve: GET \/ failed: TypeError: The database connection is not open\n/);
    await broken.close();
  });
});
