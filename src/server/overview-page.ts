import type { DashboardQueries, RepositoryRow } from '../store/dashboard-queries.js';
import { FAMILIES, TEAM_METRICS, teamSeries } from '../store/rollup.js';
import type { OverviewQuery } from './query-params.js';
import { type Chart, cumulative, dayRange, daysBefore, share } from './series.js';
import { sortRows } from './sort-rows.js';

/** Days over which tables report the change of debt. */
export const CHANGE_DAYS = 30;

export interface TeamSummary {
  name: string;
  debt: number;
  /** Debt now minus debt {@link CHANGE_DAYS} days before the last scanned day. */
  change: number;
  findings: number;
  tracedShare: number | null;
  evalCoverage: number | null;
  repositories: number;
}

export interface RepositorySummary {
  name: string;
  branch: string;
  lastDay: string;
  scanId: number;
  debt: number;
  change: number;
  findings: number;
  errors: number;
  llmCalls: number;
  tracedShare: number | null;
  evalCoverage: number | null;
}

export interface OverviewPage {
  /** The last day any repository was scanned; undefined when nothing is stored. */
  asOf: string | undefined;
  charts: { debt: Chart; findings: Chart; teams: Chart } | undefined;
  teams: TeamSummary[];
  repositories: RepositorySummary[];
  sort: OverviewQuery;
}

/** The main branch's last scan of each repository, as the tables show it. */
function summarizeRepository(row: RepositoryRow): RepositorySummary {
  const value = (name: string) => row.totals[name] ?? 0;
  return {
    name: row.name,
    branch: row.branch,
    lastDay: row.day,
    scanId: row.scanId,
    debt: value('debt'),
    change: value('debt') - (row.totalsBefore?.debt ?? 0),
    findings: value('findings'),
    errors: value('errors'),
    llmCalls: value('llmCalls'),
    tracedShare: share(value('tracedCalls'), value('llmCalls')),
    evalCoverage: share(value('evalCoveredCalls'), value('llmCalls')),
  };
}

/** The last scanned day of any main branch, the day {@link CHANGE_DAYS} before it, and each repository's row. */
export function comparisonDays(queries: DashboardQueries): { asOf: string; before: string; rows: RepositoryRow[] } | undefined {
  const asOf = queries.lastDay();
  if (asOf === undefined) return undefined;
  const before = daysBefore(asOf, CHANGE_DAYS);
  return { asOf, before, rows: queries.repositories(before) };
}

/** A team's totals from the portfolio on the last scanned day (`now`) and {@link CHANGE_DAYS} before (`before`). */
export function summarizeTeam(name: string, now: ReadonlyMap<string, number>, before: ReadonlyMap<string, number>, repositories: readonly RepositoryRow[]): TeamSummary {
  const value = (metric: (typeof TEAM_METRICS)[number]) => now.get(teamSeries(metric, name)) ?? 0;
  return {
    name,
    debt: value('debt'),
    change: value('debt') - (before.get(teamSeries('debt', name)) ?? 0),
    findings: value('findings'),
    tracedShare: share(value('tracedCalls'), value('llmCalls')),
    evalCoverage: share(value('evalCoveredCalls'), value('llmCalls')),
    repositories: repositories.filter((row) => teamSeries('debt', name) in row.totals).length,
  };
}

/** The first day any of the series changed, or `fallback`. */
export function firstDayOf(portfolio: ReadonlyMap<string, { day: string }[]>, fallback: string): string {
  return [...portfolio.values()].reduce((first, deltas) => (deltas[0] && deltas[0].day < first ? deltas[0].day : first), fallback);
}

export function loadOverview(queries: DashboardQueries, sort: OverviewQuery): OverviewPage {
  const days = comparisonDays(queries);
  if (!days) return { asOf: undefined, charts: undefined, teams: [], repositories: [], sort };
  const { asOf, before, rows } = days;
  const teamNames = queries.teams();
  // Only the charted series are read day by day; the tables need two sums per series.
  const portfolio = queries.portfolio([
    ...FAMILIES.flatMap((family) => [`debt:${family}`, `findings:${family}`]),
    ...teamNames.map((name) => teamSeries('debt', name)),
  ]);
  const labels = dayRange(firstDayOf(portfolio, asOf), asOf);
  const familyChart = (prefix: 'debt' | 'findings', unit: string): Chart => ({
    kind: 'stacked',
    unit,
    labels,
    series: FAMILIES.map((family) => ({ label: family, data: cumulative(portfolio.get(`${prefix}:${family}`) ?? [], labels) })),
  });
  const now = queries.portfolioTotals(asOf);
  const then = queries.portfolioTotals(before);
  const teams = teamNames
    .map((name) => summarizeTeam(name, now, then, rows))
    .filter((team) => team.repositories > 0 || team.change !== 0);
  return {
    asOf,
    charts: {
      debt: familyChart('debt', 'minutes'),
      findings: familyChart('findings', 'findings'),
      teams: {
        kind: 'lines',
        unit: 'minutes',
        labels,
        series: teamNames.map((name) => ({ label: name, data: cumulative(portfolio.get(teamSeries('debt', name)) ?? [], labels) })),
      },
    },
    teams: sortRows(teams, sort.teamSort, sort.teamDir),
    repositories: sortRows(rows.map(summarizeRepository), sort.repoSort, sort.repoDir),
    sort,
  };
}
