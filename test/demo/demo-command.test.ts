import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertBuilt,
  type CliRun,
  HISTORY_TIMEOUT_MS,
  makeHistoryDir,
  readDatabase,
  removeHistoryDirs,
  runCliAsync,
  startCli,
} from '../history/history-harness.js';

const WEEK_MS = 7 * 86_400_000;
const REPOSITORY = 'github.com/acme/helpdesk';

/** Every path under `root` (posix, relative, sorted), folders included; `skip` folders are listed but not entered. */
function listTree(root: string, skip: string[] = []): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      const shown = relative(root, path).split('\\').join('/');
      found.push(shown);
      if (entry.isDirectory() && !skip.includes(shown)) walk(path);
    }
  };
  walk(root);
  return found.sort();
}

/** One metric of every stored scan, oldest first. */
function metricByWeek(dbPath: string, name: string): number[] {
  return readDatabase(dbPath, (db) =>
    (db.prepare('SELECT m.value FROM scan_metrics m JOIN scans s ON s.id = m.scan_id WHERE m.name = ? ORDER BY s.at').all(name) as { value: number }[]).map(
      (row) => row.value,
    ),
  );
}

describe('genai-debt demo --no-serve', () => {
  let home: string;
  let tmp: string;
  let first: CliRun;
  let firstStarted: number;
  let firstEnded: number;
  let demoDir: string;
  let dbPath: string;
  /** The temporary HOME and the demo folder right after the first run, before a test opens the database (which adds WAL files). */
  let treeAfterRun: { home: string[]; tmp: string[]; demo: string[] };

  beforeAll(async () => {
    assertBuilt();
    home = makeHistoryDir();
    // Temporary files would land in TMPDIR: point it into HOME so the tree check below sees them.
    tmp = join(home, 'tmp');
    mkdirSync(tmp);
    demoDir = join(home, '.genai-debt', 'demo');
    dbPath = join(demoDir, 'genai-debt.db');
    firstStarted = Date.now();
    first = await runCliAsync(['demo', '--no-serve'], { home, env: { TMPDIR: tmp } });
    firstEnded = Date.now();
    treeAfterRun = { home: listTree(home, ['.genai-debt/demo']), tmp: readdirSync(tmp), demo: readdirSync(demoDir).sort() };
  }, HISTORY_TIMEOUT_MS);

  afterAll(removeHistoryDirs);

  it('exits 0, reports each week on stderr and prints the trend and the next steps on stdout', () => {
    expect(first.stderr).toMatch(/^genai-debt: building the demo repository .*acme-helpdesk: 8 weekly commits of the acme helpdesk app\n/);
    expect(first.stderr.match(/^genai-debt: \[\d\/8\] /gm)).toHaveLength(8);
    expect(first.stderr).toContain(`8 scans of ${REPOSITORY} in ${dbPath}`);
    expect(first.stdout).toMatch(/^Debt trend of github\.com\/acme\/helpdesk \(main\): 8 scans\n/);
    expect(first.stdout).toContain(`Serve the dashboard with: npx genai-debt serve --db ${dbPath}`);
    expect(first.stdout).toContain(`npx genai-debt scan ${join(demoDir, 'acme-helpdesk')}`);
    expect(first.status).toBe(0);
  });

  it('stores one commit scan per week on main, one week apart, the last one made by this run', () => {
    const scans = readDatabase(dbPath, (db) =>
      db.prepare('SELECT r.name AS repository, s.kind, s.branch, s.commit_time AS time FROM scans s JOIN repos r ON r.id = s.repo_id ORDER BY s.at').all(),
    ) as { repository: string; kind: string; branch: string; time: string }[];
    expect(scans.map(({ repository, kind, branch }) => ({ repository, kind, branch }))).toEqual(Array(8).fill({ repository: REPOSITORY, kind: 'commit', branch: 'main' }));
    const times = scans.map((scan) => Date.parse(scan.time));
    expect(times.slice(1).map((time, index) => time - times[index]!)).toEqual(Array(7).fill(WEEK_MS));
    // The last commit is dated when the run built it, truncated to the minute.
    expect(times[7]! % 60_000).toBe(0);
    expect(times[7]).toBeGreaterThanOrEqual(Math.floor(firstStarted / 60_000) * 60_000);
    expect(times[7]).toBeLessThanOrEqual(firstEnded);
  });

  it('stores the story of the weeks: the tool set grows past 20, the prompt past 2,000 tokens, tracing is fixed in week 6, evals grow', () => {
    expect(metricByWeek(dbPath, 'largestToolSet')).toEqual([6, 10, 14, 17, 21, 21, 24, 26]);
    expect(metricByWeek(dbPath, 'duplicateTools')).toEqual([0, 2, 2, 2, 2, 2, 2, 2]);
    expect(metricByWeek(dbPath, 'largestPromptTokens')).toEqual([336, 498, 662, 928, 1064, 1178, 1467, 2039]);
    expect(metricByWeek(dbPath, 'llmCalls')).toEqual([3, 5, 6, 7, 8, 8, 9, 8]);
    expect(metricByWeek(dbPath, 'tracedCalls')).toEqual([2, 2, 2, 2, 2, 7, 7, 6]);
    expect(metricByWeek(dbPath, 'tracedShare')).toEqual([0.667, 0.4, 0.333, 0.286, 0.25, 0.875, 0.778, 0.75]);
    expect(metricByWeek(dbPath, 'evalSuites')).toEqual([1, 1, 1, 1, 1, 1, 3, 4]);
    expect(metricByWeek(dbPath, 'evalCoverage')).toEqual([0.333, 0.2, 0.167, 0.143, 0.125, 0.125, 0.333, 0.5]);
  });

  it('stores the last week with findings of every category the demo shows, owned by the CODEOWNERS teams', () => {
    const findings = readDatabase(dbPath, (db) =>
      db
        .prepare('SELECT rule_id AS rule, team, COUNT(*) AS count FROM findings WHERE scan_id = (SELECT id FROM scans ORDER BY at DESC LIMIT 1) GROUP BY rule_id, team ORDER BY rule_id, team')
        .all(),
    );
    expect(findings).toEqual([
      { rule: 'max-prompt-growth', team: '@acme/support', count: 1 },
      { rule: 'max-prompt-sections', team: '@acme/support', count: 1 },
      { rule: 'max-prompt-tokens', team: '@acme/support', count: 1 },
      { rule: 'max-tools-per-agent', team: '@acme/support', count: 1 },
      { rule: 'no-duplicate-tool', team: '@acme/platform', count: 1 },
      { rule: 'no-unevaluated-llm-feature', team: '@acme/localization', count: 1 },
      { rule: 'no-unevaluated-llm-feature', team: '@acme/support', count: 3 },
      { rule: 'no-untraced-llm-call', team: '@acme/support', count: 2 },
      { rule: 'require-tool-description', team: '@acme/support', count: 1 },
    ]);
  });

  it('writes nothing outside its data folder', () => {
    expect(treeAfterRun).toEqual({
      home: ['.genai-debt', '.genai-debt/demo', 'tmp'],
      tmp: [],
      demo: ['.genai-debt-demo', 'acme-helpdesk', 'genai-debt.db'],
    });
  });

  it('leaves a git repository whose work tree is the last week, each commit by the fixed author with its week\'s message', async () => {
    const repo = join(demoDir, 'acme-helpdesk');
    const log = execFileSync('git', ['log', '--format=%an <%ae> | %s'], { cwd: repo, encoding: 'utf8' }).trim().split('\n');
    expect(log).toHaveLength(8);
    expect(log[0]).toBe('Acme Helpdesk Team <helpdesk-team@acme.example> | Kettle recall, gift orders, agent eval; remove the FAQ endpoint');
    expect(log[7]).toBe('Acme Helpdesk Team <helpdesk-team@acme.example> | Helpdesk agent with order and account tools, ticket triage, thread summaries');
    expect(new Set(log.map((line) => line.split(' | ')[0]))).toEqual(new Set(['Acme Helpdesk Team <helpdesk-team@acme.example>']));
    expect(existsSync(join(repo, 'src/features/faq-answer.ts'))).toBe(false);
    expect(readFileSync(join(repo, '.github/CODEOWNERS'), 'utf8')).toContain('/src/features/translate-reply.ts   @acme/localization');
    const scan = await runCliAsync(['scan', repo, '--format', 'json'], { home, env: { TMPDIR: tmp } });
    expect((JSON.parse(scan.stdout) as { metrics: { largestToolSet: number } }).metrics.largestToolSet).toBe(26);
  }, HISTORY_TIMEOUT_MS);

  it('rebuilds from scratch on a second run: what was in the folder is gone and the database holds eight scans again', async () => {
    writeFileSync(join(demoDir, 'notes.txt'), 'left here by hand\n');
    const second = await runCliAsync(['demo', '--no-serve'], { home, env: { TMPDIR: tmp } });
    expect(second.status).toBe(0);
    expect(readdirSync(demoDir).sort()).toEqual(['.genai-debt-demo', 'acme-helpdesk', 'genai-debt.db']);
    expect(readdirSync(tmp)).toEqual([]);
    expect(readDatabase(dbPath, (db) => db.prepare('SELECT COUNT(*) AS scans, MIN(id) AS first FROM scans').get())).toEqual({ scans: 8, first: 1 });
    expect(metricByWeek(dbPath, 'largestToolSet')).toEqual([6, 10, 14, 17, 21, 21, 24, 26]);
  }, HISTORY_TIMEOUT_MS);
});

