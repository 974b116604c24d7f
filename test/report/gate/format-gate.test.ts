import { describe, expect, it } from 'vitest';
import { formatGateGithub } from '../../../src/report/gate/format-gate-github.js';
import { formatGateGitlab } from '../../../src/report/gate/format-gate-gitlab.js';
import { formatGateJson } from '../../../src/report/gate/format-gate-json.js';
import { formatGateJunit } from '../../../src/report/gate/format-gate-junit.js';
import { formatGateMarkdown } from '../../../src/report/gate/format-gate-markdown.js';
import { formatGateSarif } from '../../../src/report/gate/format-gate-sarif.js';
import { formatGateText } from '../../../src/report/gate/format-gate-text.js';
import { formatGate, gateFormats } from '../../../src/report/gate/index.js';
import { sampleGate } from './sample-gate.js';

const ANSI = /\u001b\[/;

describe('formatGate', () => {
  it('dispatches to the named format, with a job summary only for github', () => {
    expect(Object.keys(gateFormats).sort()).toEqual(['github', 'gitlab', 'json', 'junit', 'markdown', 'sarif', 'text']);
    const color = { color: true };
    expect(formatGate('text', sampleGate, color)).toEqual({ output: formatGateText(sampleGate, color) });
    expect(formatGate('json', sampleGate, color)).toEqual({ output: formatGateJson(sampleGate) });
    expect(formatGate('github', sampleGate, color)).toEqual(formatGateGithub(sampleGate));
    expect(formatGate('github', sampleGate, color).summary).toBe(formatGateMarkdown(sampleGate));
    expect(formatGate('gitlab', sampleGate, color)).toEqual({ output: formatGateGitlab(sampleGate) });
    expect(formatGate('markdown', sampleGate, color)).toEqual({ output: formatGateMarkdown(sampleGate) });
    expect(formatGate('junit', sampleGate, color)).toEqual({ output: formatGateJunit(sampleGate) });
    expect(formatGate('sarif', sampleGate, color)).toEqual({ output: formatGateSarif(sampleGate) });
  });

  it('never puts colour in a machine format', () => {
    for (const name of ['json', 'github', 'gitlab', 'markdown', 'junit', 'sarif'] as const) {
      const { output, summary } = formatGate(name, sampleGate, { color: true });
      expect(output, name).not.toMatch(ANSI);
      expect(summary ?? '', name).not.toMatch(ANSI);
    }
  });
});
