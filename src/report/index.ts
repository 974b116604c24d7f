import type { ScanReport } from '../model/report.js';
import { formatJson } from './format-json.js';
import { formatSarif } from './format-sarif.js';
import { formatText } from './format-text.js';

export type FormatName = 'text' | 'json' | 'sarif';

/** The output formats by name; every formatter is pure and returns the whole output. */
export const formats: Record<FormatName, (report: ScanReport, options: { color: boolean }) => string> = {
  text: formatText,
  json: (report) => formatJson(report),
  sarif: (report) => formatSarif(report),
};

/**
 * Renders `report` in the named format.
 *
 * @param options.color - only the text format uses it; machine formats never contain colour.
 */
export function formatReport(name: FormatName, report: ScanReport, options: { color: boolean }): string {
  return formats[name](report, options);
}
