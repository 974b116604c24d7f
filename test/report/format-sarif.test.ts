import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import ajvFormats from 'ajv-formats';
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import type { ScanReport } from '../../src/model/report.js';
import { formatSarif } from '../../src/report/format-sarif.js';
import { sampleReport } from './sample-report.js';

/**
 * The official OASIS schema (errata01) is written for draft-04. Ajv 8 speaks draft-07+, and
 * the schema uses nothing that differs between the two except the root `id` (now `$id`) and
 * the draft-04 meta-schema URI, so those two are adapted here rather than in the copied file.
 */
function sarifValidator() {
  const raw = JSON.parse(readFileSync(new URL('../data/sarif-schema-2.1.0.json', import.meta.url), 'utf8'));
  const { id, $schema: _draft04, ...rest } = raw;
  const ajv = new Ajv({ strict: false, allErrors: true });
  // ajv-formats is CommonJS: under NodeNext the default import is `module.exports`.
  ajvFormats.default(ajv);
  return ajv.compile({ $id: id, ...rest });
}

const validateSarif = sarifValidator();

function parse(report: ScanReport): Sarif.Log {
  return JSON.parse(formatSarif(report)) as Sarif.Log;
}

function run(log: Sarif.Log): Sarif.Run {
  expect(log.runs).toHaveLength(1);
  return log.runs[0]!;
}

describe('formatSarif', () => {
  it('validates against the SARIF 2.1.0 schema', () => {
    const validate = validateSarif;
    const valid = validate(parse(sampleReport));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check is not vacuous', () => {
    const validate = validateSarif;
    const log = parse(sampleReport) as any;
    log.runs[0].results[0].level = 'fatal';
    expect(validate(log)).toBe(false);
  });

  it('describes the tool and its rules', () => {
    const log = parse(sampleReport);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    const { driver } = run(log).tool;
    expect(driver).toMatchObject({
      name: 'genai-debt',
      version: '0.1.0',
      informationUri: 'https://github.com/genai-debt/genai-debt',
    });
    const tooMany = driver.rules?.find((r) => r.id === 'too-many-tools');
    expect(tooMany).toEqual({
      id: 'too-many-tools',
      name: 'TooManyTools',
      shortDescription: { text: 'Too many tools are offered to one model call' },
      fullDescription: {
        text: 'Models pick the wrong tool more often as the tool list grows. Split the agent or route to smaller tool sets.',
      },
      helpUri: 'https://genai-debt.dev/rules/too-many-tools',
      // The effective severity, not the default one.
      defaultConfiguration: { level: 'warning' },
      properties: { category: 'tool-sprawl', effortMinutes: 120 },
    });
  });

  it('points every result at its rule and keeps fingerprints', () => {
    const sarifRun = run(parse(sampleReport));
    const rules = sarifRun.tool.driver.rules ?? [];
    const results = sarifRun.results ?? [];
    expect(results).toHaveLength(sampleReport.findings.length);
    for (const result of results) {
      expect(result.ruleIndex).toBeTypeOf('number');
      expect(rules[result.ruleIndex!]?.id).toBe(result.ruleId);
      const finding = sampleReport.findings.find((f) => f.ruleId === result.ruleId)!;
      expect(result.partialFingerprints).toEqual({ 'genaiDebt/v1': finding.fingerprint });
      expect(result.level).toBe(finding.severity);
      expect(result.message.text).toBe(finding.message);
      expect(result.properties).toEqual({ effortMinutes: finding.effortMinutes, team: finding.team });
    }
    expect(results.map((r) => r.ruleId)).toEqual(['too-many-tools', 'untraced-llm-call', 'oversized-prompt']);
  });

  it('uses relative, percent-encoded URIs under %SRCROOT%', () => {
    const sarifRun = run(parse(sampleReport));
    const untraced = sarifRun.results!.find((r) => r.ruleId === 'untraced-llm-call')!;
    expect(untraced.locations).toEqual([
      {
        physicalLocation: {
          artifactLocation: { uri: 'src/agents/support%20bot.ts', uriBaseId: '%SRCROOT%' },
          region: { startLine: 42, startColumn: 18 },
        },
      },
    ]);
    expect(sarifRun.originalUriBaseIds?.['%SRCROOT%']).toBeDefined();
  });

  it('gives %SRCROOT% a file URI when the root is absolute', () => {
    const sarifRun = run(parse({ ...sampleReport, root: '/home/dev/my repo' }));
    expect(sarifRun.originalUriBaseIds?.['%SRCROOT%']?.uri).toBe('file:///home/dev/my%20repo/');
    const windows = run(parse({ ...sampleReport, root: 'C:\\work\\app' }));
    expect(windows.originalUriBaseIds?.['%SRCROOT%']?.uri).toBe('file:///C:/work/app/');
  });

  it('reports diagnostics as tool execution notifications, not results', () => {
    const [invocation] = run(parse(sampleReport)).invocations ?? [];
    expect(invocation?.executionSuccessful).toBe(true);
    expect(invocation?.toolExecutionNotifications).toEqual([
      {
        message: { text: "Unexpected token ')'; file skipped" },
        level: 'warning',
        descriptor: { id: 'parse-error' },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'src/legacy/old-agent.js', uriBaseId: '%SRCROOT%' },
              region: { startLine: 88 },
            },
          },
        ],
      },
      {
        message: { text: 'Config suppression for rule missing-eval-suite matched nothing' },
        level: 'note',
        descriptor: { id: 'unused-suppression' },
      },
    ]);
  });

  it('renders an empty report as a valid log with no results', () => {
    const validate = validateSarif;
    const log = parse({ ...sampleReport, findings: [], diagnostics: [] });
    expect(validate(log)).toBe(true);
    const sarifRun = run(log);
    expect(sarifRun.results).toEqual([]);
    expect(sarifRun.invocations?.[0]?.toolExecutionNotifications).toEqual([]);
  });

  it('leaves out ruleIndex for a finding whose rule is not listed', () => {
    const validate = validateSarif;
    const [first] = sampleReport.findings;
    const log = parse({ ...sampleReport, findings: [{ ...first!, ruleId: 'retired-rule' }] });
    expect(validate(log)).toBe(true);
    expect(run(log).results?.[0]).not.toHaveProperty('ruleIndex');
  });
});
