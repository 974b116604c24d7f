import type Database from 'better-sqlite3';

/** Series name → value: the totals of one scan, as `repo_days.totals` stores them. */
export type Totals = Record<string, number>;

/** The rule categories, which the dashboard calls families. */
export const FAMILIES = ['tool-sprawl', 'prompts', 'tracing', 'evals', 'hygiene'] as const;

/** Team series are `team:<metric>:<team>`; team names may hold any character but metrics never hold `:`. */
export const TEAM_METRICS = ['debt', 'findings', 'llmCalls', 'tracedCalls', 'evalCoveredCalls'] as const;

export const teamSeries = (metric: (typeof TEAM_METRICS)[number], team: string) => `team:${metric}:${team}`;

/** Totals that describe one repository but mean nothing summed over many. */
const NOT_SUMMED = new Set(['largestToolSet', 'largestPromptTokens']);

/** The UTC day (YYYY-MM-DD) of an ISO 8601 time, whatever its offset. */
function dayOf(at: string): string {
  return new Date(at).toISOString().slice(0, 10);
}

interface DayRow {
  day: string;
  at: string;
  scan_id: number;
  totals: string;
}

/**
 * Keeps the dashboard's pre-aggregated tables (`repo_days`, `portfolio_deltas`, `repos.main_branch`)
 * true as scans are stored; its statements are prepared once per database, since it runs inside
 * every `saveScan` transaction.
 */
export class Rollup {
  readonly #statements;

