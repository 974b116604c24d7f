import { describe, expect, it } from 'vitest';
import type { GateReport } from '../../../src/model/gate.js';
import { formatGateMarkdown } from '../../../src/report/gate/format-gate-markdown.js';
import { sampleReport } from '../sample-report.js';
import { frozenGate, gateWithNewFindings, newFinding, sampleGate } from './sample-gate.js';

/** The new-findings table row of a gate whose only new finding is `message`. */
function rowFor(message: string): string {
  const markdown = formatGateMarkdown(gateWithNewFindings([newFinding({ message })]));
  return markdown.split('\n').find((line) => line.startsWith('| src/agents/support bot.ts:42 |'))!;
}

describe('formatGateMarkdown', () => {
  it('renders the status, what was compared, the new findings, budgets, counts and fixed findings', () => {
    expect(formatGateMarkdown(sampleGate)).toBe(
      [
        '<!-- genai-debt check -->',
        '## ❌ genai-debt check failed: compared with the merge-base of origin/main (abc12345)',
        '',
        '2 new problems (1 error, 1 warning) and 2 broken budgets.',
        '',
        '### New findings (2)',
        '',
        '| Location | Severity | Rule | Message |',
        '| --- | --- | --- | --- |',
        '| src/agents/support bot.ts:7 | warning | [too-many-tools](https://genai-debt.dev/rules/too-many-tools) | Agent passes 23 tools to one model call (limit 15) |',
        '| src/agents/support bot.ts:42 | error | [untraced-llm-call](https://genai-debt.dev/rules/untraced-llm-call) | OpenAI call this.client.chat.completions.create in SupportBot.answer is not traced |',
        '',
        '### Broken budgets (2)',
        '',
        '| Budget | Metric | Before | After | Limit | Message |',
        '| --- | --- | --- | --- | --- | --- |',
        '| ratchet/traced-share | tracedShare | 50% | 33% | 50% | Traced share dropped from 50% to 33%; it may not drop |',
        '| budget/largest-tool-set | largestToolSet | 20 | 23 | 20 | src/agents/support bot.ts:7: Largest tool set has 23 tools; the budget is 20 |',
        '',
        '2 fixed · 1 unchanged',
        '',
        '<details>',
        '<summary>Fixed findings (2)</summary>',
        '',
        '- src/agents/router.ts · missing-eval-suite',
        '- src/rag/search.ts:12 · untraced-llm-call · OpenAI call openai.embeddings.create in embedQuery is not traced',
        '',
        '</details>',
        '',
      ].join('\n'),
    );
  });

  it('passes with a frozen baseline only when fixed entries are removed, and says how', () => {
    expect(formatGateMarkdown(frozenGate).split('\n').slice(0, 8)).toEqual([
      '<!-- genai-debt check -->',
      '## ❌ genai-debt check failed: compared with genai-debt-baseline',
      '',
      'No new debt.',
      '',
      '**2 fixed findings are still listed in the frozen baseline genai-debt-baseline**; remove them with `genai-debt baseline`.',
      '',
      '2 fixed · 3 unchanged',
    ]);
  });

  it('shows a passing check with new warnings below the fail-on level', () => {
    const gate: GateReport = { ...gateWithNewFindings([newFinding({ severity: 'warning' })]), fixedFindings: [], failed: false };
    expect(formatGateMarkdown(gate).split('\n').slice(1, 6)).toEqual([
      '## ✅ genai-debt check passed: compared with the merge-base of origin/main (abc12345)',
      '',
      '1 new problem (0 errors, 1 warning).',
      '',
      'The check passes: nothing new reaches the fail-on level (`error`).',
    ]);
  });

  it('escapes HTML and table pipes in a finding message', () => {
    expect(rowFor('<script>alert(1)</script> a | b')).toBe(
      '| src/agents/support bot.ts:42 | error | [untraced-llm-call](https://genai-debt.dev/rules/untraced-llm-call) | &lt;script&gt;alert(1)&lt;/script&gt; a \\| b |',
    );
  });

  it('escapes backslashes, backticks, ampersands, link and emphasis syntax, and turns newlines into spaces', () => {
    expect(rowFor('a\\b `code` &amp; [x](javascript:alert) *bold* _em_ ~s~ $x$ #1\r\nnext\nlast').split(' | ').at(-1)).toBe(
      'a\\\\b \\`code\\` &amp;amp; \\[x\\](javascript:alert) \\*bold\\* \\_em\\_ \\~s\\~ \\$x\\$ \\#1 next last |',
    );
  });

  it('keeps a quoted decorator from mentioning a user', () => {
    expect(rowFor('Call inside @observe is not traced')).toContain('| Call inside @\u200bobserve is not traced |');
  });

  it('escapes file paths and the compared ref too', () => {
    const gate: GateReport = {
      ...gateWithNewFindings([newFinding({ file: 'src/<img src=x>|.ts' })]),
      against: { kind: 'merge-base', ref: 'feature/<b>x</b>', commit: 'abc12345' },
    };
    const markdown = formatGateMarkdown(gate);
    expect(markdown).toContain('## ❌ genai-debt check failed: compared with the merge-base of feature/&lt;b&gt;x&lt;/b&gt; (abc12345)');
    expect(markdown).toContain('| src/&lt;img src=x&gt;\\|.ts:42 | error |');
  });

  it('links a rule only to an http(s) help page', () => {
    const gate: GateReport = {
      ...gateWithNewFindings([newFinding({}), newFinding({ ruleId: 'retired-rule', line: 50 })]),
      report: {
        ...sampleReport,
        rules: sampleReport.rules.map((rule) => (rule.id === 'untraced-llm-call' ? { ...rule, helpUri: 'javascript:alert(1)' } : rule)),
      },
    };
    const rows = formatGateMarkdown(gate).split('\n').filter((line) => line.startsWith('| src/'));
    expect(rows.map((row) => row.split(' | ')[2])).toEqual(['untraced-llm-call', 'retired-rule']);
  });

  it('leaves out whole rows, new findings first kept, to stay within maxBytes', () => {
    const gate = gateWithNewFindings(
      Array.from({ length: 50 }, (_, i) => newFinding({ line: i + 1, message: `Untraced call number ${i + 1} — é` })),
    );
    const full = formatGateMarkdown(gate);
    const cut = formatGateMarkdown(gate, { maxBytes: 3000 });
    expect(formatGateMarkdown(gate, { maxBytes: Buffer.byteLength(full) })).toBe(full);
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(3000);
    const rows = cut.split('\n').filter((line) => line.startsWith('| src/'));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows).toEqual(full.split('\n').filter((line) => line.startsWith('| src/')).slice(0, rows.length));
    expect(cut).toContain(`\n\n_${50 - rows.length} more rows left out to keep this summary under 3000 bytes._\n`);
    // Once a new finding is left out, so are all fixed ones.
    expect(cut).toContain('<summary>Fixed findings (2)</summary>\n\n_2 more rows left out to keep this summary under 3000 bytes._\n\n</details>');
  });
});
