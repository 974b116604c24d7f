import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { GateReport } from '../../../src/model/gate.js';
import { formatGateGitlab } from '../../../src/report/gate/format-gate-gitlab.js';
import { newFinding, sampleGate } from './sample-gate.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('formatGateGitlab', () => {
  it('gives every entry exactly the required fields, an allowed severity and a line of at least 1', () => {
    const issues = JSON.parse(formatGateGitlab(sampleGate)) as any[];
    for (const issue of issues) {
      expect(Object.keys(issue).sort()).toEqual(['check_name', 'description', 'fingerprint', 'location', 'severity']);
      expect(Object.keys(issue.location).sort()).toEqual(['lines', 'path']);
      expect(Object.keys(issue.location.lines)).toEqual(['begin']);
      expect(['info', 'minor', 'major', 'critical', 'blocker']).toContain(issue.severity);
      expect(issue.location.lines.begin).toBeGreaterThanOrEqual(1);
      expect(typeof issue.description).toBe('string');
    }
    expect(new Set(issues.map((issue) => issue.fingerprint)).size).toBe(issues.length);
  });

  it('lists new and unchanged findings and broken budgets, so GitLab can compare branches itself', () => {
    expect(JSON.parse(formatGateGitlab(sampleGate))).toEqual([
      {
        description: 'Agent passes 23 tools to one model call (limit 15)',
        check_name: 'too-many-tools',
        fingerprint: 'a1b2c3d4e5f60718',
        severity: 'major',
        location: { path: 'src/agents/support bot.ts', lines: { begin: 7 } },
      },
      {
        description: 'OpenAI call this.client.chat.completions.create in SupportBot.answer is not traced',
        check_name: 'untraced-llm-call',
        fingerprint: '0c1d2e3f4a5b6c7d',
        severity: 'critical',
        location: { path: 'src/agents/support bot.ts', lines: { begin: 42 } },
      },
      {
        description: 'System prompt "SUPPORT_PROMPT" is 6120 tokens (limit 4000) and inlines <script> markup',
        check_name: 'oversized-prompt',
        fingerprint: '9f2c4e7a1b3d5f60',
        severity: 'major',
        location: { path: 'src/prompts/support.ts', lines: { begin: 3 } },
      },
      {
        description: 'Traced share dropped from 50% to 33%; it may not drop',
        check_name: 'ratchet/traced-share',
        fingerprint: sha256('ratchet/traced-share\0'),
        severity: 'major',
        location: { path: 'genai-debt.config.yaml', lines: { begin: 1 } },
      },
      {
        description: 'Largest tool set has 23 tools; the budget is 20',
        check_name: 'budget/largest-tool-set',
        fingerprint: sha256('budget/largest-tool-set\0src/agents/support bot.ts'),
        severity: 'critical',
        location: { path: 'src/agents/support bot.ts', lines: { begin: 7 } },
      },
    ]);
  });

  it('keeps budget fingerprints unique when one budget breaks twice in a file, and stable when numbers change', () => {
    const promptGrowth = {
      id: 'ratchet/prompt-growth',
      severity: 'warning' as const,
      metric: 'promptTokens',
      before: 1000,
      limit: 1100,
      file: 'src/prompts/support.ts',
    };
    const gate = (after: number): GateReport => ({
      ...sampleGate,
      newFindings: [],
      unchangedFindings: [],
      budgetViolations: [
        { ...promptGrowth, after, line: 3, message: `SUPPORT_PROMPT grew to ${after} tokens` },
        { ...promptGrowth, after: 1500, line: 30, message: 'ESCALATION_PROMPT grew to 1500 tokens' },
      ],
    });
    const fingerprints = (JSON.parse(formatGateGitlab(gate(1200))) as any[]).map((issue) => issue.fingerprint);
    expect(new Set(fingerprints).size).toBe(2);
    expect(fingerprints[0]).toBe(sha256('ratchet/prompt-growth\0src/prompts/support.ts'));
    expect((JSON.parse(formatGateGitlab(gate(1300))) as any[]).map((issue) => issue.fingerprint)).toEqual(fingerprints);
  });

  it('raises a line of 0 to 1 and writes posix paths', () => {
    const gate: GateReport = { ...sampleGate, newFindings: [newFinding({ file: '.\\src\\win.ts', line: 0 })], unchangedFindings: [], budgetViolations: [] };
    const [issue] = JSON.parse(formatGateGitlab(gate)) as any[];
    expect(issue.location).toEqual({ path: 'src/win.ts', lines: { begin: 1 } });
  });
});
