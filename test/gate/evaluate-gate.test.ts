import { describe, expect, it } from 'vitest';
import { configSchema, type GateSettings } from '../../src/config/config-schema.js';
import { type EarlierFinding, evaluateGate, type GateInput } from '../../src/gate/evaluate-gate.js';
import type { GateComparison } from '../../src/model/gate.js';
import type { Finding, ScanReport, Severity } from '../../src/model/report.js';
import { sampleReport } from '../report/sample-report.js';
import { identityOf, UNTRACED, untracedCall } from './gate-findings.js';

function gateSettings(gate: Record<string, unknown> = {}): GateSettings {
  return configSchema.parse({ gate }).gate;
}

const againstBaseline: GateComparison = { kind: 'baseline', file: 'genai-debt-baseline' };
const againstMergeBase: GateComparison = { kind: 'merge-base', ref: 'origin/main', commit: '4f1c2a9e7b3d5c8f0a1b2c3d4e5f60718293a4b5' };
const againstStoredScan: GateComparison = {
  kind: 'stored-scan',
  repository: 'github.com/acme/support-bot',
  branch: 'main',
  scanId: 42,
  commit: '9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d',
  at: '2025-11-19T09:30:00.000Z',
};

function reportWith(findings: Finding[]): ScanReport {
  return { ...sampleReport, findings };
}

interface Check {
  current: ScanReport;
  earlier: readonly EarlierFinding[];
  against?: GateComparison;
  side?: GateInput['earlier']['side'];
  renames?: ReadonlyMap<string, string>;
  settings?: GateSettings;
  failOn?: Severity;
  frozen?: boolean;
}

function check({ current, earlier, against = againstBaseline, side, renames, settings = gateSettings(), failOn = 'error', frozen = false }: Check) {
  return evaluateGate({
    current,
    against,
    earlier: { findings: earlier, ...(side ? { side } : {}) },
    ...(renames ? { renames } : {}),
    settings,
    failOn,
    frozen,
  });
}

const answerTicket = untracedCall('src/support/tickets.ts', 'answerTicket', 12);
const escalateTicket = untracedCall('src/support/tickets.ts', 'escalateTicket', 30);
const summarizeThreadError = untracedCall('src/support/summary.ts', 'summarizeThread', 8, { severity: 'error' });
const summarizeThreadWarning = untracedCall('src/support/summary.ts', 'summarizeThread', 8, { severity: 'warning' });

const sampleBaseline = sampleReport.findings.map(identityOf);
const supportBotTooManyTools = {
  id: 'budget/max-largest-tool-set',
  severity: 'error',
  metric: 'largestToolSet',
  limit: 15,
  after: 23,
  file: 'src/agents/support bot.ts',
  line: 7,
  message: 'The largest tool set has 23 tools; the budget (gate.budgets) is 15.',
};

