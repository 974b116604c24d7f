import type { GateReport } from '../../model/gate.js';
import { formatGateGithub } from './format-gate-github.js';
import { formatGateGitlab } from './format-gate-gitlab.js';
import { formatGateJson } from './format-gate-json.js';
import { formatGateJunit } from './format-gate-junit.js';
import { formatGateMarkdown } from './format-gate-markdown.js';
import { formatGateSarif } from './format-gate-sarif.js';
import { formatGateText } from './format-gate-text.js';

export type GateFormatName = 'text' | 'json' | 'github' | 'gitlab' | 'markdown' | 'junit' | 'sarif';

/** What a check format renders: the output, and for `github` the Markdown job summary as well. */
export interface GateOutput {
  output: string;
  summary?: string;
}

/** The check's output formats by name; every formatter is pure and returns the whole output. */
export const gateFormats: Record<GateFormatName, (gate: GateReport, options: { color: boolean }) => GateOutput> = {
  text: (gate, options) => ({ output: formatGateText(gate, options) }),
  json: (gate) => ({ output: formatGateJson(gate) }),
  github: (gate) => formatGateGithub(gate),
  gitlab: (gate) => ({ output: formatGateGitlab(gate) }),
  markdown: (gate) => ({ output: formatGateMarkdown(gate) }),
  junit: (gate) => ({ output: formatGateJunit(gate) }),
  sarif: (gate) => ({ output: formatGateSarif(gate) }),
};

/**
 * Renders a check in the named format. For `github`, `summary` is the Markdown job summary, for
 * the caller to append to `$GITHUB_STEP_SUMMARY`; the other formats have none.
 *
 * @param options.color - only the text format uses it; machine formats never contain colour.
 */
export function formatGate(name: GateFormatName, gate: GateReport, options: { color: boolean }): GateOutput {
  return gateFormats[name](gate, options);
}
