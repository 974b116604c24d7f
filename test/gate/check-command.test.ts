import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixedFinding } from '../../src/model/gate.js';
import type { Finding } from '../../src/model/report.js';
import { commitFiles, createRepo, git, removeRepos } from '../git/git-fixture.js';
import { assertBuilt, type CliRun, HISTORY_TIMEOUT_MS, makeHistoryDir, removeHistoryDirs, runCliAsync } from '../history/history-harness.js';

const UNTRACED = 'no-untraced-llm-call';
const lines = (...text: string[]) => `${text.join('\n')}\n`;
const untraced = (api: string, enclosing: string) =>
  `Untraced LLM call ${api} in ${enclosing}. Wrap the client (e.g. wrapOpenAI, observeOpenAI), run it inside a traced function, or enable telemetry.`;

/** The team gates untraced calls as errors; evals are not gated yet. */
const CONFIG = lines('rules:', '  no-untraced-llm-call: error', '  require-eval-suite: off', '  no-unevaluated-llm-feature: off');

const TICKETS = lines(
  "import OpenAI from 'openai';",
  '',
  'const client = new OpenAI();',
  '',
  'export async function answerTicket(question: string) {',
  "  const category = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Classify: ' + question }] });",
  "  return client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'system', content: String(category.id) }, { role: 'user', content: question }] });",
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
  '',
  'export async function triageTicket(ticket: string) {',
  "  return client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: ticket }] });",
  '}',
);

const MAIN_FILES = { 'genai-debt.config.yaml': CONFIG, 'src/tickets.ts': TICKETS, 'src/summarize.ts': SUMMARIZE };

/** The findings on main: four untraced calls, and no tracing setup anywhere (reported once). */
const MAIN_FINDINGS = 5;

interface GateJson {
  failed: boolean;
  summary: { new: number; fixed: number; unchanged: number; budgetViolations: number };
  newFindings: Finding[];
  fixedFindings: FixedFinding[];
  budgetViolations: { id: string; message: string }[];
}

let home: string;

beforeAll(() => {
  assertBuilt();
  home = makeHistoryDir();
});

afterAll(() => {
  removeRepos();
  removeHistoryDirs();
});

/** A repository with `main` committed, then `branch` checked out with `changes` committed on it. */
function repoWithBranch(branch: string, changes: Record<string, string | null>, prepare?: (repo: string) => void): string {
  const repo = createRepo();
  commitFiles(repo, MAIN_FILES, '2026-10-01T12:00:00Z', 'main');
  git(repo, 'checkout', '-q', '-b', branch);
  prepare?.(repo);
  commitFiles(repo, changes, '2026-10-02T12:00:00Z', branch);
  return repo;
}

async function check(repo: string, ...args: string[]): Promise<CliRun> {
  return runCliAsync(['check', repo, ...args], { home, cwd: repo });
}

function gateJson(run: CliRun): GateJson {
  expect(run.stderr).not.toContain('unexpected error');
  return JSON.parse(run.stdout) as GateJson;
}

