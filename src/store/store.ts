import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { compareFindings } from '../findings/lifecycle.js';
import type { PromptSizeSample } from '../model/repo-model.js';
import type { ScanReport } from '../model/report.js';
import type { TrendPoint } from '../model/trend.js';
import type { CachedExtraction, ExtractionCache } from '../model/extraction-cache.js';
import { DashboardQueries } from './dashboard-queries.js';
import { MIGRATIONS } from './migrations.js';
import { ScheduleState } from './schedule-state.js';
import { Rollup } from './rollup.js';
import { StoreError } from './store-error.js';

/** One scan to store, with where its code came from. */
export interface ScanToSave {
  /** The repository's stable name (see `repositoryName`). */
  repository: string;
  kind: 'worktree' | 'commit' | 'upload';
  commit?: string;
  branch?: string;
  /** ISO 8601 time of the commit. */
  commitTime?: string;
  configHash: string;
  rulesHash: string;
  report: ScanReport;
}

/** A stored scan's place in its branch's sequence. */
export interface ScanNeighbour {
  id: number;
  commit?: string;
}

/** Renames git saw between two commits (old path → new path), when both are known. */
export type RenameLookup = (from: string, to: string) => ReadonlyMap<string, string> | undefined;

export interface SavedScan {
  /** Undefined when another process stored the same commit with the same settings first. */
  scanId: number | undefined;
  added: number;
  fixed: number;
  unchanged: number;
}

// A second writer waits this long for the first one's transaction instead of failing.
const BUSY_TIMEOUT_MS = 30_000;

interface FindingRow {
  fingerprint: string;
  content_fingerprint: string | null;
  anchor_fingerprint: string;
  rule_id: string;
  category: string;
  severity: string;
  message: string;
  file: string;
  line: number;
  effort_minutes: number;
  team: string;
}

type Identity = { ruleId: string; file: string; fingerprint: string; contentFingerprint?: string; anchorFingerprint: string };

function identityOf(row: FindingRow): FindingRow & Identity {
  return { ...row, ruleId: row.rule_id, contentFingerprint: row.content_fingerprint ?? undefined, anchorFingerprint: row.anchor_fingerprint };
}

function metricRows(report: ScanReport): [string, number][] {
  const rows: [string, number][] = [];
  const add = (prefix: string, value: unknown) => {
    if (typeof value === 'number') rows.push([prefix, value]);
    else if (value && typeof value === 'object') for (const [key, inner] of Object.entries(value)) add(prefix ? `${prefix}.${key}` : key, inner);
  };
  add('', report.metrics);
  return rows;
}

/**
 * The history store: an embedded SQLite database (WAL, so the dashboard reads while a scan
 * writes). Every scan is written in one transaction, so a reader never sees half a scan and a
 * killed process leaves none behind.
 */
export class Store {
  readonly #db: Database.Database;
  #dashboard: DashboardQueries | undefined;
  #scheduleState: ScheduleState | undefined;
  #cache: (ExtractionCache & { pending: Map<string, CachedExtraction> }) | undefined;
  readonly #rollup: Rollup;
  /** The prompt sizes last read by {@link Store.promptHistory}, by repository and branch: those of the `scans` scans before `before`. */
  readonly #promptHistories = new Map<string, { before: string; scans: number; samples: ReadonlyMap<string, PromptSizeSample[]> }>();

  private constructor(db: Database.Database, rollup: Rollup) {
    this.#db = db;
    this.#rollup = rollup;
  }

  /**
   * Opens (and creates or migrates) the database at `path`.
   *
   * @throws {StoreError} when the file cannot be opened, is not a genai-debt database, or was
   *   written by a newer genai-debt
   */
  static open(path: string): Store {
    let db: Database.Database;
    let rollup: Rollup;
    try {
      mkdirSync(dirname(path), { recursive: true });
      db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
    } catch (error) {
      throw new StoreError(`Cannot open the database ${path}: ${(error as Error).message}. Pass --db with a writable file path.`);
    }
    try {
      // Checked before anything is written: another program's database is never touched.
      assertOwnDatabase(db, path);
      useWal(db);
      db.pragma('foreign_keys = ON');
      db.pragma('synchronous = NORMAL');
      migrate(db, path);
      rollup = new Rollup(db);
      // Scans stored before the dashboard's totals existed get them once.
      if (db.prepare('SELECT EXISTS (SELECT 1 FROM scans) AND NOT EXISTS (SELECT 1 FROM repo_days)').pluck().get()) db.transaction(() => rollup.rebuild()).immediate();
    } catch (error) {
      db.close();
      if (error instanceof StoreError) throw error;
      throw new StoreError(`Cannot use ${path} as a genai-debt database: ${(error as Error).message}. Pass --db with another path.`);
    }
    return new Store(db, rollup);
  }

