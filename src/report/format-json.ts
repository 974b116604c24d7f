import type { ScanReport } from '../model/report.js';

/**
 * Renders the report as pretty-printed JSON; the shape is documented by
 * `schemas/scan-report.schema.json`.
 */
export function formatJson(report: ScanReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}