describe('genai-debt demo --dir', () => {
  afterAll(removeHistoryDirs);

  it('refuses a folder it did not make and deletes nothing in it', async () => {
    const home = makeHistoryDir();
    const foreign = join(home, 'projects');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'plan.md'), '# plan\n');
    const run = await runCliAsync(['demo', '--dir', 'projects', '--no-serve'], { home });
    expect(run.stderr).toBe(
      `genai-debt: ${foreign} already exists and was not made by \`genai-debt demo\` (no .genai-debt-demo file in it); the demo deletes its folder's contents on every run, so pass --dir with a new or empty folder.\n`,
    );
    expect(run.status).toBe(2);
    expect(readdirSync(foreign)).toEqual(['plan.md']);
  }, HISTORY_TIMEOUT_MS);

  it('builds the demo in an existing empty folder and marks it as its own', async () => {
    const home = makeHistoryDir();
    const chosen = join(home, 'demo-here');
    mkdirSync(chosen);
    const run = await runCliAsync(['demo', '--dir', chosen, '--no-serve'], { home });
    expect(run.status).toBe(0);
    expect(readdirSync(chosen).sort()).toEqual(['.genai-debt-demo', 'acme-helpdesk', 'genai-debt.db']);
    expect(listTree(home, ['demo-here'])).toEqual(['demo-here']);
  }, HISTORY_TIMEOUT_MS);
});

