import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { DiagnosticCode, RuleCategory } from '../../src/model/report.js';
import type { TracingMechanism } from '../../src/model/repo-model.js';
import { formatJson } from '../../src/report/format-json.js';
import { sampleReport } from './sample-report.js';

const schema = JSON.parse(readFileSync(new URL('../../schemas/scan-report.schema.json', import.meta.url), 'utf8'));

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  // ajv-formats is CommonJS: under NodeNext the default import is `module.exports`.
  ajvFormats.default(ajv);
  return ajv.compile(schema);
}

// Exhaustive by type: adding a member to a union without listing it here fails the type check.
const diagnosticCodes: Record<DiagnosticCode, true> = {
  'file-too-large': true,
  'binary-file': true,
  'non-utf8': true,
  'symlink-outside-root': true,
  unreadable: true,
  'parse-error': true,
  'too-many-files': true,
  'unused-suppression': true,
  'extractor-crash': true,
  'rule-crash': true,
  'generated-or-minified': true,
  'symlink-loop': true,
};
const categories: Record<RuleCategory, true> = {
  tracing: true,
  'tool-sprawl': true,
  prompts: true,
  evals: true,
  hygiene: true,
};
const mechanisms: Record<TracingMechanism, true> = {
  wrapper: true,
  'enclosing-span': true,
  'per-call-telemetry': true,
  callback: true,
  'global-instrumentation': true,
  gateway: true,
  'framework-default': true,
  'config-wrapper': true,
  disabled: true,
  'unresolved-client': true,
};

describe('formatJson', () => {
  it('is the report as indented JSON with a trailing newline', () => {
    const json = formatJson(sampleReport);
    expect(json.endsWith('}\n')).toBe(true);
    expect(JSON.parse(json)).toEqual(sampleReport);
  });

  it('validates against schemas/scan-report.schema.json', () => {
    const validate = validator();
    const valid = validate(JSON.parse(formatJson(sampleReport)));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('rejects unknown properties so drift between the types and the schema is caught', () => {
    const validate = validator();
    const withExtra = (mutate: (report: any) => void) => {
      const report = JSON.parse(formatJson(sampleReport));
      mutate(report);
      return validate(report);
    };
    expect(withExtra((r) => (r.extra = 1))).toBe(false);
    expect(withExtra((r) => (r.findings[0].extra = 1))).toBe(false);
    expect(withExtra((r) => (r.inventory.llmCalls[0].tracing.evidence = [{ mechanism: 'wrapper', detail: 'x', extra: 1 }]))).toBe(false);
    expect(withExtra((r) => (r.metrics.findingsByCategory.unknown = 0))).toBe(false);
    expect(withExtra((r) => (r.rules[0].extra = 1))).toBe(false);
    expect(withExtra((r) => (r.diagnostics[0].code = 'not-a-code'))).toBe(false);
    expect(withExtra((r) => delete r.findings[0].fingerprint)).toBe(false);
  });

  it('accepts a report without optional fields and with a null traced share', () => {
    const validate = validator();
    const report = JSON.parse(formatJson(sampleReport));
    report.inventory.llmCalls = [report.inventory.llmCalls[2]];
    report.inventory.tracingSetups[0].line = undefined;
    report.metrics.tracedShare = null;
    report.diagnostics = [{ code: 'too-many-files', severity: 'info', message: 'stopped' }];
    expect(validate(JSON.parse(JSON.stringify(report)))).toBe(true);
  });

  it('lists exactly the enum members of the model types', () => {
    expect(schema.$defs.diagnostic.properties.code.enum.sort()).toEqual(Object.keys(diagnosticCodes).sort());
    expect(schema.$defs.ruleCategory.enum.sort()).toEqual(Object.keys(categories).sort());
    expect(schema.$defs.tracingMechanism.enum.sort()).toEqual(Object.keys(mechanisms).sort());
    expect(schema.$defs.metrics.properties.findingsByCategory.required.sort()).toEqual(Object.keys(categories).sort());
  });
});
