import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import ajvFormats from 'ajv-formats';
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import type { GateReport } from '../../../src/model/gate.js';
import { formatSarif } from '../../../src/report/format-sarif.js';
import { formatGateSarif } from '../../../src/report/gate/format-gate-sarif.js';
import { baselineGate, frozenGate, sampleGate } from './sample-gate.js';

/** As in test/report/format-sarif.test.ts: the draft-04 schema adapted for Ajv 8. */
function sarifValidator() {
  const raw = JSON.parse(readFileSync(new URL('../../data/sarif-schema-2.1.0.json', import.meta.url), 'utf8'));
  const { id, $schema: _draft04, ...rest } = raw;
  const ajv = new Ajv({ strict: false, allErrors: true });
  // ajv-formats is CommonJS: under NodeNext the default import is `module.exports`.
  ajvFormats.default(ajv);
  return ajv.compile({ $id: id, ...rest });
}

const validateSarif = sarifValidator();

function run(gate: GateReport): Sarif.Run {
  const log = JSON.parse(formatGateSarif(gate)) as Sarif.Log;
  expect(log.runs).toHaveLength(1);
  return log.runs[0]!;
}

describe('formatGateSarif', () => {
  it('validates against the SARIF 2.1.0 schema', () => {
    for (const gate of [sampleGate, baselineGate, frozenGate]) {
      const valid = validateSarif(JSON.parse(formatGateSarif(gate)));
      expect(validateSarif.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    }
  });

  it('marks new, unchanged, broken-budget and fixed results with their baselineState', () => {
    const results = run(sampleGate).results ?? [];
    expect(results.map((r) => [r.ruleId, r.locations?.[0]?.physicalLocation?.artifactLocation?.uri, r.level, r.baselineState])).toEqual([
      ['too-many-tools', 'src/agents/support%20bot.ts', 'warning', 'new'],
      ['untraced-llm-call', 'src/agents/support%20bot.ts', 'error', 'new'],
      ['oversized-prompt', 'src/prompts/support.ts', 'warning', 'unchanged'],
      ['ratchet/traced-share', 'genai-debt.config.yaml', 'warning', 'new'],
      ['budget/largest-tool-set', 'src/agents/support%20bot.ts', 'error', 'new'],
      ['missing-eval-suite', 'src/agents/router.ts', 'none', 'absent'],
      ['untraced-llm-call', 'src/rag/search.ts', 'none', 'absent'],
    ]);
  });

  it('renders a fixed finding as a passing result with its message, or a generic one for a baseline entry', () => {
    const fixed = (run(sampleGate).results ?? []).filter((r) => r.baselineState === 'absent');
    expect(fixed).toEqual([
      {
        ruleId: 'missing-eval-suite',
        ruleIndex: 0,
        kind: 'pass',
        level: 'none',
        message: { text: 'Fixed: missing-eval-suite in src/agents/router.ts' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'src/agents/router.ts', uriBaseId: '%SRCROOT%' } } }],
        partialFingerprints: { 'genaiDebt/v1': '2b3c4d5e6f7081920314' },
        baselineState: 'absent',
      },
      {
        ruleId: 'untraced-llm-call',
        ruleIndex: 3,
        kind: 'pass',
        level: 'none',
        message: { text: 'OpenAI call openai.embeddings.create in embedQuery is not traced' },
        locations: [
          { physicalLocation: { artifactLocation: { uri: 'src/rag/search.ts', uriBaseId: '%SRCROOT%' }, region: { startLine: 12 } } },
        ],
        partialFingerprints: { 'genaiDebt/v1': '1a2b3c4d5e6f70819203' },
        baselineState: 'absent',
      },
    ]);
  });

  it('adds a reporting descriptor per budget after the scan rules, which keep their indexes', () => {
    const sarifRun = run(sampleGate);
    const rules = sarifRun.tool.driver.rules ?? [];
    const scanRules = (JSON.parse(formatSarif(sampleGate.report)) as Sarif.Log).runs[0]!.tool.driver.rules;
    expect(rules.slice(0, 4)).toEqual(scanRules);
    expect(rules.slice(4)).toEqual([
      {
        id: 'budget/largest-tool-set',
        name: 'BudgetLargestToolSet',
        shortDescription: { text: 'Limit largestToolSet to its configured budget.' },
        defaultConfiguration: { level: 'error' },
        properties: { category: 'budget', metric: 'largestToolSet' },
      },
      {
        id: 'ratchet/traced-share',
        name: 'RatchetTracedShare',
        shortDescription: { text: 'Limit how far tracedShare may get worse than before.' },
        defaultConfiguration: { level: 'warning' },
        properties: { category: 'budget', metric: 'tracedShare' },
      },
    ]);
    for (const result of sarifRun.results ?? []) expect(rules[result.ruleIndex!]?.id).toBe(result.ruleId);
    const budget = sarifRun.results!.find((r) => r.ruleId === 'budget/largest-tool-set')!;
    expect(budget.properties).toEqual({ metric: 'largestToolSet', before: 20, after: 23, limit: 20 });
  });

  it('records what was compared and the verdict in the run properties', () => {
    expect(run(frozenGate).properties).toEqual({
      against: { kind: 'baseline', file: 'genai-debt-baseline' },
      failOn: 'error',
      frozen: true,
      failed: true,
    });
  });
});