describe('evaluateGate: new, unchanged and fixed findings', () => {
  it('splits the findings against a stored scan into new, unchanged (moved) and fixed', () => {
    const movedAnswer = untracedCall('src/support/tickets.ts', 'answerTicket', 14);
    const current = reportWith([summarizeThreadError, movedAnswer]);
    expect(check({ current, earlier: [escalateTicket, answerTicket], against: againstStoredScan })).toEqual({
      tool: { name: 'genai-debt', version: '0.1.0' },
      against: againstStoredScan,
      failOn: 'error',
      frozen: false,
      newFindings: [summarizeThreadError],
      unchangedFindings: [movedAnswer],
      fixedFindings: [
        {
          ruleId: UNTRACED,
          file: 'src/support/tickets.ts',
          fingerprint: escalateTicket.fingerprint,
          message:
            'Untraced LLM call openai.chat.completions.create in escalateTicket. Wrap the client (e.g. wrapOpenAI, observeOpenAI), run it inside a traced function, or enable telemetry.',
          line: 30,
          severity: 'warning',
        },
      ],
      budgetViolations: [],
      failed: true,
      report: current,
    });
  });

  it('lists a fixed baseline entry by rule, file and fingerprint only', () => {
    const report = check({ current: reportWith([answerTicket]), earlier: [identityOf(answerTicket), identityOf(escalateTicket)] });
    expect(report.fixedFindings).toStrictEqual([{ ruleId: UNTRACED, file: 'src/support/tickets.ts', fingerprint: escalateTicket.fingerprint }]);
    expect(report.unchangedFindings).toEqual([answerTicket]);
    expect(report.newFindings).toEqual([]);
  });

  it('counts a second identical finding with the same anchor (occurrence 1) as new', () => {
    const secondAnswer = untracedCall('src/support/tickets.ts', 'answerTicket', 18, { occurrence: 1 });
    const report = check({ current: reportWith([answerTicket, secondAnswer]), earlier: [identityOf(answerTicket)] });
    expect({ newFindings: report.newFindings, unchangedFindings: report.unchangedFindings }).toEqual({ newFindings: [secondAnswer], unchangedFindings: [answerTicket] });
  });

  it('does not count the findings of a renamed file as new', () => {
    const renamedAnswer = untracedCall('src/support/tickets.ts', 'answerTicket', 12);
    const report = check({
      current: reportWith([renamedAnswer]),
      earlier: [identityOf(untracedCall('src/tickets.ts', 'answerTicket', 12))],
      renames: new Map([['src/tickets.ts', 'src/support/tickets.ts']]),
    });
    expect({ newFindings: report.newFindings, unchangedFindings: report.unchangedFindings, fixedFindings: report.fixedFindings }).toEqual({
      newFindings: [],
      unchangedFindings: [renamedAnswer],
      fixedFindings: [],
    });
  });

  it('pairs a renamed file through the renames it is given, so the other copy of the function is the fixed one', () => {
    const legacyCopy = untracedCall('src/legacy/tickets.ts', 'answerTicket', 6);
    const renamedCopy = untracedCall('src/tickets.ts', 'answerTicket', 6);
    const current = reportWith([untracedCall('src/support/tickets.ts', 'answerTicket', 6)]);
    const earlier = [identityOf(legacyCopy), identityOf(renamedCopy)];
    const renames = new Map([['src/tickets.ts', 'src/support/tickets.ts']]);
    expect(check({ current, earlier, renames }).fixedFindings).toEqual([{ ruleId: UNTRACED, file: 'src/legacy/tickets.ts', fingerprint: legacyCopy.fingerprint }]);
    expect(check({ current, earlier }).fixedFindings).toEqual([{ ruleId: UNTRACED, file: 'src/tickets.ts', fingerprint: renamedCopy.fingerprint }]);
  });

  it('sorts new findings by file (byte order), line, column and rule', () => {
    const billingCall = untracedCall('src/Billing/invoice.ts', 'chargeInvoice', 40);
    const supportBotAnswer = { ...untracedCall('src/agents/support bot.ts', 'SupportBot.answer', 42), column: 30 };
    const report = check({ current: reportWith([...sampleReport.findings, supportBotAnswer, billingCall]), earlier: [] });
    expect(report.newFindings.map(({ file, line, column, ruleId }) => `${file}:${line}:${column} ${ruleId}`)).toEqual([
      'src/Billing/invoice.ts:40:10 no-untraced-llm-call',
      'src/agents/support bot.ts:7:3 too-many-tools',
      'src/agents/support bot.ts:42:18 untraced-llm-call',
      'src/agents/support bot.ts:42:30 no-untraced-llm-call',
      'src/prompts/support.ts:3:14 oversized-prompt',
    ]);
  });

  it('sorts findings on one line and column by rule', () => {
    const toolsFinding: Finding = { ...sampleReport.findings[2]!, line: 42, column: 18 };
    const report = check({ current: reportWith([toolsFinding, sampleReport.findings[1]!]), earlier: [] });
    expect(report.newFindings.map((finding) => finding.ruleId)).toEqual(['too-many-tools', 'untraced-llm-call']);
  });

  it('sorts unchanged findings by file and line as well', () => {
    const report = check({ current: sampleReport, earlier: sampleBaseline });
    expect(report.unchangedFindings.map(({ file, line }) => `${file}:${line}`)).toEqual([
      'src/agents/support bot.ts:7',
      'src/agents/support bot.ts:42',
      'src/prompts/support.ts:3',
    ]);
    expect(report.newFindings).toEqual([]);
  });

  it('leaves the findings of the current report in their order', () => {
    const current = reportWith([...sampleReport.findings]);
    check({ current, earlier: [] });
    expect(current.findings.map((finding) => finding.ruleId)).toEqual(['oversized-prompt', 'untraced-llm-call', 'too-many-tools']);
  });
});

describe('evaluateGate: failOn', () => {
  it('passes with a new warning when failing on errors', () => {
    const report = check({ current: reportWith([answerTicket, summarizeThreadWarning]), earlier: [identityOf(answerTicket)], failOn: 'error' });
    expect({ newFindings: report.newFindings, failed: report.failed }).toEqual({ newFindings: [summarizeThreadWarning], failed: false });
  });

  it('fails with a new warning when failing on warnings', () => {
    const report = check({ current: reportWith([answerTicket, summarizeThreadWarning]), earlier: [identityOf(answerTicket)], failOn: 'warning' });
    expect({ newFindings: report.newFindings, failOn: report.failOn, failed: report.failed }).toEqual({
      newFindings: [summarizeThreadWarning],
      failOn: 'warning',
      failed: true,
    });
  });

  it('fails with a new error when failing on errors', () => {
    const report = check({ current: reportWith([answerTicket, summarizeThreadError]), earlier: [identityOf(answerTicket)], failOn: 'error' });
    expect(report.failed).toBe(true);
  });

  it('passes when every warning and error is unchanged, even failing on warnings', () => {
    const report = check({ current: sampleReport, earlier: sampleBaseline, failOn: 'warning' });
    expect({ newFindings: report.newFindings, failed: report.failed }).toEqual({ newFindings: [], failed: false });
  });
});

