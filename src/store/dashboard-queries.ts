import type Database from 'better-sqlite3';
import { parseTotals, type Totals } from './rollup.js';

/** A repository with its main branch's last scanned day. */
export interface RepositoryRow {
  id: number;
  name: string;
  branch: string;
  day: string;
  at: string;
  scanId: number;
  totals: Totals;
  /** Totals of the last day at or before the comparison day, if any. */
  totalsBefore: Totals | undefined;
}

/** The last scan of one day of a branch. */
export interface DayRow {
  day: string;
  at: string;
  scanId: number;
  totals: Totals;
}

export interface ScanRow {
  id: number;
  repoId: number;
  repository: string;
  kind: string;
  commit: string | null;
  branch: string | null;
  at: string;
  scannedAt: string;
  toolVersion: string;
  files: number;
  diagnostics: number;
}

/** A stored finding as pages show it. */
export interface FindingRow {
  fingerprint: string;
  ruleId: string;
  category: string;
  severity: string;
  message: string;
  file: string;
  line: number;
  effortMinutes: number;
  team: string;
  state?: string;
}

/** A finding of a stored scan, with what lifecycle matching needs. */
export interface ScanFindingRow extends FindingRow {
  contentFingerprint?: string;
  anchorFingerprint: string;
}

/** A finding with the scan and repository it belongs to. */
export interface PlacedFindingRow extends FindingRow {
  scanId: number;
  repository: string;
  at: string;
}

export interface FindingFilters {
  ruleId?: string;
  category?: string;
  severity?: string;
  team?: string;
}

export interface PromptRow {
  promptId: string;
  file: string;
  line: number;
  name: string | null;
  role: string;
  team: string;
  tokens: number;
  sections: number;
}

export interface ToolSetRow {
  file: string;
  line: number;
  holder: string;
  team: string;
  tools: number;
  isComplete: boolean;
}

const FINDING_COLUMNS = 'fingerprint, rule_id AS ruleId, category, severity, message, file, line, effort_minutes AS effortMinutes, team';
const IDENTITY_COLUMNS = 'content_fingerprint AS contentFingerprint, anchor_fingerprint AS anchorFingerprint';

const SEVERITY_ORDER = `CASE severity WHEN 'error' THEN 0 ELSE 1 END`;

interface RawDayRow {
  day: string;
  at: string;
  scanId: number;
  totals: string;
}

const dayRow = (row: RawDayRow): DayRow => ({ ...row, totals: parseTotals(row.totals) });

const withoutNullContent = <T extends { contentFingerprint?: string | null }>(row: T): T => {
  if (row.contentFingerprint === null) delete row.contentFingerprint;
  return row;
};

/**
 * The dashboard's read side: every statement prepared once, and every page served from the
 * pre-aggregated `repo_days` / `portfolio_deltas` tables or from the findings of a few scans,
 * never from the findings of all scans.
 */
export class DashboardQueries {
  readonly #statements;

