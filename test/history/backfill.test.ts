import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrendPoint } from '../../src/model/trend.js';
import { commitFiles, createRepo, git, removeRepos } from '../git/git-fixture.js';
import {
  assertBuilt,
  type CliRun,
  HISTORY_TIMEOUT_MS,
  makeHistoryDir,
  readDatabase,
  removeHistoryDirs,
  runCliAsync,
} from './history-harness.js';

const SECOND = 1000;
const DAY = 86_400 * SECOND;
const WEEK = 7 * DAY;

const UNTRACED = 'no-untraced-llm-call';
const TRACING_SETUP = 'require-tracing-setup';
const EVAL_SUITE = 'require-eval-suite';
const SUPPORT = '@acme/support';
const PLATFORM = '@acme/platform';

const lines = (...text: string[]) => `${text.join('\n')}\n`;

const untracedMessage = (api: string, enclosing: string) =>
  `Untraced LLM call ${api} in ${enclosing}. Wrap the client (e.g. wrapOpenAI, observeOpenAI), run it inside a traced function, or enable telemetry.`;

const codeowners = (team: string) => lines('# Support bot owners', `/src/ ${team}`);

const TICKETS = lines(
  "import OpenAI from 'openai';",
  '',
  'const client = new OpenAI();',
  '',
  'export async function answerTicket(question: string) {',
  "  return client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: question }] });",
  '}',
);

const TICKETS_WITH_ESCALATION = lines(
  "import OpenAI from 'openai';",
  '',
  'const client = new OpenAI();',
  '',
  'export async function answerTicket(question: string) {',
  "  return client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: question }] });",
  '}',
  '',
  'export async function escalateTicket(ticket: string) {',
  "  return client.responses.create({ model: 'gpt-4o', input: ticket });",
  '}',
);

const SUMMARIZE_WITH_TRIAGE = lines(
  "import OpenAI from 'openai';",
  '',
  'const client = new OpenAI();',
  '',
  'export async function summarizeThread(thread: string[]) {',
  "  return client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: thread.join(' ') }] });",
  '}',
  '',
  'export async function triageTicket(ticket: string) {',
  "  return client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: ticket }] });",
  '}',
);

const SUMMARIZE = lines(
  "import OpenAI from 'openai';",
  '',
  'const client = new OpenAI();',
  '',
  'export async function summarizeThread(thread: string[]) {',
  "  return client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: thread.join(' ') }] });",
  '}',
);

const SUMMARIZE_REFORMATTED = lines(
  "import OpenAI from 'openai';",
  '',
  '',
  'const client = new OpenAI();',
  '',
  '/** Summarizes a support thread for the agent. */',
  'export async function summarizeThread(thread: string[]) {',
  '',
  '    return client.chat.completions.create({',
  "      model: 'gpt-4o-mini',",
  "      messages: [{ role: 'user', content: thread.join(' ') }],",
  '    });',
  '}',
);

const SUMMARIZE_WITHOUT_LLM = lines(
  '/** Summarizes a support thread for the agent: its last three messages, no model needed. */',
  'export function summarizeThread(thread: string[]): string {',
  "  return thread.slice(-3).join(' ');",
  '}',
);

const TRIAGE = lines(
  "import OpenAI from 'openai';",
  '',
  'const client = new OpenAI();',
  '',
  'export async function triageTicket(ticket: string) {',
  "  return client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: ticket }] });",
  '}',
);

const TRIAGE_REFORMATTED = lines(
  "import OpenAI from 'openai';",
  '',
  'const client = new OpenAI();',
  '',
  '',
  '',
  'export async function triageTicket(ticket: string) {',
  '',
  "      return client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: ticket }] });",
  '}',
);

const FORMAT = lines('export function formatAnswer(text: string): string {', '  return text.trim();', '}');

const FORMAT_EDITED = lines(
  'export function formatAnswer(text: string): string {',
  '  return text.trim();',
  '}',
  '',
  'export function formatSignature(agent: string): string {',
  '  return `-- ${agent}, Acme support`;',
  '}',
);

/** One stored finding as the assertions compare it. */
interface FindingRow {
  rule_id: string;
  file: string;
  line: number;
  col: number;
  team: string;
  state: string;
}

