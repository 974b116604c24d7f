import { describe, expect, it } from 'vitest';
import type { GateReport } from '../../../src/model/gate.js';
import { formatGateText } from '../../../src/report/gate/format-gate-text.js';
import { sampleReport } from '../sample-report.js';
import { baselineGate, frozenGate, newFinding, sampleGate } from './sample-gate.js';

const ANSI = /\u001b\[/;

const withoutDiagnostics = (gate: GateReport): GateReport => ({ ...gate, report: { ...gate.report, diagnostics: [] } });

describe('formatGateText', () => {
  it('renders new findings by file, broken budgets, diagnostics and the summary', () => {
    expect(formatGateText(sampleGate, { color: false })).toBe(
      [
        'src/agents/support bot.ts',
        '   7:3   warning  Agent passes 23 tools to one model call (limit 15)                                  too-many-tools',
        '  42:18  error    OpenAI call this.client.chat.completions.create in SupportBot.answer is not traced  untraced-llm-call',
        '',
        'Broken budgets (2)',
        '  warning  Traced share dropped from 50% to 33%; it may not drop                         50% → 33% (limit 50%)  ratchet/traced-share',
        '  error    src/agents/support bot.ts:7: Largest tool set has 23 tools; the budget is 20  20 → 23 (limit 20)     budget/largest-tool-set',
        '',
        'Diagnostics (2)',
        '  info     Config suppression for rule missing-eval-suite matched nothing  unused-suppression',
        "  warning  src/legacy/old-agent.js:88: Unexpected token ')'; file skipped  parse-error",
        '',
        '✖ 2 new problems (1 error, 1 warning) and 2 broken budgets compared with the merge-base of origin/main (abc12345); 2 fixed, 1 unchanged',
        '',
      ].join('\n'),
    );
  });

  it('says there is no new debt against a baseline', () => {
    expect(formatGateText(withoutDiagnostics(baselineGate), { color: false })).toBe(
      '✔ No new debt compared with genai-debt-baseline; 2 fixed, 3 unchanged\n',
    );
  });

  it('says fixed entries of a frozen baseline must be removed with genai-debt baseline', () => {
    expect(formatGateText(withoutDiagnostics(frozenGate), { color: false })).toBe(
      [
        '✔ No new debt compared with genai-debt-baseline; 2 fixed, 3 unchanged',
        '✖ 2 fixed findings are still listed in the frozen baseline genai-debt-baseline; remove them with `genai-debt baseline`',
        '',
      ].join('\n'),
    );
  });

  it('explains why a new warning below the fail-on level passes the check', () => {
    const gate: GateReport = withoutDiagnostics({
      ...sampleGate,
      newFindings: [newFinding({ severity: 'warning', line: 9, column: 1, message: 'Untraced call' })],
      budgetViolations: [],
      fixedFindings: [],
      failed: false,
    });
    expect(formatGateText(gate, { color: false })).toBe(
      [
        'src/agents/support bot.ts',
        '  9:1  warning  Untraced call  untraced-llm-call',
        '',
        '✖ 1 new problem (0 errors, 1 warning) compared with the merge-base of origin/main (abc12345); 0 fixed, 1 unchanged',
        'The check passes: nothing new reaches the fail-on level (error).',
        '',
      ].join('\n'),
    );
  });

  it('names a stored scan by branch, repository, scan id and commit', () => {
    const gate: GateReport = withoutDiagnostics({
      ...baselineGate,
      against: { kind: 'stored-scan', repository: 'acme/support', branch: 'main', scanId: 12, commit: '0123456789abcdef', at: '2025-11-19T10:00:00.000Z' },
    });
    expect(formatGateText(gate, { color: false })).toBe(
      '✔ No new debt compared with the last stored scan of main in acme/support (scan 12, 01234567); 2 fixed, 3 unchanged\n',
    );
  });

  it('does not depend on the order of new findings and budgets in the gate', () => {
    const shuffled: GateReport = {
      ...sampleGate,
      newFindings: [...sampleGate.newFindings].reverse(),
      budgetViolations: [...sampleGate.budgetViolations].reverse(),
    };
    expect(formatGateText(shuffled, { color: false })).toBe(formatGateText(sampleGate, { color: false }));
  });

  it('emits ANSI codes only when colour is on, and keeps the layout', () => {
    expect(formatGateText(sampleGate, { color: false })).not.toMatch(ANSI);
    const coloured = formatGateText(sampleGate, { color: true });
    expect(coloured).toMatch(ANSI);
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(formatGateText(sampleGate, { color: false }));
  });

  it('neutralises control characters from budgets and the compared ref', () => {
    const gate: GateReport = {
      ...sampleGate,
      against: { kind: 'merge-base', ref: 'evil\n\u001b[2J', commit: 'abc12345' },
      newFindings: [],
      budgetViolations: [{ ...sampleGate.budgetViolations[1]!, message: 'grew\nby 3 \u001b[31m' }],
      report: { ...sampleReport, diagnostics: [] },
    };
    const text = formatGateText(gate, { color: false });
    expect(text).not.toMatch(ANSI);
    expect(text).toContain('src/agents/support bot.ts:7: grew by 3 \\u001b[31m');
    expect(text).toContain('compared with the merge-base of evil \\u001b[2J (abc12345)');
  });
});
