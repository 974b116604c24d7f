import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { Store } from '../../src/store/store.js';
import {
  assertBuilt,
  type CliRun,
  HISTORY_TIMEOUT_MS,
  makeHistoryDir,
  readDatabase,
  removeHistoryDirs,
  REPO_ROOT,
  runCliAsync,
  startCli,
} from './history-harness.js';
import { commitFiles, createRepo } from '../git/git-fixture.js';

/** Enough files that a cold `scan --save` takes a few seconds here (about 3.5 s on a 2-core machine). */
const BIG_REPOSITORY_FILES = 3000;

const answerModule = (name: string) =>
  [
    "import OpenAI from 'openai';",
    'const client = new OpenAI();',
    `export async function ${name}(question: string) {`,
    "  return client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: question }] });",
    '}',
    '',
  ].join('\n');

function writeTree(root: string, files: Record<string, string>): string {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

let scratch: string;
let home: string;

beforeAll(() => {
  assertBuilt();
  scratch = makeHistoryDir();
  home = join(scratch, 'home');
});

afterAll(() => {
  removeHistoryDirs();
});

/**
 * Checks that a database holds only whole scans, and returns how many. Opened read-write on
 * purpose: closing the last connection checkpoints and removes the WAL a killed writer left, so the
 * next run starts without one.
 */
function assertOnlyCompleteScans(path: string): number {
  const db = new Database(path, { fileMustExist: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const orphans = (table: string) =>
      db.prepare(`SELECT COUNT(*) FROM ${table} WHERE scan_id NOT IN (SELECT id FROM scans WHERE status = 'complete')`).pluck().get();
    expect({
      incompleteScans: db.prepare(`SELECT COUNT(*) FROM scans WHERE status <> 'complete'`).pluck().get(),
      findings: orphans('findings'),
      fixedFindings: orphans('fixed_findings'),
      scanMetrics: orphans('scan_metrics'),
      teamMetrics: orphans('team_metrics'),
    }).toEqual({ incompleteScans: 0, findings: 0, fixedFindings: 0, scanMetrics: 0, teamMetrics: 0 });
    const perScan = db
      .prepare(
        `SELECT scans.id AS id,
                (SELECT COUNT(*) FROM findings WHERE findings.scan_id = scans.id) AS stored,
                (SELECT SUM(value) FROM scan_metrics WHERE scan_metrics.scan_id = scans.id AND name IN ('findings.error', 'findings.warning')) AS counted
         FROM scans ORDER BY id`,
      )
      .all() as { id: number; stored: number; counted: number | null }[];
    for (const scan of perScan) expect({ id: scan.id, stored: scan.stored }).toEqual({ id: scan.id, stored: scan.counted });
    return perScan.length;
  } finally {
    db.close();
  }
}

/** Frames in a WAL file whose salts match its header, and how many of them end a transaction (commit frames). */
function walFrames(path: string): { frames: number; commitFrames: number } {
  if (!existsSync(path)) return { frames: 0, commitFrames: 0 };
  const wal = readFileSync(path);
  if (wal.length < 32) return { frames: 0, commitFrames: 0 };
  // https://www.sqlite.org/fileformat.html#the_write_ahead_log: a 32-byte header, then frames of a
  // 24-byte header and one page; bytes 4-7 of a frame header are non-zero only in a commit frame.
  const pageSize = wal.readUInt32BE(8);
  const salts = [wal.readUInt32BE(16), wal.readUInt32BE(20)];
  let frames = 0;
  let commitFrames = 0;
  for (let offset = 32; offset + 24 + pageSize <= wal.length; offset += 24 + pageSize) {
    if (wal.readUInt32BE(offset + 8) !== salts[0] || wal.readUInt32BE(offset + 12) !== salts[1]) break;
    frames += 1;
    if (wal.readUInt32BE(offset + 4) !== 0) commitFrames += 1;
  }
  return { frames, commitFrames };
}

function walSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return -1;
  }
}

/** Starts `scan --save` and SIGKILLs it once `shouldKill` (polled every millisecond) says so. */
async function killScanWhen(root: string, dbPath: string, shouldKill: () => boolean): Promise<CliRun> {
  const { child, done } = startCli(['scan', root, '--save', '--db', dbPath], { home });
  const poll = setInterval(() => {
    if (shouldKill()) {
      clearInterval(poll);
      child.kill('SIGKILL');
    }
  }, 1);
  try {
    return await done;
  } finally {
    clearInterval(poll);
  }
}

