import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { GateReport } from '../../../src/model/gate.js';
import { formatGateJson } from '../../../src/report/gate/format-gate-json.js';
import { sampleReport } from '../sample-report.js';
import { baselineGate, sampleGate } from './sample-gate.js';

const schema = JSON.parse(readFileSync(new URL('../../../schemas/check-report.schema.json', import.meta.url), 'utf8'));
const scanSchema = JSON.parse(readFileSync(new URL('../../../schemas/scan-report.schema.json', import.meta.url), 'utf8'));

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  // ajv-formats is CommonJS: under NodeNext the default import is `module.exports`.
  ajvFormats.default(ajv);
  return ajv.compile(schema);
}

const storedScanGate: GateReport = {
  ...baselineGate,
  against: { kind: 'stored-scan', repository: 'acme/support', branch: 'main', scanId: 12, at: '2025-11-19T10:00:00.000Z' },
};

describe('formatGateJson', () => {
  it('validates against schemas/check-report.schema.json for every kind of comparison', () => {
    const validate = validator();
    for (const gate of [sampleGate, baselineGate, storedScanGate]) {
      const valid = validate(JSON.parse(formatGateJson(gate)));
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    }
  });

  it('rejects unknown properties and kinds, so the schema check is not vacuous', () => {
    const validate = validator();
    const withChange = (mutate: (json: any) => void) => {
      const json = JSON.parse(formatGateJson(sampleGate));
      mutate(json);
      return validate(json);
    };
    expect(withChange((j) => (j.extra = 1))).toBe(false);
    expect(withChange((j) => (j.summary.extra = 1))).toBe(false);
    expect(withChange((j) => (j.against = { kind: 'tag', ref: 'v1' }))).toBe(false);
    expect(withChange((j) => (j.budgetViolations[0].extra = 1))).toBe(false);
    expect(withChange((j) => delete j.fixedFindings[0].fingerprint)).toBe(false);
    expect(withChange((j) => (j.newFindings[0].line = 0))).toBe(false);
  });

  it('holds the verdict, the counts and the sorted lists, with the scan metrics and diagnostics', () => {
    const json = JSON.parse(formatGateJson(sampleGate));
    expect(Object.keys(json)).toEqual([
      'tool',
      'against',
      'failOn',
      'frozen',
      'failed',
      'summary',
      'newFindings',
      'fixedFindings',
      'budgetViolations',
      'metrics',
      'diagnostics',
    ]);
    expect(json).toMatchObject({
      tool: { name: 'genai-debt', version: '0.1.0' },
      against: { kind: 'merge-base', ref: 'origin/main', commit: 'abc12345def67890abc12345def67890abc12345' },
      failOn: 'error',
      frozen: false,
      failed: true,
      summary: { new: 2, fixed: 2, unchanged: 1, budgetViolations: 2 },
    });
    expect(json.newFindings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['too-many-tools', 'untraced-llm-call']);
    expect(json.fixedFindings.map((f: { file: string }) => f.file)).toEqual(['src/agents/router.ts', 'src/rag/search.ts']);
    expect(json.budgetViolations.map((b: { id: string }) => b.id)).toEqual(['ratchet/traced-share', 'budget/largest-tool-set']);
    expect(json.metrics).toEqual(sampleReport.metrics);
    expect(json.diagnostics).toEqual(sampleReport.diagnostics);
  });

  it('copies the finding, diagnostic and metrics definitions of the scan schema unchanged', () => {
    for (const name of ['finding', 'diagnostic', 'metrics', 'path', 'line', 'column', 'severity', 'ruleCategory']) {
      expect(schema.$defs[name], name).toEqual(scanSchema.$defs[name]);
    }
  });
});
