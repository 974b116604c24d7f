import { compareFindings } from '../findings/lifecycle.js';
import type { DashboardQueries, DayRow, ScanFindingRow, ToolSetRow } from '../store/dashboard-queries.js';
import { FAMILIES } from '../store/rollup.js';
import { type FindingsQuery, NotFoundError } from './query-params.js';
import { type Chart, share } from './series.js';

/** Findings per page of the repository page. */
const PAGE_SIZE = 25;

export interface MetricCards {
  debt: number;
  findings: number;
  llmCalls: number;
  tracedShare: number | null;
  evalCoverage: number | null;
  tools: number;
  largestToolSet: number;
  largestPromptTokens: number;
}

export interface PromptGrowth {
  name: string;
  file: string;
  line: number;
  role: string;
  team: string;
  tokens: number;
  firstTokens: number;
  firstSeen: string;
  /** Growth since first seen, as a share of the first size (0.5 = +50 %); null when it started empty. */
  growth: number | null;
}

export interface RepositoryPage {
  name: string;
  branch: string;
  branches: { branch: string; days: number; lastDay: string }[];
  lastScan: { id: number; at: string };
  cards: MetricCards;
  charts: { debt: Chart; findings: Chart; coverage: Chart; size: Chart };
  prompts: PromptGrowth[];
  toolSets: ToolSetRow[];
  recentScans: { id: number; day: string; debt: number; findings: number }[];
  findings: FindingsList;
}

export interface FindingsList {
  filters: FindingsQuery;
  facets: { ruleIds: string[]; teams: string[] };
  rows: ScanFindingRow[];
  total: number;
  page: number;
  pages: number;
  /** The scan `newSince` compares with; undefined when no filter or no scan before that day. */
  baselineScanId: number | undefined;
}

/** The stored scan the findings list of a branch's day shows ('' is the branch of scans outside git, stored as null). */
type ListedScan = { id: number; repoId: number; branch: string | null; at: string };

const listedScan = (repoId: number, branch: string, day: DayRow): ListedScan => ({ id: day.scanId, repoId, branch: branch === '' ? null : branch, at: day.at });

function storedRepository(queries: DashboardQueries, name: string): { id: number; name: string; mainBranch: string } {
  const repository = queries.repository(name);
  if (!repository) throw new NotFoundError(`No repository named ${name} is stored.`);
  return repository;
}

const noScansOf = (name: string, branch: string) => new NotFoundError(`Repository ${name} has no scans of branch ${branch}.`);

/** A scan's metrics as the repository and scan pages show them. */
export function metricCards(metrics: ReadonlyMap<string, number>): MetricCards {
  const metric = (key: string) => metrics.get(key) ?? 0;
  return {
    debt: metric('debtMinutes'),
    findings: metric('findings.error') + metric('findings.warning'),
    llmCalls: metric('llmCalls'),
    tracedShare: metrics.get('tracedShare') ?? null,
    evalCoverage: metrics.get('evalCoverage') ?? null,
    tools: metric('tools'),
    largestToolSet: metric('largestToolSet'),
    largestPromptTokens: metric('largestPromptTokens'),
  };
}

export function loadRepositoryPage(queries: DashboardQueries, name: string, query: FindingsQuery): RepositoryPage {
  const repository = storedRepository(queries, name);
  const branches = queries.branches(repository.id);
  const branch = query.branch ?? repository.mainBranch;
  if (!branches.some((known) => known.branch === branch)) throw noScansOf(name, branch);
  const days = queries.days(repository.id, branch);
  const last = days.at(-1)!;
  const scan = listedScan(repository.id, branch, last);
  const prompts = queries.largestPrompts(last.scanId, 10).map((prompt): PromptGrowth => {
    const first = queries.promptFirstSeen(repository.id, scan.branch, prompt.promptId) ?? { tokens: prompt.tokens, at: last.at };
    return {
      name: prompt.name ?? `${prompt.role} prompt`,
      file: prompt.file,
      line: prompt.line,
      role: prompt.role,
      team: prompt.team,
      tokens: prompt.tokens,
      firstTokens: first.tokens,
      firstSeen: first.at.slice(0, 10),
      growth: share(prompt.tokens - first.tokens, first.tokens),
    };
  });
  return {
    name,
    branch,
    branches,
    lastScan: { id: last.scanId, at: last.at },
    cards: metricCards(queries.metrics(last.scanId)),
    charts: repositoryCharts(days),
    prompts,
    toolSets: queries.largestToolSets(last.scanId, 10),
    recentScans: days
      .slice(-10)
      .reverse()
      .map((day) => ({ id: day.scanId, day: day.day, debt: day.totals.debt ?? 0, findings: day.totals.findings ?? 0 })),
    findings: listFindings(queries, scan, query),
  };
}

