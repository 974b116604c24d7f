import { describe, expect, it } from 'vitest';
import type { GateReport } from '../../../src/model/gate.js';
import type { Finding } from '../../../src/model/report.js';
import { formatGateGithub } from '../../../src/report/gate/format-gate-github.js';
import { formatGateMarkdown } from '../../../src/report/gate/format-gate-markdown.js';
import { gateWithNewFindings, newFinding, sampleGate } from './sample-gate.js';

function findings(count: number, severity: Finding['severity']): Finding[] {
  return Array.from({ length: count }, (_, i) =>
    newFinding({ severity, file: `src/${severity}s.ts`, line: i + 1, column: 1, message: `Problem ${i + 1}`, fingerprint: `${severity}-${i}` }),
  );
}

describe('formatGateGithub', () => {
  it('annotates new findings and broken budgets, then prints the summary line', () => {
    expect(formatGateGithub(sampleGate).output).toBe(
      [
        '::warning file=src/agents/support bot.ts,line=7,col=3,title=too-many-tools::Agent passes 23 tools to one model call (limit 15)',
        '::error file=src/agents/support bot.ts,line=42,col=18,title=untraced-llm-call::OpenAI call this.client.chat.completions.create in SupportBot.answer is not traced',
        '::warning title=ratchet/traced-share::Traced share dropped from 50%25 to 33%25; it may not drop',
        '::error file=src/agents/support bot.ts,line=7,title=budget/largest-tool-set::Largest tool set has 23 tools; the budget is 20',
        'genai-debt: ✖ 2 new problems (1 error, 1 warning) and 2 broken budgets compared with the merge-base of origin/main (abc12345); 2 fixed, 1 unchanged',
        '',
      ].join('\n'),
    );
  });

  it('escapes % CR LF in messages and also : and , in property values, as the runner toolkit does', () => {
    const gate = gateWithNewFindings([
      newFinding({ file: 'src/a,b:c.ts', line: 3, column: 5, ruleId: 'no-x:y,z', message: '100%\nnext\r\nlast' }),
    ]);
    expect(formatGateGithub(gate).output.split('\n')[0]).toBe(
      '::error file=src/a%2Cb%3Ac.ts,line=3,col=5,title=no-x%3Ay%2Cz::100%25%0Anext%0D%0Alast',
    );
  });

  it('annotates at most 10 errors and 10 warnings and counts the rest in one notice', () => {
    const lines = formatGateGithub(gateWithNewFindings([...findings(15, 'error'), ...findings(12, 'warning')])).output.trimEnd().split('\n');
    expect(lines.filter((line) => line.startsWith('::error '))).toHaveLength(10);
    expect(lines.filter((line) => line.startsWith('::warning '))).toHaveLength(10);
    expect(lines.slice(-2)).toEqual([
      '::notice::7 more new problems are not annotated (5 errors, 2 warnings); see the job summary',
      'genai-debt: ✖ 27 new problems (15 errors, 12 warnings) compared with the merge-base of origin/main (abc12345); 2 fixed, 1 unchanged',
    ]);
    // The first ten of each level in report order, not an arbitrary ten.
    expect(lines.find((line) => line.includes('line=10,'))).toBe('::error file=src/errors.ts,line=10,col=1,title=untraced-llm-call::Problem 10');
    expect(lines.some((line) => line.includes('errors.ts,line=11,'))).toBe(false);
  });

  it('gives the Markdown report as the job summary', () => {
    expect(formatGateGithub(sampleGate).summary).toBe(formatGateMarkdown(sampleGate));
  });

  it('keeps the job summary under 1,000,000 bytes for a huge check and says how many rows were left out', () => {
    // 20,000 findings with long messages of multi-byte characters: about 6 MB uncut.
    const longMessage = 'Untraced call to the model — réponse non tracée 🚀 '.repeat(6);
    const huge: GateReport = gateWithNewFindings(
      Array.from({ length: 20_000 }, (_, i) =>
        newFinding({ file: `src/generated/agent-${String(i).padStart(5, '0')}.ts`, line: 1, column: 1, message: longMessage, fingerprint: `f${i}` }),
      ),
    );
    const { summary } = formatGateGithub(huge);
    const bytes = Buffer.byteLength(summary, 'utf8');
    expect(bytes).toBeLessThanOrEqual(1_000_000);
    expect(bytes).toBeGreaterThan(990_000);

    const rows = summary.split('\n').filter((line) => line.startsWith('| src/generated/'));
    expect(rows.every((row) => row.endsWith(` | ${longMessage} |`))).toBe(true);
    const note = summary.split('\n').find((line) => line.includes('left out'));
    expect(note).toBe(`_${20_000 - rows.length} more rows left out to keep this summary under 1000000 bytes._`);
    // What follows the table is still there.
    expect(summary).toContain('2 fixed · 1 unchanged');
    expect(summary.trimEnd().endsWith('</details>')).toBe(true);
  });
});