describe('genai-debt check --since (merge-base scanned from git objects)', () => {
  it('passes a branch that renames a file, moves a function to another file and reformats code', { timeout: HISTORY_TIMEOUT_MS }, async () => {
    const reformatted = lines(
      'import OpenAI from "openai";',
      'const client = new OpenAI();',
      '// Answers a support ticket in two steps.',
      'export async function answerTicket(question: string) {',
      '  const category = await client.chat.completions.create({',
      '    model: "gpt-4o-mini",',
      '    messages: [{ role: "user", content: "Classify: " + question }],',
      '  });',
      '  return client.chat.completions.create({',
      '    model: "gpt-4o",',
      '    messages: [',
      '      { role: "system", content: String(category.id) },',
      '      { role: "user", content: question },',
      '    ],',
      '  });',
      '}',
    );
    const summarizeOnly = SUMMARIZE.slice(0, SUMMARIZE.indexOf('export async function triageTicket'));
    const triage = lines(
      "import OpenAI from 'openai';",
      '',
      'const client = new OpenAI();',
      '',
      'export async function triageTicket(ticket: string) {',
      "  return client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: ticket }] });",
      '}',
    );
    const repo = repoWithBranch(
      'refactor',
      { 'src/support/tickets.ts': reformatted, 'src/summarize.ts': summarizeOnly, 'src/support/triage.ts': triage },
      (work) => {
        mkdirSync(join(work, 'src/support'));
        git(work, 'mv', 'src/tickets.ts', 'src/support/tickets.ts');
      },
    );

    const run = await check(repo, '--since', 'main', '--format', 'json');
    const gate = gateJson(run);
    expect(gate.newFindings).toEqual([]);
    expect(gate.summary).toEqual({ new: 0, fixed: 0, unchanged: MAIN_FINDINGS, budgetViolations: 0 });
    expect(run.status).toBe(0);
  });

  it('fails a branch that adds one untraced call, naming exactly that call', { timeout: HISTORY_TIMEOUT_MS }, async () => {
    const withEscalation = lines(
      TICKETS.trimEnd(),
      '',
      'export async function escalateTicket(ticket: string) {',
      "  return client.responses.create({ model: 'gpt-4o', input: ticket });",
      '}',
    );
    const repo = repoWithBranch('feature', { 'src/tickets.ts': withEscalation });

    const json = await check(repo, '--since', 'main', '--format', 'json');
    const gate = gateJson(json);
    expect(gate.newFindings.map(({ ruleId, file, line, severity, message }) => ({ ruleId, file, line, severity, message }))).toEqual([
      { ruleId: UNTRACED, file: 'src/tickets.ts', line: 11, severity: 'error', message: untraced('openai.responses.create', 'escalateTicket') },
    ]);
    expect(gate.summary).toEqual({ new: 1, fixed: 0, unchanged: MAIN_FINDINGS, budgetViolations: 0 });
    expect(json.status).toBe(1);

    const text = await check(repo, '--since', 'main');
    expect(text.status).toBe(1);
    expect(text.stdout).toContain('src/tickets.ts');
    expect(text.stdout).toContain(untraced('openai.responses.create', 'escalateTicket'));
    expect(text.stdout).not.toContain('answerTicket');
    expect(text.stdout).not.toContain('summarizeThread');
  });

  it('reports the added call when a branch fixes one untraced call and adds another in the same function', { timeout: HISTORY_TIMEOUT_MS }, async () => {
    // The classify call goes through a traced client; a follow-up call is added below the answer.
    const fixedAndAdded = lines(
      "import OpenAI from 'openai';",
      "import { wrapOpenAI } from 'langsmith/wrappers';",
      '',
      'const client = new OpenAI();',
      'const tracedClient = wrapOpenAI(new OpenAI());',
      '',
      'export async function answerTicket(question: string) {',
      "  const category = await tracedClient.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Classify: ' + question }] });",
      "  const answer = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'system', content: String(category.id) }, { role: 'user', content: question }] });",
      "  await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Suggest a follow-up question' }] });",
      '  return answer;',
      '}',
    );
    const repo = repoWithBranch('fix-and-add', { 'src/tickets.ts': fixedAndAdded });

    const run = await check(repo, '--since', 'main', '--format', 'json');
    const gate = gateJson(run);
    expect(gate.newFindings.map(({ file, line, message }) => ({ file, line, message }))).toEqual([
      { file: 'src/tickets.ts', line: 10, message: untraced('openai.chat.completions.create', 'answerTicket') },
    ]);
    // The traced client is also the repository's first tracing setup, so require-tracing-setup is fixed too.
    expect(gate.fixedFindings.map(({ ruleId, file, line }) => ({ ruleId, file, line }))).toEqual([
      { ruleId: 'require-tracing-setup', file: 'src/summarize.ts', line: 6 },
      { ruleId: UNTRACED, file: 'src/tickets.ts', line: 6 },
    ]);
    expect(run.status).toBe(1);
  });

  it('does not fail untouched code when the branch enables a new rule, since both sides use the same config', { timeout: HISTORY_TIMEOUT_MS }, async () => {
    const stricter = CONFIG.replace('require-eval-suite: off', 'require-eval-suite: error');
    const repo = repoWithBranch('stricter', { 'genai-debt.config.yaml': stricter });

    const since = await check(repo, '--since', 'main', '--format', 'json');
    const gate = gateJson(since);
    expect(gate.newFindings).toEqual([]);
    // The new rule fires on both sides (no eval suite anywhere): unchanged.
    expect(gate.summary).toEqual({ new: 0, fixed: 0, unchanged: MAIN_FINDINGS + 1, budgetViolations: 0 });
    expect(since.status).toBe(0);
  });

  it('exits 2 with a clear message for a ref that does not exist, even with new debt present', { timeout: HISTORY_TIMEOUT_MS }, async () => {
    const repo = repoWithBranch('feature', { 'src/extra.ts': TICKETS.replace('answerTicket', 'answerAgain') });
    const run = await check(repo, '--since', 'origin/does-not-exist');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('origin/does-not-exist');
    expect(run.stderr).not.toContain('    at ');
  });
});