  constructor(db: Database.Database) {
    const latestDay = `(SELECT MAX(day) FROM repo_days x WHERE x.repo_id = repos.id AND x.branch = repos.main_branch)`;
    this.#statements = {
      // One index lookup per repository, instead of a join over every day row.
      lastDay: db.prepare(`SELECT MAX(${latestDay}) FROM repos WHERE main_branch IS NOT NULL`).pluck(),
      portfolioTotals: db.prepare('SELECT series, SUM(delta) AS value FROM portfolio_deltas WHERE day <= ? GROUP BY series'),
      portfolioOf: db.prepare('SELECT series, day, delta FROM portfolio_deltas WHERE series IN (SELECT value FROM json_each(?)) ORDER BY series, day'),
      teams: db.prepare(`SELECT DISTINCT substr(series, 11) FROM portfolio_deltas WHERE series >= 'team:debt:' AND series < 'team:debt;'`).pluck(),
      repositories: db.prepare(
        `SELECT repos.id, repos.name, d.branch, d.day, d.at, d.scan_id AS scanId, d.totals,
           (SELECT totals FROM repo_days b WHERE b.repo_id = repos.id AND b.branch = repos.main_branch AND b.day <= ? ORDER BY b.day DESC LIMIT 1) AS totalsBefore
         FROM repos JOIN repo_days d ON d.repo_id = repos.id AND d.branch = repos.main_branch AND d.day = ${latestDay}
         ORDER BY repos.name`,
      ),
      repository: db.prepare('SELECT id, name, main_branch AS mainBranch FROM repos WHERE name = ? AND main_branch IS NOT NULL'),
      branches: db.prepare('SELECT branch, COUNT(*) AS days, MAX(day) AS lastDay FROM repo_days WHERE repo_id = ? GROUP BY branch ORDER BY branch'),
      days: db.prepare('SELECT day, at, scan_id AS scanId, totals FROM repo_days WHERE repo_id = ? AND branch = ? ORDER BY day'),
      lastDayOf: db.prepare('SELECT day, at, scan_id AS scanId, totals FROM repo_days WHERE repo_id = ? AND branch = ? ORDER BY day DESC LIMIT 1'),
      scan: db.prepare(
        `SELECT scans.id, repo_id AS repoId, repos.name AS repository, kind, commit_id AS "commit", branch, at, scanned_at AS scannedAt,
           tool_version AS toolVersion, files, diagnostics
         FROM scans JOIN repos ON repos.id = scans.repo_id WHERE scans.id = ? AND status = 'complete'`,
      ),
      scanBefore: db.prepare(
        `SELECT id FROM scans WHERE repo_id = ? AND branch IS ? AND status = 'complete' AND (at < ? OR (at = ? AND id < ?)) ORDER BY at DESC, id DESC LIMIT 1`,
      ).pluck(),
      scanAfter: db.prepare(
        `SELECT id FROM scans WHERE repo_id = ? AND branch IS ? AND status = 'complete' AND (at > ? OR (at = ? AND id > ?)) ORDER BY at, id LIMIT 1`,
      ).pluck(),
      metrics: db.prepare('SELECT name, value FROM scan_metrics WHERE scan_id = ?'),
      findings: db.prepare(
        `SELECT ${FINDING_COLUMNS}, ${IDENTITY_COLUMNS}, state FROM findings
         WHERE scan_id = @scanId AND (@ruleId IS NULL OR rule_id = @ruleId) AND (@category IS NULL OR category = @category)
           AND (@severity IS NULL OR severity = @severity) AND (@team IS NULL OR team = @team)
         ORDER BY ${SEVERITY_ORDER}, effort_minutes DESC, file, line, rule_id`,
      ),
      findingFacets: db.prepare('SELECT DISTINCT rule_id AS ruleId, team FROM findings WHERE scan_id = ?'),
      newFindings: db.prepare(`SELECT ${FINDING_COLUMNS}, state FROM findings WHERE scan_id = ? AND state = 'new' ORDER BY ${SEVERITY_ORDER}, file, line, rule_id`),
      fixedFindings: db.prepare(
        `SELECT fingerprint, rule_id AS ruleId, category, severity, message, file, line, effort_minutes AS effortMinutes, team
         FROM fixed_findings WHERE scan_id = ? ORDER BY ${SEVERITY_ORDER}, file, line, rule_id`,
      ),
      prompts: db.prepare(
        'SELECT prompt_id AS promptId, file, line, name, role, team, tokens, sections FROM prompt_sizes WHERE scan_id = ? ORDER BY tokens DESC, file, line LIMIT ?',
      ),
      // Walks the branch's scans oldest first and stops at the first that has the prompt.
      promptFirstSeen: db.prepare(
        `SELECT prompt_sizes.tokens, scans.at FROM scans JOIN prompt_sizes ON prompt_sizes.scan_id = scans.id AND prompt_sizes.prompt_id = ?
         WHERE scans.repo_id = ? AND scans.branch IS ? AND scans.status = 'complete' ORDER BY scans.at, scans.id LIMIT 1`,
      ),
      toolSets: db.prepare(
        'SELECT file, line, holder, team, tools, is_complete AS isComplete FROM tool_set_sizes WHERE scan_id = ? ORDER BY tools DESC, file, line LIMIT ?',
      ),
      teamFindings: db.prepare(
        `SELECT ${FINDING_COLUMNS}, state, findings.scan_id AS scanId, repos.name AS repository, scans.at
         FROM findings JOIN scans ON scans.id = findings.scan_id JOIN repos ON repos.id = scans.repo_id
         WHERE findings.team = ? AND findings.scan_id IN (SELECT value FROM json_each(?))
         ORDER BY ${SEVERITY_ORDER}, effort_minutes DESC, repos.name, file, line LIMIT ?`,
      ),
      teamFixed: db.prepare(
        `SELECT fixed_findings.fingerprint, rule_id AS ruleId, category, severity, message, file, line,
           effort_minutes AS effortMinutes, team, scans.id AS scanId, repos.name AS repository, scans.at
         FROM fixed_findings JOIN scans ON scans.id = fixed_findings.scan_id JOIN repos ON repos.id = scans.repo_id
         WHERE fixed_findings.team = ? AND scans.at >= ? AND COALESCE(scans.branch, '') = repos.main_branch
         ORDER BY scans.at DESC, file, line LIMIT ?`,
      ),
      ruleFindings: db.prepare(
        `SELECT ${FINDING_COLUMNS}, state, findings.scan_id AS scanId, repos.name AS repository, scans.at
         FROM findings JOIN scans ON scans.id = findings.scan_id JOIN repos ON repos.id = scans.repo_id
         WHERE findings.rule_id = ? AND findings.scan_id IN (SELECT value FROM json_each(?))
         ORDER BY repos.name, file, line`,
      ),
    };
  }

  /** The last scanned day of any repository's main branch; undefined when nothing is stored. */
  lastDay(): string | undefined {
    return (this.#statements.lastDay.get() as string | null) ?? undefined;
  }

  /** The deltas of the given portfolio series, each list in day order. */
  portfolio(series: readonly string[]): Map<string, { day: string; delta: number }[]> {
    const rows = this.#statements.portfolioOf.all(JSON.stringify(series)) as { series: string; day: string; delta: number }[];
    const bySeries = new Map<string, { day: string; delta: number }[]>();
    for (const row of rows) {
      const list = bySeries.get(row.series) ?? [];
      list.push({ day: row.day, delta: row.delta });
      bySeries.set(row.series, list);
    }
    return bySeries;
  }

  /** Every portfolio series summed up to `day`: its value on that day. */
  portfolioTotals(day: string): Map<string, number> {
    return new Map((this.#statements.portfolioTotals.all(day) as { series: string; value: number }[]).map((row) => [row.series, Math.round(row.value * 1000) / 1000]));
  }

  /** Every team that ever owned something on a main branch. */
  teams(): string[] {
    return (this.#statements.teams.all() as string[]).sort();
  }

  /** Each repository's main branch at its last scanned day, with the totals as of `comparedWith`. */
  repositories(comparedWith: string): RepositoryRow[] {
    return (this.#statements.repositories.all(comparedWith) as (RawDayRow & { id: number; name: string; branch: string; totalsBefore: string | null })[]).map((row) => ({
      ...dayRow(row),
      id: row.id,
      name: row.name,
      branch: row.branch,
      totalsBefore: row.totalsBefore === null ? undefined : parseTotals(row.totalsBefore),
    }));
  }

  repository(name: string): { id: number; name: string; mainBranch: string } | undefined {
    return this.#statements.repository.get(name) as { id: number; name: string; mainBranch: string } | undefined;
  }

  branches(repoId: number): { branch: string; days: number; lastDay: string }[] {
    return this.#statements.branches.all(repoId) as { branch: string; days: number; lastDay: string }[];
  }

  /** The last scan of each day of a branch ('' for scans outside git), oldest first. */
  days(repoId: number, branch: string): DayRow[] {
    return (this.#statements.days.all(repoId, branch) as RawDayRow[]).map(dayRow);
  }

  /** The last scanned day of a branch. */
  lastDayOf(repoId: number, branch: string): DayRow | undefined {
    const row = this.#statements.lastDayOf.get(repoId, branch) as RawDayRow | undefined;
    return row && dayRow(row);
  }

  scan(id: number): ScanRow | undefined {
    return this.#statements.scan.get(id) as ScanRow | undefined;
  }

  /** The scan of the same branch just before `scan`, or just before time `at` when given. */
  scanBefore(scan: Pick<ScanRow, 'repoId' | 'branch' | 'at' | 'id'>, at = scan.at): number | undefined {
    const id = at === scan.at ? scan.id : 0;
    return this.#statements.scanBefore.get(scan.repoId, scan.branch, at, at, id) as number | undefined;
  }

  scanAfter(scan: Pick<ScanRow, 'repoId' | 'branch' | 'at' | 'id'>): number | undefined {
    return this.#statements.scanAfter.get(scan.repoId, scan.branch, scan.at, scan.at, scan.id) as number | undefined;
  }

  metrics(scanId: number): Map<string, number> {
    return new Map((this.#statements.metrics.all(scanId) as { name: string; value: number }[]).map((row) => [row.name, row.value]));
  }

  findings(scanId: number, filters: FindingFilters = {}): ScanFindingRow[] {
    return (
      this.#statements.findings.all({
        scanId,
        ruleId: filters.ruleId ?? null,
        category: filters.category ?? null,
        severity: filters.severity ?? null,
        team: filters.team ?? null,
      }) as ScanFindingRow[]
    ).map(withoutNullContent);
  }

  /** The rule ids and teams that occur among a scan's findings (for filter menus). */
  findingFacets(scanId: number): { ruleIds: string[]; teams: string[] } {
    const rows = this.#statements.findingFacets.all(scanId) as { ruleId: string; team: string }[];
    return { ruleIds: [...new Set(rows.map((row) => row.ruleId))].sort(), teams: [...new Set(rows.map((row) => row.team))].sort() };
  }

  newFindings(scanId: number): FindingRow[] {
    return this.#statements.newFindings.all(scanId) as FindingRow[];
  }

  fixedFindings(scanId: number): FindingRow[] {
    return this.#statements.fixedFindings.all(scanId) as FindingRow[];
  }

  largestPrompts(scanId: number, limit: number): PromptRow[] {
    return this.#statements.prompts.all(scanId, limit) as PromptRow[];
  }

  /** The prompt's size in the first scan of the branch that has it. */
  promptFirstSeen(repoId: number, branch: string | null, promptId: string): { tokens: number; at: string } | undefined {
    return this.#statements.promptFirstSeen.get(promptId, repoId, branch) as { tokens: number; at: string } | undefined;
  }

  largestToolSets(scanId: number, limit: number): ToolSetRow[] {
    return (this.#statements.toolSets.all(scanId, limit) as (Omit<ToolSetRow, 'isComplete'> & { isComplete: number })[]).map((row) => ({
      ...row,
      isComplete: row.isComplete === 1,
    }));
  }

  /** A team's findings in the given scans, worst first. */
  teamFindings(team: string, scanIds: readonly number[], limit: number): PlacedFindingRow[] {
    return this.#statements.teamFindings.all(team, JSON.stringify(scanIds), limit) as PlacedFindingRow[];
  }

  /** Findings of a team fixed on main branches since `since`, latest first. */
  teamFixed(team: string, since: string, limit: number): PlacedFindingRow[] {
    return this.#statements.teamFixed.all(team, since, limit) as PlacedFindingRow[];
  }

  ruleFindings(ruleId: string, scanIds: readonly number[]): PlacedFindingRow[] {
    return this.#statements.ruleFindings.all(ruleId, JSON.stringify(scanIds)) as PlacedFindingRow[];
  }
}