describe('a scan --save killed with SIGKILL', () => {
  let bigRepository: string;
  let dbPath: string;
  let walPath: string;

  beforeAll(() => {
    bigRepository = join(scratch, 'big-support-bot');
    const files: Record<string, string> = {};
    for (let index = 0; index < BIG_REPOSITORY_FILES; index++) {
      files[`src/feature-${Math.floor(index / 100)}/answer-${index}.ts`] = answerModule(`answerQuestion${index}`);
    }
    writeTree(bigRepository, files);
    dbPath = join(scratch, 'killed.db');
    walPath = `${dbPath}-wal`;
    // Created and migrated up front, so every kill below finds a database to check, and no WAL.
    Store.open(dbPath).close();
  });

  it('leaves no trace when killed while starting', async () => {
    expect(existsSync(walPath)).toBe(false);
    const started = Date.now();
    const run = await killScanWhen(bigRepository, dbPath, () => Date.now() - started >= 200);
    expect(run.signal).toBe('SIGKILL');
    expect(assertOnlyCompleteScans(dbPath)).toBe(0);
  }, HISTORY_TIMEOUT_MS);

  it('leaves no trace when killed while scanning with the database open', async () => {
    expect(existsSync(walPath)).toBe(false);
    // The store opens the database before it scans; the WAL file appears then, empty.
    const run = await killScanWhen(bigRepository, dbPath, () => walSize(walPath) >= 0);
    expect(run.signal).toBe('SIGKILL');
    expect(walFrames(walPath)).toEqual({ frames: 0, commitFrames: 0 });
    expect(assertOnlyCompleteScans(dbPath)).toBe(0);
  }, HISTORY_TIMEOUT_MS);

  it('leaves no trace when killed inside the write transaction, and the next scan --save stores exactly one scan', async () => {
    // Killed as soon as the scan's transaction puts its first page into the WAL (beyond the
    // 32-byte header). The proof that the kill landed inside the transaction is the WAL itself:
    // frames written, none of them a commit frame. Rarely the kill may come after the commit on a
    // loaded machine; then that attempt stored a whole scan, and it is tried again.
    let scansBefore = 0;
    const attempts: { frames: number; commitFrames: number }[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      expect(existsSync(walPath)).toBe(false);
      const run = await killScanWhen(bigRepository, dbPath, () => walSize(walPath) > 32);
      expect(run.signal).toBe('SIGKILL');
      const frames = walFrames(walPath);
      attempts.push(frames);
      const scansAfterKill = assertOnlyCompleteScans(dbPath);
      expect(scansAfterKill).toBe(scansBefore + (frames.commitFrames > 0 ? 1 : 0));
      scansBefore = scansAfterKill;
      if (frames.commitFrames === 0) break;
    }
    const inside = attempts.at(-1)!;
    expect(inside.frames).toBeGreaterThan(0);
    expect(inside.commitFrames).toBe(0);

    const run = await runCliAsync(['scan', bigRepository, '--save', '--db', dbPath, '--format', 'json'], { home });
    // Exit 1: the repository has error-level findings (require-tracing-setup).
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toBe(
      `genai-debt: saved scan ${scansBefore + 1} of ${basename(bigRepository)} to ${dbPath}: ${BIG_REPOSITORY_FILES + 2} new, 0 fixed, 0 unchanged\n`,
    );
    expect(assertOnlyCompleteScans(dbPath)).toBe(scansBefore + 1);
    const stored = readDatabase(dbPath, (db) =>
      db.prepare('SELECT kind, status, files, (SELECT COUNT(*) FROM findings WHERE scan_id = scans.id) AS findings FROM scans ORDER BY id DESC LIMIT 1').get(),
    );
    expect(stored).toEqual({ kind: 'worktree', status: 'complete', files: BIG_REPOSITORY_FILES, findings: BIG_REPOSITORY_FILES + 2 });
  }, HISTORY_TIMEOUT_MS);
});