function repositoryCharts(days: readonly DayRow[]): RepositoryPage['charts'] {
  const labels = days.map((day) => day.day);
  const line = (key: string) => days.map((day) => day.totals[key] ?? 0);
  const shareOf = (key: string) => days.map((day) => share(day.totals[key] ?? 0, day.totals.llmCalls ?? 0));
  return {
    debt: { kind: 'stacked', unit: 'minutes', labels, series: FAMILIES.map((family) => ({ label: family, data: line(`debt:${family}`) })) },
    findings: {
      kind: 'lines',
      unit: 'findings',
      labels,
      series: [
        { label: 'errors', data: line('errors') },
        { label: 'warnings', data: line('warnings') },
      ],
    },
    coverage: {
      kind: 'lines',
      unit: 'share of LLM calls',
      labels,
      series: [
        { label: 'traced share', data: shareOf('tracedCalls') },
        { label: 'eval coverage', data: shareOf('evalCoveredCalls') },
      ],
    },
    size: {
      kind: 'lines',
      unit: 'count',
      labels,
      series: [
        { label: 'LLM calls', data: line('llmCalls') },
        { label: 'tools', data: line('tools') },
        { label: 'largest tool set', data: line('largestToolSet') },
      ],
    },
  };
}

/** The findings of a branch's last scan (default: the main branch) with the filters applied, as the CSV export lists them. */
export function exportedFindings(queries: DashboardQueries, name: string, query: FindingsQuery): ScanFindingRow[] {
  const repository = storedRepository(queries, name);
  const branch = query.branch ?? repository.mainBranch;
  const last = queries.lastDayOf(repository.id, branch);
  if (!last) throw noScansOf(name, branch);
  return filteredFindings(queries, listedScan(repository.id, branch, last), query).rows;
}

/** The scan's findings with the filters applied; `newSince` keeps those not in the branch's last scan before that day. */
function filteredFindings(
  queries: DashboardQueries,
  scan: ListedScan,
  query: FindingsQuery,
): { rows: ScanFindingRow[]; baselineScanId: number | undefined } {
  let rows = queries.findings(scan.id, { ruleId: query.rule, category: query.family, severity: query.severity, team: query.team });
  if (query.newSince === undefined) return { rows, baselineScanId: undefined };
  const baselineScanId = queries.scanBefore(scan, `${query.newSince}T00:00:00.000Z`);
  if (baselineScanId !== undefined) {
    // Matched over all findings of both scans, as the store matched them, then filtered.
    const added = new Set(compareFindings(queries.findings(baselineScanId), queries.findings(scan.id)).added.map((row) => row.fingerprint));
    rows = rows.filter((row) => added.has(row.fingerprint));
  }
  return { rows, baselineScanId };
}

function listFindings(queries: DashboardQueries, scan: ListedScan, query: FindingsQuery): FindingsList {
  const { rows, baselineScanId } = filteredFindings(queries, scan, query);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const page = Math.min(query.page, pages);
  return {
    filters: query,
    facets: queries.findingFacets(scan.id),
    rows: rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
    total: rows.length,
    page,
    pages,
    baselineScanId,
  };
}