describe('genai-debt demo (serving)', () => {
  afterAll(removeHistoryDirs);

  it('serves the dashboard of the demo database at the printed URL until SIGTERM', async () => {
    const home = makeHistoryDir();
    const { child, done } = startCli(['demo', '--dir', join(home, 'demo'), '--port', '0'], { home });
    let stdout = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout!.on('data', (text: string) => {
        stdout += text;
        const match = /^Open (http:\/\/127\.0\.0\.1:\d+\/) for the dashboard/m.exec(stdout);
        if (match) resolve(match[1]!);
      });
      void done.then((run) => reject(new Error(`demo exited before serving: ${run.stderr}`)));
    });
    try {
      const overview = (await (await fetch(`${url}api/overview`)).json()) as { repositories: { name: string }[] };
      expect(overview.repositories.map((repository) => repository.name)).toEqual([REPOSITORY]);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(REPOSITORY);
    } finally {
      child.kill('SIGTERM');
    }
    const run = await done;
    expect(run.stderr).toContain(`genai-debt: dashboard at ${url} (database ${join(home, 'demo', 'genai-debt.db')}; read-only: no upload token). Stop with Ctrl-C.\n`);
    expect(run.stderr.endsWith('genai-debt: dashboard stopped\n')).toBe(true);
    expect(run.status).toBe(0);
  }, HISTORY_TIMEOUT_MS);
});