describe('evaluateGate: budgets and ratchets', () => {
  it('fails on a broken budget without any new finding', () => {
    const report = check({ current: sampleReport, earlier: sampleBaseline, settings: gateSettings({ budgets: { maxLargestToolSet: 15 } }) });
    expect({ newFindings: report.newFindings, budgetViolations: report.budgetViolations, failed: report.failed }).toEqual({
      newFindings: [],
      budgetViolations: [supportBotTooManyTools],
      failed: true,
    });
  });

  it('passes when the largest tool set is exactly the budget', () => {
    const report = check({ current: sampleReport, earlier: sampleBaseline, settings: gateSettings({ budgets: { maxLargestToolSet: 23 } }) });
    expect({ budgetViolations: report.budgetViolations, failed: report.failed }).toEqual({ budgetViolations: [], failed: false });
  });

  it('passes a budget the earlier scan already broke as badly', () => {
    const report = check({
      current: sampleReport,
      earlier: sampleBaseline,
      against: againstStoredScan,
      side: { metrics: { largestToolSet: 23, largestPromptTokens: 0, evalCoverage: null, tracedShare: 1 / 3 }, prompts: [] },
      settings: gateSettings({ budgets: { maxLargestToolSet: 15 } }),
    });
    expect({ budgetViolations: report.budgetViolations, failed: report.failed }).toEqual({ budgetViolations: [], failed: false });
  });

  it('fails on a traced share that dropped since the stored scan', () => {
    const report = check({
      current: sampleReport,
      earlier: sampleBaseline,
      against: againstStoredScan,
      side: { metrics: { largestToolSet: 23, largestPromptTokens: 0, evalCoverage: null, tracedShare: 0.5 }, prompts: [] },
      settings: gateSettings({ ratchets: { tracedShare: true } }),
    });
    expect({ budgetViolations: report.budgetViolations, failed: report.failed }).toEqual({
      budgetViolations: [
        {
          id: 'ratchet/traced-share',
          severity: 'error',
          metric: 'tracedShare',
          limit: 0.5,
          before: 0.5,
          after: 1 / 3,
          message: 'The traced share of LLM calls fell from 50% to 33.3%; it may not drop (gate.ratchets.tracedShare).',
        },
      ],
      failed: true,
    });
  });

  it('skips ratchets against a baseline file, which has no metrics', () => {
    const report = check({ current: sampleReport, earlier: sampleBaseline, settings: gateSettings({ ratchets: { tracedShare: true } }) });
    expect({ budgetViolations: report.budgetViolations, failed: report.failed }).toEqual({ budgetViolations: [], failed: false });
  });
});

describe('evaluateGate: frozen', () => {
  const baselineWithFixedEntry = [...sampleBaseline, identityOf(escalateTicket)];
  const fixedEscalation = { ruleId: UNTRACED, file: 'src/support/tickets.ts', fingerprint: escalateTicket.fingerprint };

  it('fails when a frozen baseline still lists a fixed finding', () => {
    const report = check({ current: sampleReport, earlier: baselineWithFixedEntry, frozen: true });
    expect({ newFindings: report.newFindings, fixedFindings: report.fixedFindings, frozen: report.frozen, failed: report.failed }).toEqual({
      newFindings: [],
      fixedFindings: [fixedEscalation],
      frozen: true,
      failed: true,
    });
  });

  it('passes a baseline that lists a fixed finding without frozen', () => {
    const report = check({ current: sampleReport, earlier: baselineWithFixedEntry, frozen: false });
    expect({ fixedFindings: report.fixedFindings, failed: report.failed }).toEqual({ fixedFindings: [fixedEscalation], failed: false });
  });

  it('passes a frozen baseline that lists exactly the current findings', () => {
    expect(check({ current: sampleReport, earlier: sampleBaseline, frozen: true }).failed).toBe(false);
  });

  it('passes frozen against the merge-base even with fixed findings', () => {
    const report = check({ current: sampleReport, earlier: baselineWithFixedEntry, against: againstMergeBase, frozen: true });
    expect({ against: report.against, fixedFindings: report.fixedFindings, failed: report.failed }).toEqual({
      against: againstMergeBase,
      fixedFindings: [fixedEscalation],
      failed: false,
    });
  });
});
