import { describe, expect, it } from 'vitest';
import type { ScanReport } from '../../src/model/report.js';
import { formatText } from '../../src/report/format-text.js';
import { sampleReport } from './sample-report.js';

const ANSI = /\u001b\[/;

const emptyReport: ScanReport = {
  ...sampleReport,
  inventory: { llmCalls: [], tracingSetups: [] },
  findings: [],
  diagnostics: [],
  metrics: {
    ...sampleReport.metrics,
    llmCalls: 0,
    tracedCalls: 0,
    untracedCalls: 0,
    unknownTracingCalls: 0,
    tracedShare: null,
    findings: { error: 0, warning: 0 },
    findingsByCategory: { tracing: 0, 'tool-sprawl': 0, prompts: 0, evals: 0, hygiene: 0 },
    debtMinutes: 0,
  },
};

describe('formatText', () => {
  it('renders findings by file, diagnostics and the summary', () => {
    expect(formatText(sampleReport, { color: false })).toBe(
      [
        'src/agents/support bot.ts',
        '   7:3   warning  Agent passes 23 tools to one model call (limit 15)                                  too-many-tools',
        '  42:18  error    OpenAI call this.client.chat.completions.create in SupportBot.answer is not traced  untraced-llm-call',
        '',
        'src/prompts/support.ts',
        '  3:14  warning  System prompt "SUPPORT_PROMPT" is 6120 tokens (limit 4000) and inlines <script> markup  oversized-prompt',
        '',
        'Diagnostics (2)',
        '  info     Config suppression for rule missing-eval-suite matched nothing  unused-suppression',
        "  warning  src/legacy/old-agent.js:88: Unexpected token ')'; file skipped  parse-error",
        '',
        '✖ 3 problems (1 error, 2 warnings)',
        'LLM calls: 3 (traced 1, untraced 1, unknown 1) · tools 1 (largest set 23) · traced share 33% · debt 3h 30m · 6 files scanned',
        '',
      ].join('\n'),
    );
  });

  it('says so when there is no debt', () => {
    expect(formatText(emptyReport, { color: false })).toBe(
      ['✔ No GenAI debt found', 'LLM calls: 0 · tools 1 (largest set 23) · traced share n/a · debt 0m · 6 files scanned', ''].join('\n'),
    );
  });

  it('does not depend on the order of findings in the report', () => {
    const shuffled = { ...sampleReport, findings: [...sampleReport.findings].reverse() };
    expect(formatText(shuffled, { color: false })).toBe(formatText(sampleReport, { color: false }));
  });

  it('emits ANSI codes only when colour is on', () => {
    expect(formatText(sampleReport, { color: false })).not.toMatch(ANSI);
    expect(formatText(emptyReport, { color: false })).not.toMatch(ANSI);
    expect(formatText(sampleReport, { color: true })).toMatch(ANSI);
  });

  it('keeps the layout when colour is on', () => {
    const stripped = formatText(sampleReport, { color: true }).replace(/\u001b\[\d+m/g, '');
    expect(stripped).toBe(formatText(sampleReport, { color: false }));
  });

  it('neutralises control characters from scanned code in messages and paths', () => {
    const [first] = sampleReport.findings;
    const report: ScanReport = {
      ...sampleReport,
      findings: [{ ...first!, file: 'src/evil\u001b[31m.ts', message: 'line one\nline two \u001b[2J done' }],
      diagnostics: [],
    };
    const text = formatText(report, { color: false });
    expect(text).not.toMatch(ANSI);
    expect(text).toContain('src/evil\\u001b[31m.ts\n');
    expect(text).toContain('line one line two \\u001b[2J done');
  });

  it('formats debt durations and pluralises counts', () => {
    const [first] = sampleReport.findings;
    const report: ScanReport = {
      ...emptyReport,
      findings: [{ ...first!, severity: 'warning' }],
      metrics: { ...emptyReport.metrics, filesScanned: 1, debtMinutes: 120, embeddingCalls: 2 },
    };
    const lines = formatText(report, { color: false }).trimEnd().split('\n');
    expect(lines.slice(-2)).toEqual([
      '✖ 1 problem (0 errors, 1 warning)',
      'LLM calls: 0 · embedding calls 2 · tools 1 (largest set 23) · traced share n/a · debt 2h · 1 file scanned',
    ]);
  });
});
