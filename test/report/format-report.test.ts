import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/report/format-json.js';
import { formatSarif } from '../../src/report/format-sarif.js';
import { formatText } from '../../src/report/format-text.js';
import { formatReport, formats } from '../../src/report/index.js';
import { sampleReport } from './sample-report.js';

describe('formatReport', () => {
  it('dispatches to the named format', () => {
    expect(Object.keys(formats).sort()).toEqual(['json', 'sarif', 'text']);
    expect(formatReport('text', sampleReport, { color: true })).toBe(formatText(sampleReport, { color: true }));
    expect(formatReport('json', sampleReport, { color: true })).toBe(formatJson(sampleReport));
    expect(formatReport('sarif', sampleReport, { color: true })).toBe(formatSarif(sampleReport));
  });
});