const finding = (rule_id: string, file: string, line: number, col: number, team: string, state: 'new' | 'unchanged'): FindingRow => ({
  rule_id,
  file,
  line,
  col,
  team,
  state,
});

interface Commit {
  id: string;
  /** Committer time, ISO 8601 with milliseconds (as the store writes it). */
  at: string;
}

let repo: string;
let home: string;
let dbPath: string;
let commits: Commit[];
let firstRun: CliRun;
let rerun: CliRun;
let headBefore: string;
let headAfter: string;
let statusAfter: string;
let branchAfter: string;
let scansAfterFirstRun: number;
let findingsAfterFirstRun: number;
let fixedAfterFirstRun: number;

function historyArgs(): string[] {
  return ['history', repo, '--since', '52w', '--every', '1w', '--save', '--db', dbPath, '--format', 'json', '--stats'];
}

function tableCounts(): { scans: number; findings: number; fixed: number } {
  return readDatabase(dbPath, (db) => ({
    scans: db.prepare('SELECT COUNT(*) FROM scans').pluck().get() as number,
    findings: db.prepare('SELECT COUNT(*) FROM findings').pluck().get() as number,
    fixed: db.prepare('SELECT COUNT(*) FROM fixed_findings').pluck().get() as number,
  }));
}

function findingsOf(scanIndex: number): FindingRow[] {
  return readDatabase(
    dbPath,
    (db) =>
      db
        .prepare(
          `SELECT rule_id, file, line, col, team, state FROM findings
           WHERE scan_id = (SELECT id FROM scans ORDER BY at, id LIMIT 1 OFFSET ?) ORDER BY file, line, rule_id`,
        )
        .all(scanIndex) as FindingRow[],
  );
}

