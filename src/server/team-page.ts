import type { DashboardQueries, PlacedFindingRow } from '../store/dashboard-queries.js';
import { TEAM_METRICS, teamSeries } from '../store/rollup.js';
import { CHANGE_DAYS, comparisonDays, firstDayOf, summarizeTeam, type TeamSummary } from './overview-page.js';
import { NotFoundError } from './query-params.js';
import { type Chart, cumulative, dayRange, valueOn } from './series.js';

export interface TeamPage {
  summary: TeamSummary;
  asOf: string;
  charts: { debt: Chart; findings: Chart };
  repositories: { name: string; debt: number; findings: number; llmCalls: number }[];
  worstFindings: PlacedFindingRow[];
  fixedLately: PlacedFindingRow[];
  changeDays: number;
}

export function loadTeamPage(queries: DashboardQueries, name: string): TeamPage {
  const days = comparisonDays(queries);
  if (!days || !queries.teams().includes(name)) throw new NotFoundError(`No team named ${name} owns anything in the stored scans.`);
  const { asOf, before, rows } = days;
  const portfolio = queries.portfolio(TEAM_METRICS.map((metric) => teamSeries(metric, name)));
  const debtDeltas = portfolio.get(teamSeries('debt', name)) ?? [];
  const labels = dayRange(firstDayOf(portfolio, asOf), asOf);
  const totalsOn = (day: string) => new Map(TEAM_METRICS.map((metric) => [teamSeries(metric, name), valueOn(portfolio.get(teamSeries(metric, name)), day)]));
  const owned = rows.filter((row) => teamSeries('debt', name) in row.totals);
  return {
    summary: summarizeTeam(name, totalsOn(asOf), totalsOn(before), rows),
    asOf,
    charts: {
      debt: { kind: 'lines', unit: 'minutes', labels, series: [{ label: 'debt', data: cumulative(debtDeltas, labels) }] },
      findings: { kind: 'lines', unit: 'findings', labels, series: [{ label: 'findings', data: cumulative(portfolio.get(teamSeries('findings', name)) ?? [], labels) }] },
    },
    repositories: owned
      .map((row) => ({
        name: row.name,
        debt: row.totals[teamSeries('debt', name)] ?? 0,
        findings: row.totals[teamSeries('findings', name)] ?? 0,
        llmCalls: row.totals[teamSeries('llmCalls', name)] ?? 0,
      }))
      .sort((a, b) => b.debt - a.debt || a.name.localeCompare(b.name)),
    worstFindings: queries.teamFindings(
      name,
      owned.map((row) => row.scanId),
      25,
    ),
    fixedLately: queries.teamFixed(name, `${before}T00:00:00.000Z`, 25),
    changeDays: CHANGE_DAYS,
  };
}
