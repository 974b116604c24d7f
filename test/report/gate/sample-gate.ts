import type { GateReport } from '../../../src/model/gate.js';
import type { Finding } from '../../../src/model/report.js';
import { sampleReport } from '../sample-report.js';

const [oversizedPrompt, untracedCall, tooManyTools] = sampleReport.findings as [Finding, Finding, Finding];

/**
 * A failing check of the sample scan against a merge-base: the untraced call (error) and the
 * tool set (warning) are new, the oversized prompt is unchanged, one finding fixed since the
 * merge-base scan (with message and line) and one known only by fingerprint; one budget broken in
 * a file (error) and one repository-wide ratchet (warning). Lists are deliberately out of order.
 */
export const sampleGate: GateReport = {
  tool: sampleReport.tool,
  against: { kind: 'merge-base', ref: 'origin/main', commit: 'abc12345def67890abc12345def67890abc12345' },
  failOn: 'error',
  frozen: false,
  newFindings: [untracedCall, tooManyTools],
  unchangedFindings: [oversizedPrompt],
  fixedFindings: [
    {
      ruleId: 'untraced-llm-call',
      file: 'src/rag/search.ts',
      fingerprint: '1a2b3c4d5e6f70819203',
      message: 'OpenAI call openai.embeddings.create in embedQuery is not traced',
      line: 12,
      severity: 'error',
    },
    { ruleId: 'missing-eval-suite', file: 'src/agents/router.ts', fingerprint: '2b3c4d5e6f7081920314' },
  ],
  budgetViolations: [
    {
      id: 'ratchet/traced-share',
      severity: 'warning',
      message: 'Traced share dropped from 50% to 33%; it may not drop',
      metric: 'tracedShare',
      before: 0.5,
      after: 1 / 3,
      limit: 0.5,
    },
    {
      id: 'budget/largest-tool-set',
      severity: 'error',
      message: 'Largest tool set has 23 tools; the budget is 20',
      metric: 'largestToolSet',
      before: 20,
      after: 23,
      limit: 20,
      file: 'src/agents/support bot.ts',
      line: 7,
    },
  ],
  failed: true,
  report: sampleReport,
};

/** A passing check against a committed baseline: nothing new, two entries fixed, three unchanged. */
export const baselineGate: GateReport = {
  ...sampleGate,
  against: { kind: 'baseline', file: 'genai-debt-baseline' },
  newFindings: [],
  unchangedFindings: [oversizedPrompt, untracedCall, tooManyTools],
  budgetViolations: [],
  failed: false,
};

/** The same check with `--frozen`: the two fixed entries still in the baseline fail it. */
export const frozenGate: GateReport = { ...baselineGate, frozen: true, failed: true };

/** A new finding like the sample's untraced call, with the given changes. */
export function newFinding(changes: Partial<Finding>): Finding {
  return { ...untracedCall, ...changes };
}

/** `sampleGate` with `findings` as its only new findings and no budgets. */
export function gateWithNewFindings(findings: Finding[]): GateReport {
  return { ...sampleGate, newFindings: findings, budgetViolations: [] };
}