  constructor(db: Database.Database) {
    this.#statements = {
      scan: db.prepare(`SELECT repo_id, COALESCE(branch, '') AS branch, at FROM scans WHERE id = ? AND status = 'complete'`),
      completeScans: db.prepare(`SELECT id FROM scans WHERE status = 'complete' ORDER BY at, id`).pluck(),
      dayRow: db.prepare('SELECT day, at, scan_id, totals FROM repo_days WHERE repo_id = ? AND branch = ? AND day = ?'),
      previousDayRow: db.prepare('SELECT day, at, scan_id, totals FROM repo_days WHERE repo_id = ? AND branch = ? AND day < ? ORDER BY day DESC LIMIT 1'),
      nextDay: db.prepare('SELECT day FROM repo_days WHERE repo_id = ? AND branch = ? AND day > ? ORDER BY day LIMIT 1').pluck(),
      chain: db.prepare('SELECT day, totals FROM repo_days WHERE repo_id = ? AND branch = ? ORDER BY day'),
      upsertDay: db.prepare(
        `INSERT INTO repo_days (repo_id, branch, day, at, scan_id, totals) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (repo_id, branch, day) DO UPDATE SET at = excluded.at, scan_id = excluded.scan_id, totals = excluded.totals`,
      ),
      storedMainBranch: db.prepare('SELECT main_branch FROM repos WHERE id = ?').pluck(),
      setMainBranch: db.prepare('UPDATE repos SET main_branch = ? WHERE id = ?'),
      /**
       * The branch the dashboard shows for a repository: `main` or `master` when scanned, else the
       * branch with the most scanned days (the latest on a tie), so CI uploads of short-lived branches
       * never replace it.
       */
      mainBranch: db
        .prepare(
          `SELECT branch FROM repo_days WHERE repo_id = ? GROUP BY branch
           ORDER BY branch IN ('main', 'master') DESC, COUNT(*) DESC, MAX(day) DESC, branch LIMIT 1`,
        )
        .pluck(),
      addDelta: db.prepare(
        `INSERT INTO portfolio_deltas (series, day, delta) VALUES (?, ?, ?) ON CONFLICT (series, day) DO UPDATE SET delta = delta + excluded.delta`,
      ),
      metrics: db.prepare('SELECT name, value FROM scan_metrics WHERE scan_id = ?'),
      byFamily: db.prepare('SELECT category, COUNT(*) AS findings, SUM(effort_minutes) AS debt FROM findings WHERE scan_id = ? GROUP BY category'),
      teamMetrics: db.prepare('SELECT team, name, value FROM team_metrics WHERE scan_id = ?'),
    };
  }

  /**
   * Records one stored scan: its day row in `repo_days` (when it is the last scan of that day), the
   * repository's main branch, and the portfolio deltas. Runs inside the transaction that stored the scan.
   */
  record(scanId: number): void {
    const statements = this.#statements;
    const scan = statements.scan.get(scanId) as { repo_id: number; branch: string; at: string } | undefined;
    if (!scan) return;
    const day = dayOf(scan.at);
    const existing = statements.dayRow.get(scan.repo_id, scan.branch, day) as DayRow | undefined;
    // A backfill may store an earlier scan of a day after a later one: the day keeps its last scan.
    if (existing && (existing.at > scan.at || (existing.at === scan.at && existing.scan_id > scanId))) return;

    const totals = this.#totalsOfScan(scanId);
    const previous = existing ? undefined : (statements.previousDayRow.get(scan.repo_id, scan.branch, day) as DayRow | undefined);
    statements.upsertDay.run(scan.repo_id, scan.branch, day, scan.at, scanId, JSON.stringify(totals));

    const oldMain = statements.storedMainBranch.get(scan.repo_id) as string | null;
    const newMain = statements.mainBranch.get(scan.repo_id) as string;
    if (newMain !== oldMain) {
      if (oldMain !== null) this.#applyChain(scan.repo_id, oldMain, -1);
      statements.setMainBranch.run(newMain, scan.repo_id);
      this.#applyChain(scan.repo_id, newMain, 1);
      return;
    }
    if (scan.branch !== newMain) return;
    // The repository counted with `base` from this day until its next day row; now it counts with `totals`.
    const base = parseTotals((existing ?? previous)?.totals);
    const change = difference(totals, base);
    this.#addDeltas(day, change, 1);
    const next = statements.nextDay.get(scan.repo_id, scan.branch, day) as string | undefined;
    if (next !== undefined) this.#addDeltas(next, change, -1);
  }

  /** Rebuilds the pre-aggregated tables from the stored scans (a database written before they existed). */
  rebuild(): void {
    for (const id of this.#statements.completeScans.all() as number[]) this.record(id);
  }

  #applyChain(repoId: number, branch: string, sign: 1 | -1): void {
    const rows = this.#statements.chain.all(repoId, branch) as { day: string; totals: string }[];
    let before: Totals = {};
    for (const row of rows) {
      const totals = parseTotals(row.totals);
      this.#addDeltas(row.day, difference(totals, before), sign);
      before = totals;
    }
  }

  #addDeltas(day: string, change: Totals, sign: 1 | -1): void {
    for (const [series, value] of Object.entries(change)) if (!NOT_SUMMED.has(series)) this.#statements.addDelta.run(series, day, sign * value);
  }

  /** The totals of a stored scan, read back from its metrics and findings. */
  #totalsOfScan(scanId: number): Totals {
    const metrics = new Map((this.#statements.metrics.all(scanId) as { name: string; value: number }[]).map((row) => [row.name, row.value]));
    const metric = (name: string) => metrics.get(name) ?? 0;
    const llmCalls = metric('llmCalls');
    const totals: Totals = {
      debt: metric('debtMinutes'),
      findings: metric('findings.error') + metric('findings.warning'),
      errors: metric('findings.error'),
      warnings: metric('findings.warning'),
      llmCalls,
      tracedCalls: metric('tracedCalls'),
      // Stored as a share; kept as a count so shares of many repositories can be summed.
      evalCoveredCalls: Math.round(metric('evalCoverage') * llmCalls),
      tools: metric('tools'),
      prompts: metric('prompts'),
      largestToolSet: metric('largestToolSet'),
      largestPromptTokens: metric('largestPromptTokens'),
    };
    const byFamily = this.#statements.byFamily.all(scanId) as { category: string; findings: number; debt: number }[];
    for (const row of byFamily) {
      totals[`debt:${row.category}`] = row.debt;
      totals[`findings:${row.category}`] = row.findings;
    }
    const teamRows = this.#statements.teamMetrics.all(scanId) as { team: string; name: string; value: number }[];
    const teams = new Map<string, Map<string, number>>();
    for (const row of teamRows) {
      const values = teams.get(row.team) ?? new Map<string, number>();
      values.set(row.name, row.value);
      teams.set(row.team, values);
    }
    for (const [team, values] of teams) {
      const value = (name: string) => values.get(name) ?? 0;
      totals[teamSeries('debt', team)] = value('debtMinutes');
      totals[teamSeries('findings', team)] = value('errors') + value('warnings');
      totals[teamSeries('llmCalls', team)] = value('llmCalls');
      totals[teamSeries('tracedCalls', team)] = value('tracedCalls');
      totals[teamSeries('evalCoveredCalls', team)] = value('evalCoveredCalls');
    }
    return totals;
  }
}

function difference(after: Totals, before: Totals): Totals {
  const change: Totals = {};
  for (const key of new Set([...Object.keys(after), ...Object.keys(before)])) {
    const value = (after[key] ?? 0) - (before[key] ?? 0);
    if (value !== 0) change[key] = value;
  }
  return change;
}

export function parseTotals(text: string | undefined): Totals {
  return text === undefined ? {} : (JSON.parse(text) as Totals);
}