describe('two scan --save processes writing one new database at the same time', () => {
  it('stores both scans of two repositories', async () => {
    const billing = writeTree(join(scratch, 'billing-bot'), { 'src/invoice.ts': answerModule('explainInvoice') });
    const support = writeTree(join(scratch, 'support-bot'), {
      'src/answer.ts': answerModule('answerTicket'),
      'src/triage.ts': answerModule('triageTicket'),
    });
    const dbPath = join(scratch, 'two-repositories.db');
    const runs = await Promise.all([billing, support].map((root) => runCliAsync(['scan', root, '--save', '--db', dbPath], { home })));
    expect(runs.map((run) => ({ status: run.status, signal: run.signal }))).toEqual([
      { status: 1, signal: null },
      { status: 1, signal: null },
    ]);
    expect(runs[0]!.stderr).toMatch(new RegExp(`^genai-debt: saved scan [12] of billing-bot to ${dbPath}: 3 new, 0 fixed, 0 unchanged\n$`));
    expect(runs[1]!.stderr).toMatch(new RegExp(`^genai-debt: saved scan [12] of support-bot to ${dbPath}: 4 new, 0 fixed, 0 unchanged\n$`));
    expect(assertOnlyCompleteScans(dbPath)).toBe(2);
    const stored = readDatabase(dbPath, (db) => ({
      userVersion: db.pragma('user_version', { simple: true }),
      scans: db
        .prepare(
          `SELECT repos.name AS repository, COUNT(findings.fingerprint) AS findings, SUM(findings.state = 'new') AS added
           FROM scans JOIN repos ON repos.id = scans.repo_id JOIN findings ON findings.scan_id = scans.id
           GROUP BY scans.id ORDER BY repos.name`,
        )
        .all(),
    }));
    expect(stored).toEqual({
      userVersion: MIGRATIONS.length,
      scans: [
        { repository: 'billing-bot', findings: 3, added: 3 },
        { repository: 'support-bot', findings: 4, added: 4 },
      ],
    });
  }, HISTORY_TIMEOUT_MS);

  it('lets two history --save runs of one repository store each commit once', async () => {
    const repo = createRepo();
    const day = 86_400_000;
    for (const [index, name] of ['answerTicket', 'triageTicket', 'refundOrder'].entries()) {
      commitFiles(repo, { [`src/${name}.ts`]: answerModule(name) }, new Date(Date.now() - (21 - index * 7) * day).toISOString());
    }
    const dbPath = join(scratch, 'two-history-runs.db');
    const runs = await Promise.all(
      [0, 1].map(() => runCliAsync(['history', repo, '--since', '52w', '--every', '1w', '--save', '--db', dbPath, '--format', 'json'], { home })),
    );
    expect(runs.map((run) => run.status)).toEqual([0, 0]);
    expect(runs.map((run) => run.stderr).join('')).not.toMatch(/unexpected error/);
    const commits = readDatabase(dbPath, (db) => db.prepare('SELECT COUNT(*) FROM scans').pluck().get());
    expect(commits).toBe(3);
    expect(assertOnlyCompleteScans(dbPath)).toBe(3);
  }, HISTORY_TIMEOUT_MS);

  it('opens a new database from four processes at once without a "database is locked" error', async () => {
    // Switching a new file to WAL answers SQLITE_BUSY at once while another process holds it.
    const open = `const { Store } = await import(${JSON.stringify(join(REPO_ROOT, 'dist/src/store/store.js'))}); Store.open(process.argv[1]).close();`;
    for (let round = 0; round < 5; round++) {
      const dbPath = join(scratch, `opened-together-${round}.db`);
      const runs = await Promise.all(
        [0, 1, 2, 3].map(
          () =>
            new Promise<{ status: number | null; stderr: string }>((resolve) => {
              const child = spawn(process.execPath, ['--input-type=module', '-e', open, dbPath], { stdio: ['ignore', 'ignore', 'pipe'] });
              let stderr = '';
              child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
              child.on('close', (status) => resolve({ status, stderr }));
            }),
        ),
      );
      expect(runs).toEqual([0, 1, 2, 3].map(() => ({ status: 0, stderr: '' })));
      expect(readDatabase(dbPath, (db) => db.pragma('journal_mode', { simple: true }))).toBe('wal');
    }
  }, HISTORY_TIMEOUT_MS);

  it('stores both scans of the same repository, the later one matched against the earlier one', async () => {
    const root = writeTree(join(scratch, 'twice-scanned-bot'), {
      'src/answer.ts': answerModule('answerTicket'),
      'src/triage.ts': answerModule('triageTicket'),
    });
    const dbPath = join(scratch, 'same-repository.db');
    const runs = await Promise.all([0, 1].map(() => runCliAsync(['scan', root, '--save', '--db', dbPath], { home })));
    expect(runs.map((run) => ({ status: run.status, signal: run.signal }))).toEqual([
      { status: 1, signal: null },
      { status: 1, signal: null },
    ]);
    for (const run of runs) expect(run.stderr).toMatch(new RegExp(`^genai-debt: saved scan [12] of twice-scanned-bot to ${dbPath}: `));
    expect(assertOnlyCompleteScans(dbPath)).toBe(2);
    // Whichever process commits first, the scan that is earlier in time holds the new findings and
    // the later one finds them all unchanged (a scan stored before a later one relinks it).
    const states = readDatabase(dbPath, (db) =>
      db
        .prepare(
          `SELECT scans.id AS id, COUNT(*) AS findings, SUM(findings.state = 'new') AS added
           FROM scans JOIN findings ON findings.scan_id = scans.id GROUP BY scans.id ORDER BY scans.at, scans.id`,
        )
        .all(),
    ) as { id: number; findings: number; added: number }[];
    expect(states.map(({ findings, added }) => ({ findings, added }))).toEqual([
      { findings: 4, added: 4 },
      { findings: 4, added: 0 },
    ]);
  }, HISTORY_TIMEOUT_MS);
});