function parseTrend(run: CliRun): { repository: string; team?: string; branch?: string; points: TrendPoint[] } {
  try {
    return JSON.parse(run.stdout);
  } catch {
    throw new Error(`stdout is not JSON (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
}

/** The counts of a trend point the assertions pin down. */
function countsOf(point: TrendPoint) {
  const { commit, at, findings, added, fixed, errors, warnings, llmCalls, tracedCalls, debtMinutes } = point;
  return { commit, at, findings, added, fixed, errors, warnings, llmCalls, tracedCalls, debtMinutes };
}

beforeAll(async () => {
  assertBuilt();
  repo = createRepo();
  const scratch = makeHistoryDir();
  home = join(scratch, 'home');
  dbPath = join(scratch, 'history.db');

  // Seven commits a week apart, the newest three days ago, on whole seconds (git's resolution).
  const newest = Math.floor((Date.now() - 3 * DAY) / SECOND) * SECOND;
  const dateOf = (index: number) => new Date(newest - (6 - index) * WEEK).toISOString().replace('.000Z', 'Z');
  const commit = (index: number, files: Parameters<typeof commitFiles>[1], message: string): Commit => {
    const date = dateOf(index);
    return { id: commitFiles(repo, files, date, message), at: new Date(date).toISOString() };
  };

  commits = [];
  commits.push(
    commit(
      0,
      {
        '.github/CODEOWNERS': codeowners(SUPPORT),
        'src/tickets.ts': TICKETS,
        'src/summarize.ts': SUMMARIZE_WITH_TRIAGE,
        'src/format.ts': FORMAT,
      },
      'Support bot: answer, summarize and triage tickets',
    ),
  );
  mkdirSync(join(repo, 'src/support'));
  git(repo, 'mv', 'src/tickets.ts', 'src/support/tickets.ts');
  commits.push(commit(1, { 'src/format.ts': FORMAT_EDITED }, 'Move tickets.ts into src/support; add a signature helper'));
  commits.push(commit(2, { 'src/summarize.ts': SUMMARIZE, 'src/triage.ts': TRIAGE }, 'Move triageTicket to its own module'));
  commits.push(commit(3, { 'src/summarize.ts': SUMMARIZE_REFORMATTED, 'src/triage.ts': TRIAGE_REFORMATTED }, 'Reformat'));
  commits.push(commit(4, { '.github/CODEOWNERS': codeowners(PLATFORM) }, 'The platform team owns src/'));
  commits.push(commit(5, { 'src/support/tickets.ts': TICKETS_WITH_ESCALATION }, 'Escalate tickets to a larger model'));
  commits.push(commit(6, { 'src/summarize.ts': SUMMARIZE_WITHOUT_LLM }, 'Summarize threads without a model'));

  headBefore = git(repo, 'rev-parse', 'HEAD');
  firstRun = await runCliAsync(historyArgs(), { home });
  ({ scans: scansAfterFirstRun, findings: findingsAfterFirstRun, fixed: fixedAfterFirstRun } = tableCounts());
  rerun = await runCliAsync(historyArgs(), { home });
  headAfter = git(repo, 'rev-parse', 'HEAD');
  branchAfter = git(repo, 'symbolic-ref', 'HEAD');
  statusAfter = git(repo, 'status', '--porcelain', '--untracked-files=all');
}, HISTORY_TIMEOUT_MS);

afterAll(() => {
  removeRepos();
  removeHistoryDirs();
});

describe('history --save over a repository with renames, moves, a reformat and an owner change', () => {
  it('exits 0 and reports each sampled commit on stderr', () => {
    expect(firstRun.status, firstRun.stderr).toBe(0);
    const progress = firstRun.stderr.trimEnd().split('\n');
    expect(progress[0]).toMatch(new RegExp(`^genai-debt: 7 commits of ${basename(repo)} sampled every 1w since \\d{4}-\\d{2}-\\d{2}$`));
    const label = (index: number) => `[${index + 1}/7] ${commits[index]!.id.slice(0, 8)} ${commits[index]!.at.slice(0, 10)}`;
    // The extraction cache is keyed by contents and extension: the renamed file comes from it; every edited one is parsed again.
    expect(progress.slice(1, 8)).toEqual([
      `genai-debt: ${label(0)} 5 findings (5 new, 0 fixed), 0/2 files from cache`,
      `genai-debt: ${label(1)} 5 findings (0 new, 0 fixed), 2/2 files from cache`,
      `genai-debt: ${label(2)} 5 findings (0 new, 0 fixed), 1/3 files from cache`,
      `genai-debt: ${label(3)} 5 findings (0 new, 0 fixed), 1/3 files from cache`,
      `genai-debt: ${label(4)} 5 findings (0 new, 0 fixed), 3/3 files from cache`,
      `genai-debt: ${label(5)} 6 findings (1 new, 0 fixed), 2/3 files from cache`,
      `genai-debt: ${label(6)} 5 findings (0 new, 1 fixed), 2/2 files from cache`,
    ]);
    expect(progress[8]).toBe(`genai-debt: stored 7 scans, skipped 0 already stored, in ${dbPath}`);
  });

  it('prints with --stats the files and bytes it parsed: each version of a file with a GenAI signal once', () => {
    const { stats } = JSON.parse(firstRun.stderr.trimEnd().split('\n').at(-1)!);
    // format.ts has no GenAI signal; the moved tickets.ts and the unchanged files come from the cache.
    const parsed = [SUMMARIZE_WITH_TRIAGE, TICKETS, SUMMARIZE, TRIAGE, SUMMARIZE_REFORMATTED, TRIAGE_REFORMATTED, TICKETS_WITH_ESCALATION];
    expect(stats).toEqual({
      commits: 7,
      stored: 7,
      skipped: 0,
      parsedFiles: parsed.length,
      parsedBytes: parsed.reduce((sum, text) => sum + Buffer.byteLength(text), 0),
      seconds: expect.any(Number),
      maxRssMb: expect.any(Number),
    });
  });

  it('stores one complete commit scan per sampled commit, oldest first, at the commit time', () => {
    const scans = readDatabase(dbPath, (db) =>
      db.prepare('SELECT id, kind, commit_id, branch, at, commit_time, status FROM scans ORDER BY id').all(),
    );
    expect(scans).toEqual(
      commits.map((commit, index) => ({
        id: index + 1,
        kind: 'commit',
        commit_id: commit.id,
        branch: 'main',
        at: commit.at,
        commit_time: commit.at,
        status: 'complete',
      })),
    );
  });

  it('stores every finding of the first commit as new, owned by the CODEOWNERS team of that commit', () => {
    expect(findingsOf(0)).toEqual([
      finding(UNTRACED, 'src/summarize.ts', 6, 10, SUPPORT, 'new'),
      finding(EVAL_SUITE, 'src/summarize.ts', 6, 10, SUPPORT, 'new'),
      finding(TRACING_SETUP, 'src/summarize.ts', 6, 10, SUPPORT, 'new'),
      finding(UNTRACED, 'src/summarize.ts', 10, 10, SUPPORT, 'new'),
      finding(UNTRACED, 'src/tickets.ts', 6, 10, SUPPORT, 'new'),
    ]);
  });

  it('keeps the findings of a file git saw renamed (git mv) unchanged', () => {
    expect(findingsOf(1)).toEqual([
      finding(UNTRACED, 'src/summarize.ts', 6, 10, SUPPORT, 'unchanged'),
      finding(EVAL_SUITE, 'src/summarize.ts', 6, 10, SUPPORT, 'unchanged'),
      finding(TRACING_SETUP, 'src/summarize.ts', 6, 10, SUPPORT, 'unchanged'),
      finding(UNTRACED, 'src/summarize.ts', 10, 10, SUPPORT, 'unchanged'),
      finding(UNTRACED, 'src/support/tickets.ts', 6, 10, SUPPORT, 'unchanged'),
    ]);
  });

  it('keeps the finding of a function moved to another file unchanged', () => {
    expect(findingsOf(2)).toEqual([
      finding(UNTRACED, 'src/summarize.ts', 6, 10, SUPPORT, 'unchanged'),
      finding(EVAL_SUITE, 'src/summarize.ts', 6, 10, SUPPORT, 'unchanged'),
      finding(TRACING_SETUP, 'src/summarize.ts', 6, 10, SUPPORT, 'unchanged'),
      finding(UNTRACED, 'src/support/tickets.ts', 6, 10, SUPPORT, 'unchanged'),
      finding(UNTRACED, 'src/triage.ts', 6, 10, SUPPORT, 'unchanged'),
    ]);
  });

  it('keeps findings unchanged when blank lines and indentation move the calls', () => {
    expect(findingsOf(3)).toEqual([
      finding(UNTRACED, 'src/summarize.ts', 9, 12, SUPPORT, 'unchanged'),
      finding(EVAL_SUITE, 'src/summarize.ts', 9, 12, SUPPORT, 'unchanged'),
      finding(TRACING_SETUP, 'src/summarize.ts', 9, 12, SUPPORT, 'unchanged'),
      finding(UNTRACED, 'src/support/tickets.ts', 6, 10, SUPPORT, 'unchanged'),
      finding(UNTRACED, 'src/triage.ts', 9, 14, SUPPORT, 'unchanged'),
    ]);
  });

  it('gives the findings the owner of the new CODEOWNERS from the commit that changed it, without making them new', () => {
    expect(findingsOf(4)).toEqual([
      finding(UNTRACED, 'src/summarize.ts', 9, 12, PLATFORM, 'unchanged'),
      finding(EVAL_SUITE, 'src/summarize.ts', 9, 12, PLATFORM, 'unchanged'),
      finding(TRACING_SETUP, 'src/summarize.ts', 9, 12, PLATFORM, 'unchanged'),
      finding(UNTRACED, 'src/support/tickets.ts', 6, 10, PLATFORM, 'unchanged'),
      finding(UNTRACED, 'src/triage.ts', 9, 14, PLATFORM, 'unchanged'),
    ]);
  });

  it('marks exactly the added call new', () => {
    expect(findingsOf(5)).toEqual([
      finding(UNTRACED, 'src/summarize.ts', 9, 12, PLATFORM, 'unchanged'),
      finding(EVAL_SUITE, 'src/summarize.ts', 9, 12, PLATFORM, 'unchanged'),
      finding(TRACING_SETUP, 'src/summarize.ts', 9, 12, PLATFORM, 'unchanged'),
      finding(UNTRACED, 'src/support/tickets.ts', 6, 10, PLATFORM, 'unchanged'),
      finding(UNTRACED, 'src/support/tickets.ts', 10, 10, PLATFORM, 'new'),
      finding(UNTRACED, 'src/triage.ts', 9, 14, PLATFORM, 'unchanged'),
    ]);
    const added = readDatabase(dbPath, (db) =>
      db.prepare(`SELECT rule_id, severity, message, file, line, col, team FROM findings WHERE state = 'new' AND scan_id = 6`).all(),
    );
    expect(added).toEqual([
      {
        rule_id: UNTRACED,
        severity: 'warning',
        message: untracedMessage('openai.responses.create', 'escalateTicket'),
        file: 'src/support/tickets.ts',
        line: 10,
        col: 10,
        team: PLATFORM,
      },
    ]);
  });

  it('records exactly the removed call as fixed, and keeps the repository-wide findings on the next call', () => {
    expect(findingsOf(6)).toEqual([
      finding(UNTRACED, 'src/support/tickets.ts', 6, 10, PLATFORM, 'unchanged'),
      finding(EVAL_SUITE, 'src/support/tickets.ts', 6, 10, PLATFORM, 'unchanged'),
      finding(TRACING_SETUP, 'src/support/tickets.ts', 6, 10, PLATFORM, 'unchanged'),
      finding(UNTRACED, 'src/support/tickets.ts', 10, 10, PLATFORM, 'unchanged'),
      finding(UNTRACED, 'src/triage.ts', 9, 14, PLATFORM, 'unchanged'),
    ]);
    const fixed = readDatabase(dbPath, (db) =>
      db.prepare('SELECT scan_id, rule_id, severity, message, file, line, team FROM fixed_findings ORDER BY scan_id, file, line').all(),
    );
    // The fixing scan is the only one with fixed findings: the rename, move and reformat fixed nothing.
    expect(fixed).toEqual([
      {
        scan_id: 7,
        rule_id: UNTRACED,
        severity: 'warning',
        message: untracedMessage('openai.chat.completions.create', 'summarizeThread'),
        file: 'src/summarize.ts',
        line: 9,
        team: PLATFORM,
      },
    ]);
  });

  it('follows the renamed and the moved finding by their anchor fingerprint while the path fingerprint changes', () => {
    const identities = readDatabase(dbPath, (db) => {
      const of = db.prepare(
        `SELECT scan_id, file, fingerprint, anchor_fingerprint FROM findings WHERE rule_id = ? AND message LIKE ? ORDER BY scan_id`,
      );
      return {
        answer: of.all(UNTRACED, '% in answerTicket.%') as { scan_id: number; file: string; fingerprint: string; anchor_fingerprint: string }[],
        triage: of.all(UNTRACED, '% in triageTicket.%') as { scan_id: number; file: string; fingerprint: string; anchor_fingerprint: string }[],
      };
    });
    expect(identities.answer.map((row) => row.file)).toEqual([
      'src/tickets.ts',
      'src/support/tickets.ts',
      'src/support/tickets.ts',
      'src/support/tickets.ts',
      'src/support/tickets.ts',
      'src/support/tickets.ts',
      'src/support/tickets.ts',
    ]);
    expect(new Set(identities.answer.map((row) => row.anchor_fingerprint)).size).toBe(1);
    expect(identities.answer[0]!.fingerprint).not.toBe(identities.answer[1]!.fingerprint);
    expect(identities.triage.map((row) => row.file)).toEqual([
      'src/summarize.ts',
      'src/summarize.ts',
      'src/triage.ts',
      'src/triage.ts',
      'src/triage.ts',
      'src/triage.ts',
      'src/triage.ts',
    ]);
    expect(new Set(identities.triage.map((row) => row.anchor_fingerprint)).size).toBe(1);
    expect(identities.triage[1]!.fingerprint).not.toBe(identities.triage[2]!.fingerprint);
  });

  it('prints the trend of the branch as JSON on stdout', () => {
    const trend = parseTrend(firstRun);
    expect({ repository: trend.repository, branch: trend.branch, team: trend.team }).toEqual({ repository: basename(repo), branch: 'main', team: undefined });
    expect(trend.points.map(countsOf)).toEqual(expectedRepositoryTrend());
  });

  it('leaves the work tree and HEAD as they were', () => {
    expect(statusAfter).toBe('');
    expect(headAfter).toBe(headBefore);
    expect(headAfter).toBe(commits[6]!.id);
    expect(branchAfter).toBe('refs/heads/main');
  });
});

describe('running the same history again', () => {
  it('stores nothing new and says every commit was already stored', () => {
    expect(rerun.status, rerun.stderr).toBe(0);
    expect({ scans: scansAfterFirstRun, findings: findingsAfterFirstRun, fixed: fixedAfterFirstRun }).toEqual({ scans: 7, findings: 36, fixed: 1 });
    expect(tableCounts()).toEqual({ scans: 7, findings: 36, fixed: 1 });
    const progress = rerun.stderr.trimEnd().split('\n');
    expect(progress.slice(1, -1)).toEqual([
      ...commits.map((commit, index) => `genai-debt: [${index + 1}/7] ${commit.id.slice(0, 8)} ${commit.at.slice(0, 10)} already stored, skipped`),
      `genai-debt: stored 0 scans, skipped 7 already stored, in ${dbPath}`,
    ]);
    expect(JSON.parse(progress.at(-1)!).stats).toMatchObject({ commits: 7, stored: 0, skipped: 7, parsedFiles: 0, parsedBytes: 0 });
    expect(parseTrend(rerun).points.map(countsOf)).toEqual(expectedRepositoryTrend());
  });
});

/** Per commit: 5 findings (3 untraced calls + the two repository-wide ones), 6 after the added call, 5 after the fix. */
function expectedRepositoryTrend() {
  const point = (index: number, findings: number, added: number, fixed: number, llmCalls: number, debtMinutes: number) => ({
    commit: commits[index]!.id,
    at: commits[index]!.at,
    findings,
    added,
    fixed,
    errors: 1,
    warnings: findings - 1,
    llmCalls,
    tracedCalls: 0,
    debtMinutes,
  });
  return [
    point(0, 5, 5, 0, 3, 405),
    point(1, 5, 0, 0, 3, 405),
    point(2, 5, 0, 0, 3, 405),
    point(3, 5, 0, 0, 3, 405),
    point(4, 5, 0, 0, 3, 405),
    point(5, 6, 1, 0, 4, 420),
    point(6, 5, 0, 1, 3, 405),
  ];
}

describe('trend of the stored history', () => {
  it('gives the counts of every stored scan for the whole repository', async () => {
    const run = await runCliAsync(['trend', repo, '--db', dbPath, '--format', 'json'], { home });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    const trend = parseTrend(run);
    expect({ repository: trend.repository, branch: trend.branch, team: trend.team }).toEqual({ repository: basename(repo), branch: undefined, team: undefined });
    expect(trend.points.map(countsOf)).toEqual(expectedRepositoryTrend());
    expect(trend.points.map((point) => point.scanId)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  }, HISTORY_TIMEOUT_MS);

  it('gives the counts of one team: nothing before it owned src/, everything after', async () => {
    const run = await runCliAsync(['trend', repo, '--db', dbPath, '--team', PLATFORM, '--format', 'json'], { home });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    const trend = parseTrend(run);
    expect({ repository: trend.repository, team: trend.team }).toEqual({ repository: basename(repo), team: PLATFORM });
    const nothing = { findings: 0, added: 0, fixed: 0, errors: 0, warnings: 0, llmCalls: 0, tracedCalls: 0, debtMinutes: 0 };
    const at = (index: number) => ({ commit: commits[index]!.id, at: commits[index]!.at });
    expect(trend.points.map(countsOf)).toEqual([
      { ...at(0), ...nothing },
      { ...at(1), ...nothing },
      { ...at(2), ...nothing },
      { ...at(3), ...nothing },
      // The owner change moves the findings to the team without making them new.
      { ...at(4), findings: 5, added: 0, fixed: 0, errors: 1, warnings: 4, llmCalls: 3, tracedCalls: 0, debtMinutes: 405 },
      { ...at(5), findings: 6, added: 1, fixed: 0, errors: 1, warnings: 5, llmCalls: 4, tracedCalls: 0, debtMinutes: 420 },
      { ...at(6), findings: 5, added: 0, fixed: 1, errors: 1, warnings: 4, llmCalls: 3, tracedCalls: 0, debtMinutes: 405 },
    ]);
  }, HISTORY_TIMEOUT_MS);

  it('gives the support team the scans before the owner change only', async () => {
    const run = await runCliAsync(['trend', repo, '--db', dbPath, '--team', SUPPORT, '--format', 'json'], { home });
    expect(run.status, run.stderr).toBe(0);
    expect(parseTrend(run).points.map((point) => point.findings)).toEqual([5, 5, 5, 5, 0, 0, 0]);
  }, HISTORY_TIMEOUT_MS);
});