  close(): void {
    this.#db.close();
  }

  /** The dashboard's read queries over this database. */
  dashboard(): DashboardQueries {
    return (this.#dashboard ??= new DashboardQueries(this.#db));
  }

  /** The scheduler's stored state (`genai-debt serve` with `repositories`). */
  scheduleState(): ScheduleState {
    return (this.#scheduleState ??= new ScheduleState(this.#db));
  }

  /** The repository's id, or undefined when nothing was stored for it. */
  repositoryId(name: string): number | undefined {
    const row = this.#db.prepare('SELECT id FROM repos WHERE name = ?').get(name) as { id: number } | undefined;
    return row?.id;
  }

  /** Whether this commit was already stored from git history with these settings. */
  hasCommitScan(repository: string, commit: string, configHash: string, rulesHash: string): boolean {
    return (
      this.#db
        .prepare(
          `SELECT 1 FROM scans JOIN repos ON repos.id = scans.repo_id
           WHERE repos.name = ? AND commit_id = ? AND config_hash = ? AND rules_hash = ? AND kind = 'commit' AND status = 'complete'`,
        )
        .get(repository, commit, configHash, rulesHash) !== undefined
    );
  }

  /** The stored scans of the branch just before and just after time `at`. */
  neighbours(repository: string, branch: string | undefined, at: string): { previous?: ScanNeighbour; next?: ScanNeighbour } {
    const repoId = this.repositoryId(repository);
    if (repoId === undefined) return {};
    return { previous: this.#previous(repoId, branch ?? null, at), next: this.#next(repoId, branch ?? null, at) };
  }

  #previous(repoId: number, branch: string | null, at: string, beforeId = Number.MAX_SAFE_INTEGER): ScanNeighbour | undefined {
    const row = this.#db
      .prepare(
        `SELECT id, commit_id FROM scans WHERE repo_id = ? AND branch IS ? AND status = 'complete' AND (at < ? OR (at = ? AND id < ?))
         ORDER BY at DESC, id DESC LIMIT 1`,
      )
      .get(repoId, branch, at, at, beforeId) as { id: number; commit_id: string | null } | undefined;
    return row && { id: row.id, commit: row.commit_id ?? undefined };
  }

  #next(repoId: number, branch: string | null, at: string): ScanNeighbour | undefined {
    const row = this.#db
      .prepare(`SELECT id, commit_id FROM scans WHERE repo_id = ? AND branch IS ? AND status = 'complete' AND at > ? ORDER BY at, id LIMIT 1`)
      .get(repoId, branch, at) as { id: number; commit_id: string | null } | undefined;
    return row && { id: row.id, commit: row.commit_id ?? undefined };
  }

  /**
   * Earlier stored sizes of each prompt of the branch, before time `at`, oldest first. A history
   * run asks at ever later times: the rows read for one call are kept, and the next call reads only
   * scans at or after the time the last one asked for, unless the number of scans before that time
   * changed since (an earlier scan stored by this or another process), which starts over.
   */
  promptHistory(repository: string, branch: string | undefined, at: string): Record<string, PromptSizeSample[]> {
    const key = `${repository}\0${branch ?? ''}`;
    const scansBefore = (time: string) =>
      this.#db
        .prepare(
          `SELECT COUNT(*) FROM scans JOIN repos ON repos.id = scans.repo_id
           WHERE repos.name = ? AND scans.branch IS ? AND scans.status = 'complete' AND scans.at < ?`,
        )
        .pluck()
        .get(repository, branch ?? null, time) as number;
    const known = this.#promptHistories.get(key);
    const from = known && known.before <= at && scansBefore(known.before) === known.scans ? known : undefined;
    const rows = this.#db
      .prepare(
        `SELECT prompt_sizes.prompt_id AS id, scans.at AS at, prompt_sizes.tokens AS tokens
         FROM prompt_sizes JOIN scans ON scans.id = prompt_sizes.scan_id JOIN repos ON repos.id = scans.repo_id
         WHERE repos.name = ? AND scans.branch IS ? AND scans.status = 'complete' AND scans.at >= ? AND scans.at < ?
         ORDER BY scans.at, scans.id`,
      )
      .all(repository, branch ?? null, from?.before ?? '', at) as { id: string; at: string; tokens: number }[];
    const samples = new Map(from?.samples);
    for (const row of rows) samples.set(row.id, [...(samples.get(row.id) ?? []), { at: row.at, tokens: row.tokens }]);
    this.#promptHistories.set(key, { before: at, scans: scansBefore(at), samples });
    return Object.fromEntries(samples);
  }

  /**
   * Stores one scan, its findings (new or unchanged against the previous scan of the branch),
   * what it fixed, its metrics and sizes, and new extraction cache entries, in one transaction.
   * A scan inserted before later ones (a history backfill) also updates the next scan's
   * new/fixed findings.
   */
  saveScan(
    scan: ScanToSave,
    renames: RenameLookup,
    cacheEntries: ReadonlyMap<string, CachedExtraction> = new Map(),
    result?: { key: string; result: string },
  ): SavedScan {
    const db = this.#db;
    const { report } = scan;
    const at = scan.commitTime ?? report.scannedAt;
    const write = db.transaction((): SavedScan => {
      // Checked again inside the transaction: another history run may have stored it meanwhile.
      if (scan.kind === 'commit' && scan.commit && this.hasCommitScan(scan.repository, scan.commit, scan.configHash, scan.rulesHash)) {
        return { scanId: undefined, added: 0, fixed: 0, unchanged: 0 };
      }
      db.prepare('INSERT INTO repos (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING').run(scan.repository, report.scannedAt);
      const repoId = this.repositoryId(scan.repository)!;
      const scanId = Number(
        db
          .prepare(
            `INSERT INTO scans (repo_id, kind, commit_id, branch, at, commit_time, scanned_at, tool_version, config_hash, rules_hash, status, files, diagnostics)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'complete', ?, ?)`,
          )
          .run(
            repoId,
            scan.kind,
            scan.commit ?? null,
            scan.branch ?? null,
            at,
            scan.commitTime ?? null,
            report.scannedAt,
            report.tool.version,
            scan.configHash,
            scan.rulesHash,
            report.metrics.filesScanned,
            report.diagnostics.length,
          ).lastInsertRowid,
      );
      const previous = this.#previous(repoId, scan.branch ?? null, at, scanId);
      const previousFindings = previous ? this.#findings(previous.id) : [];
      const changes = compareFindings(previousFindings, report.findings, this.#renames(renames, previous?.commit, scan.commit));
      const added = new Set(changes.added);
      const insertFinding = db.prepare(
        `INSERT OR IGNORE INTO findings (scan_id, fingerprint, content_fingerprint, anchor_fingerprint, rule_id, category, severity, message, file, line, col, effort_minutes, team, state)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const finding of report.findings) {
        insertFinding.run(
          scanId,
          finding.fingerprint,
          finding.contentFingerprint,
          finding.anchorFingerprint,
          finding.ruleId,
          finding.category,
          finding.severity,
          finding.message,
          finding.file,
          finding.line,
          finding.column,
          finding.effortMinutes,
          finding.team ?? report.owners[finding.file] ?? '(unowned)',
          added.has(finding) ? 'new' : 'unchanged',
        );
      }
      this.#insertFixed(scanId, changes.fixed);

      const insertMetric = db.prepare('INSERT INTO scan_metrics (scan_id, name, value) VALUES (?, ?, ?)');
      for (const [name, value] of metricRows(report)) insertMetric.run(scanId, name, value);
      const insertTeamMetric = db.prepare('INSERT INTO team_metrics (scan_id, team, name, value) VALUES (?, ?, ?, ?)');
      for (const [team, metrics] of Object.entries(report.teamMetrics)) {
        for (const [name, value] of Object.entries({ ...metrics, findings: undefined, errors: metrics.findings.error, warnings: metrics.findings.warning })) {
          if (typeof value === 'number') insertTeamMetric.run(scanId, team, name, value);
        }
      }
      const ownerOf = (file: string) => report.owners[file] ?? '(unowned)';
      const insertPrompt = db.prepare(
        `INSERT OR IGNORE INTO prompt_sizes (scan_id, prompt_id, file, line, name, role, team, tokens, characters, sections) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const prompt of report.inventory.prompts) {
        insertPrompt.run(scanId, prompt.id, prompt.file, prompt.line, prompt.name ?? null, prompt.role, ownerOf(prompt.file), prompt.tokens, prompt.characters, prompt.sections);
      }
      const insertToolSet = db.prepare(
        `INSERT OR IGNORE INTO tool_set_sizes (scan_id, tool_set_id, file, line, holder, team, tools, is_complete) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const set of report.inventory.toolSets) {
        const id = `${set.file}|${set.holder}|${set.agentName ?? set.enclosingFunction ?? ''}`;
        insertToolSet.run(scanId, id, set.file, set.line, set.holder, ownerOf(set.file), set.count, set.isComplete ? 1 : 0);
      }
      this.#writeCache(cacheEntries);
      if (result) {
        db.prepare('INSERT OR REPLACE INTO scan_results (repository, key, result) VALUES (?, ?, ?)').run(scan.repository, result.key, result.result);
      }

      const next = this.#next(repoId, scan.branch ?? null, at);
      if (next) this.#relink(next, scanId, this.#renames(renames, scan.commit, next.commit));
      this.#rollup.record(scanId);
      return { scanId, added: changes.added.length, fixed: changes.fixed.length, unchanged: changes.unchanged.length };
    });
    return write.immediate();
  }

  #renames(renames: RenameLookup, from: string | undefined, to: string | undefined): ReadonlyMap<string, string> {
    return (from && to && from !== to && renames(from, to)) || new Map();
  }

  #findings(scanId: number): (FindingRow & Identity)[] {
    const rows = this.#db
      .prepare(
        `SELECT fingerprint, content_fingerprint, anchor_fingerprint, rule_id, category, severity, message, file, line, effort_minutes, team FROM findings WHERE scan_id = ? ORDER BY file, line`,
      )
      .all(scanId) as FindingRow[];
    return rows.map(identityOf);
  }

  #insertFixed(scanId: number, fixed: readonly FindingRow[]): void {
    const insert = this.#db.prepare(
      `INSERT OR IGNORE INTO fixed_findings (scan_id, fingerprint, rule_id, category, severity, message, file, line, effort_minutes, team) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const row of fixed) {
      insert.run(scanId, row.fingerprint, row.rule_id, row.category, row.severity, row.message, row.file, row.line, row.effort_minutes, row.team);
    }
  }

  /** Recomputes the new and fixed findings of `next` against the scan now stored before it. */
  #relink(next: ScanNeighbour, previousId: number, renames: ReadonlyMap<string, string>): void {
    const current = this.#findings(next.id);
    const changes = compareFindings(this.#findings(previousId), current, renames);
    const setState = this.#db.prepare('UPDATE findings SET state = ? WHERE scan_id = ? AND fingerprint = ?');
    for (const row of current) setState.run('unchanged', next.id, row.fingerprint);
    for (const row of changes.added) setState.run('new', next.id, row.fingerprint);
    this.#db.prepare('DELETE FROM fixed_findings WHERE scan_id = ?').run(next.id);
    this.#insertFixed(next.id, changes.fixed);
  }

  #writeCache(entries: ReadonlyMap<string, CachedExtraction>): void {
    if (entries.size === 0) return;
    const insert = this.#db.prepare('INSERT OR REPLACE INTO extraction_cache (key, entry) VALUES (?, ?)');
    for (const [key, entry] of entries) insert.run(key, JSON.stringify(entry));
  }

  /**
   * The extraction cache backed by this database, one per store: entries read once stay in
   * memory (a history run meets the same files at every commit), and new entries stay in
   * `pending` until they are written with a scan (`saveScan`) or by {@link Store.writeCache}.
   */
  extractionCache(): ExtractionCache & { pending: Map<string, CachedExtraction> } {
    if (this.#cache) return this.#cache;
    const select = this.#db.prepare('SELECT key, entry FROM extraction_cache WHERE key IN (SELECT value FROM json_each(?))');
    const pending = new Map<string, CachedExtraction>();
    const read = new Map<string, CachedExtraction>();
    /** Keys looked up and not found: `get` answers them without asking SQLite again. */
    const absent = new Set<string>();
    const prefetch = (keys: readonly string[]) => {
      const unknown = keys.filter((key) => !read.has(key) && !absent.has(key));
      if (unknown.length === 0) return;
      for (const key of unknown) absent.add(key);
      for (const row of select.all(JSON.stringify(unknown)) as { key: string; entry: string }[]) {
        read.set(row.key, JSON.parse(row.entry) as CachedExtraction);
        absent.delete(row.key);
      }
    };
    this.#cache = {
      pending,
      get(key) {
        if (!read.has(key)) prefetch([key]);
        return read.get(key);
      },
      set(key, entry) {
        // Kept in memory after it is written too: the next commit of a history run meets it again.
        pending.set(key, entry);
        read.set(key, entry);
        absent.delete(key);
      },
      prefetch,
    };
    return this.#cache;
  }

  /**
   * The whole-result cache of one repository: the last result stored with its scans (see
   * `saveScan`), found only by its key. A new result waits in `pending` until `saveScan` writes it.
   */
  resultCache(repository: string): { get(key: string): string | undefined; set(key: string, result: string): void; pending?: { key: string; result: string } } {
    const select = this.#db.prepare('SELECT result FROM scan_results WHERE repository = ? AND key = ?').pluck();
    const cache: ReturnType<Store['resultCache']> = {
      get: (key) => (cache.pending?.key === key ? cache.pending.result : (select.get(repository, key) as string | undefined)),
      set: (key, result) => {
        cache.pending = { key, result };
      },
    };
    return cache;
  }

  /** Writes cache entries on their own (for a scan that is not stored). */
  writeCache(entries: ReadonlyMap<string, CachedExtraction>): void {
    this.#db.transaction(() => this.#writeCache(entries)).immediate();
  }

  /** The stored scans of a repository in time order, with counts for all of it or one team. */
  trend(repository: string, options: { branch?: string; team?: string } = {}): TrendPoint[] {
    const repoId = this.repositoryId(repository);
    if (repoId === undefined) return [];
    const scans = this.#db
      .prepare(
        `SELECT id, commit_id, branch, at FROM scans WHERE repo_id = ? AND status = 'complete' AND (? IS NULL OR branch IS ?) ORDER BY at, id`,
      )
      .all(repoId, options.branch ?? null, options.branch ?? null) as { id: number; commit_id: string | null; branch: string | null; at: string }[];
    const team = options.team ?? null;
    const metric = team
      ? this.#db.prepare('SELECT name, value FROM team_metrics WHERE scan_id = ? AND team = ?')
      : this.#db.prepare('SELECT name, value FROM scan_metrics WHERE scan_id = ?');
    const counts = this.#db.prepare(
      `SELECT COUNT(*) AS findings, COALESCE(SUM(state = 'new'), 0) AS added FROM findings WHERE scan_id = ? AND (? IS NULL OR team = ?)`,
    );
    const fixed = this.#db.prepare('SELECT COUNT(*) FROM fixed_findings WHERE scan_id = ? AND (? IS NULL OR team = ?)').pluck();
    return scans.map((scan) => {
      const values = new Map(
        ((team ? metric.all(scan.id, team) : metric.all(scan.id)) as { name: string; value: number }[]).map((row) => [row.name, row.value]),
      );
      const value = (name: string) => values.get(name) ?? 0;
      const { findings, added } = counts.get(scan.id, team, team) as { findings: number; added: number };
      const llmCalls = value('llmCalls');
      const share = (part: number) => (llmCalls === 0 ? null : Math.round((part / llmCalls) * 1000) / 1000);
      return {
        scanId: scan.id,
        commit: scan.commit_id ?? undefined,
        branch: scan.branch ?? undefined,
        at: scan.at,
        findings,
        errors: team ? value('errors') : value('findings.error'),
        warnings: team ? value('warnings') : value('findings.warning'),
        debtMinutes: value('debtMinutes'),
        llmCalls,
        tracedCalls: value('tracedCalls'),
        tracedShare: share(value('tracedCalls')),
        evalCoverage: team ? share(value('evalCoveredCalls')) : llmCalls === 0 ? null : value('evalCoverage'),
        tools: value('tools'),
        largestToolSet: value('largestToolSet'),
        largestPromptTokens: value('largestPromptTokens'),
        added,
        fixed: fixed.get(scan.id, team, team) as number,
      };
    });
  }

  /** The last complete scan of a branch, or undefined when none is stored. */
  latestScan(repository: string, branch: string): { id: number; commit?: string; at: string } | undefined {
    const row = this.#db
      .prepare(
        `SELECT scans.id, commit_id, at FROM scans JOIN repos ON repos.id = scans.repo_id
         WHERE repos.name = ? AND branch = ? AND status = 'complete' ORDER BY at DESC, scans.id DESC LIMIT 1`,
      )
      .get(repository, branch) as { id: number; commit_id: string | null; at: string } | undefined;
    return row && { id: row.id, at: row.at, ...(row.commit_id ? { commit: row.commit_id } : {}) };
  }

  /** The branches of a repository that have stored scans, most recently scanned first. */
  storedBranches(repository: string): string[] {
    return this.#db
      .prepare(
        `SELECT branch FROM scans JOIN repos ON repos.id = scans.repo_id
         WHERE repos.name = ? AND branch IS NOT NULL AND status = 'complete' GROUP BY branch ORDER BY MAX(at) DESC`,
      )
      .pluck()
      .all(repository) as string[];
  }

  /** A stored scan as the gate compares with it: its findings, the metrics budgets read, and prompt sizes. */
  scanForComparison(scanId: number): {
    findings: (Identity & { message: string; line: number; severity: 'error' | 'warning' })[];
    metrics: { largestToolSet: number; largestPromptTokens: number; evalCoverage: number | null; tracedShare: number | null };
    prompts: { id: string; file: string; line: number; name?: string; tokens: number }[];
  } {
    const findings = this.#findings(scanId).map((row) => ({ ...row, severity: row.severity === 'error' ? ('error' as const) : ('warning' as const) }));
    const values = new Map(
      (this.#db.prepare('SELECT name, value FROM scan_metrics WHERE scan_id = ?').all(scanId) as { name: string; value: number }[]).map((row) => [row.name, row.value]),
    );
    const prompts = (
      this.#db.prepare('SELECT prompt_id, file, line, name, tokens FROM prompt_sizes WHERE scan_id = ?').all(scanId) as {
        prompt_id: string;
        file: string;
        line: number;
        name: string | null;
        tokens: number;
      }[]
    ).map((row) => ({ id: row.prompt_id, file: row.file, line: row.line, tokens: row.tokens, ...(row.name === null ? {} : { name: row.name }) }));
    return {
      findings,
      metrics: {
        largestToolSet: values.get('largestToolSet') ?? 0,
        largestPromptTokens: values.get('largestPromptTokens') ?? 0,
        // Stored only when there were LLM calls (a share of none is null).
        evalCoverage: values.get('evalCoverage') ?? null,
        tracedShare: values.get('tracedShare') ?? null,
      },
      prompts,
    };
  }
}

/** `PRAGMA application_id` of genai-debt databases ("GDBT"), so a foreign SQLite file is recognised. */
const APPLICATION_ID = 0x47444254;

/** Refuses a file that is not an empty database or one of ours, and one from a newer genai-debt. */
function assertOwnDatabase(db: Database.Database, path: string): void {
  // One read transaction: another process may be creating the schema of a new file meanwhile.
  const { applicationId, version, tables } = db.transaction(() => ({
    applicationId: db.pragma('application_id', { simple: true }) as number,
    version: db.pragma('user_version', { simple: true }) as number,
    tables: db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'").pluck().get() as number,
  }))();
  if (applicationId !== APPLICATION_ID && (tables > 0 || version !== 0)) {
    throw new StoreError(`${path} is an SQLite database of another program, not a genai-debt history database. Pass --db with another path.`);
  }
  assertKnownSchema(version, path);
}

function assertKnownSchema(version: number, path: string): void {
  if (version > MIGRATIONS.length) {
    throw new StoreError(
      `The database ${path} was written by a newer genai-debt (schema ${version}; this one knows ${MIGRATIONS.length}). Upgrade genai-debt or pass --db with another path.`,
    );
  }
}

const PAUSE = new Int32Array(new SharedArrayBuffer(4));
const WAL_RETRY_MS = 10;

/**
 * Switches the file to write-ahead logging. Unlike other statements, `journal_mode = WAL` answers
 * SQLITE_BUSY at once, without the busy timeout, while another process holds the file (two scans
 * opening a new database together): it is tried again for as long as that timeout.
 */
function useWal(db: Database.Database): void {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (;;) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > deadline) throw error;
      Atomics.wait(PAUSE, 0, 0, WAL_RETRY_MS);
    }
  }
}

/** Applies the migrations the database lacks, each in its own transaction. */
function migrate(db: Database.Database, path: string): void {
  const step = db.transaction((): boolean => {
    const version = db.pragma('user_version', { simple: true }) as number;
    // Again inside the transaction: another process may have upgraded the file meanwhile.
    assertKnownSchema(version, path);
    if (version === MIGRATIONS.length) return false;
    db.exec(MIGRATIONS[version]!);
    db.pragma(`user_version = ${version + 1}`);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    return true;
  });
  // IMMEDIATE: two processes opening a new database at once migrate one after the other.
  while (step.immediate());
}