describe('a database the CLI cannot use', () => {
  let supportBot: string;

  beforeAll(() => {
    supportBot = writeTree(join(scratch, 'small-support-bot'), { 'src/answer.ts': answerModule('answerTicket') });
  });

  it('refuses a database written by a newer schema, naming the file and what to do', async () => {
    const dbPath = join(scratch, 'from-the-future.db');
    // A genai-debt database (its application id) from a version with more migrations.
    const future = new Database(dbPath);
    future.exec('CREATE TABLE dashboards (id INTEGER PRIMARY KEY, title TEXT NOT NULL)');
    future.pragma('user_version = 99');
    future.pragma('application_id = 1195655764');
    future.close();
    const run = await runCliAsync(['scan', supportBot, '--save', '--db', dbPath], { home });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `genai-debt: The database ${dbPath} was written by a newer genai-debt (schema 99; this one knows ${MIGRATIONS.length}). Upgrade genai-debt or pass --db with another path.\n`,
    );
    const schema = readDatabase(dbPath, (db) => ({
      userVersion: db.pragma('user_version', { simple: true }),
      tables: db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all(),
    }));
    expect(schema).toEqual({ userVersion: 99, tables: ['dashboards'] });
  }, HISTORY_TIMEOUT_MS);

  it('refuses a file that is not a database and leaves it as it was', async () => {
    const notes = join(scratch, 'release-notes.txt');
    const text = 'Release notes\n\n- answers tickets faster\n';
    writeFileSync(notes, text);
    const run = await runCliAsync(['scan', supportBot, '--save', '--db', notes], { home });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`genai-debt: Cannot use ${notes} as a genai-debt database: file is not a database. Pass --db with another path.\n`);
    expect(readFileSync(notes, 'utf8')).toBe(text);
    expect([existsSync(`${notes}-wal`), existsSync(`${notes}-shm`)]).toEqual([false, false]);
  }, HISTORY_TIMEOUT_MS);
});

describe('trend and history without anything to show', () => {
  it('trend exits 2 and says how to store scans when the database holds none of the repository', async () => {
    const stored = writeTree(join(scratch, 'stored-bot'), { 'src/answer.ts': answerModule('answerTicket') });
    const neverStored = writeTree(join(scratch, 'never-stored-bot'), { 'src/answer.ts': answerModule('answerTicket') });
    const dbPath = join(scratch, 'one-repository.db');
    expect((await runCliAsync(['scan', stored, '--save', '--db', dbPath], { home })).status).toBe(1);
    const run = await runCliAsync(['trend', neverStored, '--db', dbPath], { home });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `genai-debt: No stored scans of never-stored-bot in ${dbPath}. Run \`genai-debt scan ${neverStored} --save\` or \`genai-debt history ${neverStored} --save\` first.\n`,
    );
  }, HISTORY_TIMEOUT_MS);

  it('trend exits 2 with the same advice when the database does not exist yet', async () => {
    const root = writeTree(join(scratch, 'new-bot'), { 'src/answer.ts': answerModule('answerTicket') });
    const dbPath = join(scratch, 'not-there-yet.db');
    const run = await runCliAsync(['trend', root, '--db', dbPath, '--format', 'json'], { home });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `genai-debt: No history database at ${dbPath}. Run \`genai-debt scan ${root} --save\` or \`genai-debt history ${root} --save\` first (with --db to choose the file).\n`,
    );
    expect(existsSync(dbPath)).toBe(false);
  }, HISTORY_TIMEOUT_MS);

  it('refuses an SQLite database of another program and leaves it untouched', async () => {
    const dbPath = join(scratch, 'crm.db');
    const crm = new Database(dbPath);
    crm.exec("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL); INSERT INTO customers (name) VALUES ('Acme')");
    crm.close();
    const before = readFileSync(dbPath);
    const root = writeTree(join(scratch, 'crm-bot'), { 'src/answer.ts': answerModule('answerTicket') });
    const run = await runCliAsync(['scan', root, '--save', '--db', dbPath], { home });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`genai-debt: ${dbPath} is an SQLite database of another program, not a genai-debt history database. Pass --db with another path.\n`);
    expect(readFileSync(dbPath).equals(before)).toBe(true);
  }, HISTORY_TIMEOUT_MS);

  it('history exits 2 on a folder outside any git repository', async () => {
    const root = writeTree(join(scratch, 'unversioned-bot'), { 'src/answer.ts': answerModule('answerTicket') });
    const dbPath = join(scratch, 'unversioned.db');
    const run = await runCliAsync(['history', root, '--since', '52w', '--every', '1w', '--save', '--db', dbPath], { home });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`genai-debt: ${root} is not inside a git repository; history reads past commits from git. Run it on a clone.\n`);
    expect(existsSync(dbPath)).toBe(false);
  }, HISTORY_TIMEOUT_MS);
});