describe('genai-debt baseline and check against the baseline file', () => {
  it('writes a sorted baseline, passes unchanged code, fails new debt and only shrinks without --force', { timeout: HISTORY_TIMEOUT_MS }, async () => {
    const repo = createRepo();
    commitFiles(repo, MAIN_FILES, '2026-10-01T12:00:00Z', 'main');

    const written = await runCliAsync(['baseline'], { home, cwd: repo });
    expect(written.status).toBe(0);
    const baselineFile = join(repo, 'genai-debt-baseline');
    const entries = readFileSync(baselineFile, 'utf8')
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#'));
    expect(entries).toHaveLength(MAIN_FINDINGS);
    expect([...entries].sort()).toEqual(entries);
    expect(entries.map((line) => line.split('\t').slice(0, 2).join(' '))).toEqual([
      'src/summarize.ts no-untraced-llm-call',
      'src/summarize.ts no-untraced-llm-call',
      'src/summarize.ts require-tracing-setup',
      'src/tickets.ts no-untraced-llm-call',
      'src/tickets.ts no-untraced-llm-call',
    ]);
    commitFiles(repo, { 'genai-debt-baseline': readFileSync(baselineFile, 'utf8') }, '2026-10-01T13:00:00Z', 'baseline');

    const clean = await check(repo);
    expect(clean.status).toBe(0);

    writeFileSync(join(repo, 'src/escalate.ts'), TICKETS.replace('answerTicket', 'escalateTicket'));
    const dirty = await check(repo, '--format', 'json');
    expect(gateJson(dirty).newFindings.map((finding) => `${finding.file}:${finding.line}`)).toEqual(['src/escalate.ts:6', 'src/escalate.ts:7']);
    expect(dirty.status).toBe(1);

    const refused = await runCliAsync(['baseline'], { home, cwd: repo });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('2 new findings not added');
    expect(refused.stderr).toContain('genai-debt baseline --force');
    expect(readFileSync(baselineFile, 'utf8').split('\n').filter((line) => line.startsWith('src/'))).toHaveLength(MAIN_FINDINGS);

    const forced = await runCliAsync(['baseline', '--force'], { home, cwd: repo });
    expect(forced.status).toBe(0);
    expect(readFileSync(baselineFile, 'utf8').split('\n').filter((line) => line.startsWith('src/'))).toHaveLength(MAIN_FINDINGS + 2);
    expect((await check(repo)).status).toBe(0);
  });

  it('fails with --frozen when the baseline lists debt that is gone, and passes once the baseline is updated', { timeout: HISTORY_TIMEOUT_MS }, async () => {
    const repo = createRepo();
    commitFiles(repo, MAIN_FILES, '2026-10-01T12:00:00Z', 'main');
    expect((await runCliAsync(['baseline'], { home, cwd: repo })).status).toBe(0);
    writeFileSync(join(repo, 'src/summarize.ts'), SUMMARIZE.slice(0, SUMMARIZE.indexOf('export async function triageTicket')));

    expect((await check(repo)).status).toBe(0);
    const frozen = await check(repo, '--frozen', '--format', 'json');
    const gate = gateJson(frozen);
    expect(gate.fixedFindings.map((finding) => finding.file)).toEqual(['src/summarize.ts']);
    expect(frozen.status).toBe(1);

    const shrunk = await runCliAsync(['baseline'], { home, cwd: repo });
    expect(shrunk.status).toBe(0);
    expect(shrunk.stderr).toContain('1 removed as fixed');
    expect((await check(repo, '--frozen')).status).toBe(0);
  });

  it('shows that a baseline made before a config change fails untouched code, unlike --since', { timeout: HISTORY_TIMEOUT_MS }, async () => {
    const repo = createRepo();
    commitFiles(repo, MAIN_FILES, '2026-10-01T12:00:00Z', 'main');
    expect((await runCliAsync(['baseline'], { home, cwd: repo })).status).toBe(0);
    writeFileSync(join(repo, 'genai-debt.config.yaml'), CONFIG.replace('require-eval-suite: off', 'require-eval-suite: error'));
    const run = await check(repo, '--format', 'json');
    expect(gateJson(run).newFindings.map((finding) => finding.ruleId)).toEqual(['require-eval-suite']);
    expect(run.status).toBe(1);
  });

  it('exits 2 naming the fix when there is no baseline file, and when the baseline has merge conflict markers', { timeout: HISTORY_TIMEOUT_MS }, async () => {
    const repo = createRepo();
    commitFiles(repo, MAIN_FILES, '2026-10-01T12:00:00Z', 'main');
    const missing = await check(repo);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('genai-debt baseline');
    expect(missing.stderr).toContain('--since origin/main');

    writeFileSync(join(repo, 'genai-debt-baseline'), lines('<<<<<<< HEAD', 'src/a.ts\tno-untraced-llm-call\tabc', '=======', '>>>>>>> feature'));
    const conflicted = await check(repo);
    expect(conflicted.status).toBe(2);
    expect(conflicted.stderr).toContain('genai-debt-baseline:1: unresolved git merge conflict');
    expect(existsSync(join(repo, 'genai-debt-baseline'))).toBe(true);
  });
});

