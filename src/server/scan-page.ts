import type { DashboardQueries, FindingRow, ScanRow } from '../store/dashboard-queries.js';
import { NotFoundError } from './query-params.js';
import { metricCards } from './repository-page.js';

export interface ScanPage {
  scan: ScanRow;
  previousScanId: number | undefined;
  nextScanId: number | undefined;
  metrics: { debt: number; findings: number; llmCalls: number; tracedShare: number | null; evalCoverage: number | null };
  added: FindingRow[];
  fixed: FindingRow[];
}

export function loadScanPage(queries: DashboardQueries, id: number): ScanPage {
  const scan = queries.scan(id);
  if (!scan) throw new NotFoundError(`No scan with id ${id} is stored.`);
  const { debt, findings, llmCalls, tracedShare, evalCoverage } = metricCards(queries.metrics(id));
  return {
    scan,
    previousScanId: queries.scanBefore(scan),
    nextScanId: queries.scanAfter(scan),
    metrics: { debt, findings, llmCalls, tracedShare, evalCoverage },
    added: queries.newFindings(id),
    fixed: queries.fixedFindings(id),
  };
}