describe('genai-debt check --stored (last stored scan of a branch)', () => {
  it('fails only for the call added since the stored scan of main', { timeout: HISTORY_TIMEOUT_MS }, async () => {
    const repo = createRepo();
    commitFiles(repo, MAIN_FILES, '2026-10-01T12:00:00Z', 'main');
    const db = join(makeHistoryDir(), 'history.db');
    const saved = await runCliAsync(['scan', repo, '--save', '--db', db], { home, cwd: repo });
    expect(saved.stderr).toContain('genai-debt: saved scan 1');
    expect(saved.status).toBe(1); // main has error-level debt: no tracing setup
    git(repo, 'checkout', '-q', '-b', 'feature');
    commitFiles(repo, { 'src/escalate.ts': TICKETS.replace('answerTicket', 'escalateTicket') }, '2026-10-02T12:00:00Z');

    const run = await check(repo, '--stored', '--db', db, '--format', 'json');
    const gate = gateJson(run);
    expect(gate.newFindings.map((finding) => `${finding.file}:${finding.line}`)).toEqual(['src/escalate.ts:6', 'src/escalate.ts:7']);
    expect(gate.summary.unchanged).toBe(MAIN_FINDINGS);
    expect(run.status).toBe(1);

    const unknownBranch = await check(repo, '--stored', 'release', '--db', db);
    expect(unknownBranch.status).toBe(2);
    expect(unknownBranch.stderr).toContain('branches stored: main');
  });
});

describe('genai-debt check output for CI', () => {
  it('writes GitHub annotations for the new finding only and appends the job summary', { timeout: HISTORY_TIMEOUT_MS }, async () => {
    const repo = repoWithBranch('feature', { 'src/escalate.ts': TICKETS.replace('answerTicket', 'escalateTicket') });
    const summaryFile = join(makeHistoryDir(), 'step-summary.md');
    writeFileSync(summaryFile, '# Earlier step\n');
    const run = await runCliAsync(['check', repo, '--since', 'main', '--format', 'github'], { home, cwd: repo, env: { GITHUB_STEP_SUMMARY: summaryFile } });
    expect(run.status).toBe(1);
    const annotations = run.stdout.split('\n').filter((line) => line.startsWith('::error') || line.startsWith('::warning'));
    expect(annotations).toHaveLength(2);
    expect(annotations.every((line) => line.startsWith('::error file=src/escalate.ts,line='))).toBe(true);
    const summary = readFileSync(summaryFile, 'utf8');
    expect(summary.startsWith('# Earlier step\n')).toBe(true);
    expect(summary).toContain('src/escalate.ts');
    expect(summary).toContain(UNTRACED);

    const advisory = await runCliAsync(['check', repo, '--since', 'main', '--exit-zero'], { home, cwd: repo });
    expect(advisory.status).toBe(0);
  });
});

describe('genai-debt check budgets and ratchets from config', () => {
  it('fails when the traced share drops with the tracedShare ratchet on, with the numbers before and after', { timeout: HISTORY_TIMEOUT_MS }, async () => {
    const ratchetConfig = lines('rules:', '  no-untraced-llm-call: warning', '  require-eval-suite: off', '  no-unevaluated-llm-feature: off', 'gate:', '  ratchets:', '    tracedShare: true');
    const tracedTickets = lines(
      "import OpenAI from 'openai';",
      "import { wrapOpenAI } from 'langsmith/wrappers';",
      '',
      'const client = wrapOpenAI(new OpenAI());',
      '',
      'export async function answerTicket(question: string) {',
      "  return client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: question }] });",
      '}',
    );
    const repo = createRepo();
    commitFiles(repo, { 'genai-debt.config.yaml': ratchetConfig, 'src/tickets.ts': tracedTickets, 'src/summarize.ts': SUMMARIZE }, '2026-10-01T12:00:00Z', 'main');
    git(repo, 'checkout', '-q', '-b', 'feature');
    commitFiles(repo, { 'src/escalate.ts': TICKETS.replace('answerTicket', 'escalateTicket') }, '2026-10-02T12:00:00Z');

    const run = await check(repo, '--since', 'main', '--format', 'json');
    const gate = gateJson(run);
    // 1 of 3 calls traced before, 1 of 5 after; the two new untraced calls are warnings, below --fail-on error.
    expect(gate.budgetViolations.map(({ id, message }) => ({ id, message }))).toEqual([
      { id: 'ratchet/traced-share', message: 'The traced share of LLM calls fell from 33.3% to 20%; it may not drop (gate.ratchets.tracedShare).' },
    ]);
    expect(gate.newFindings.map((finding) => finding.severity)).toEqual(['warning', 'warning']);
    expect(run.status).toBe(1);
  });
});
