import { anchorFingerprint, contentFingerprint, fingerprint } from '../../src/findings/fingerprint.js';
import type { BaselineEntry } from '../../src/gate/baseline-file.js';
import type { Finding, Severity } from '../../src/model/report.js';

export const UNTRACED = 'no-untraced-llm-call';
const CREATE = 'openai.chat.completions.create';

interface CallDetails {
  /** Index among the findings with the same anchor in the file, as the rule runner counts them. */
  occurrence?: number;
  /** The call's token hash, the rule's content discriminator. */
  textHash?: string;
  severity?: Severity;
}

/**
 * An untraced-call finding with the identities the rule runner gives it: the anchor is
 * `<enclosing function>|<api>` and the content is the call's token hash.
 */
export function untracedCall(file: string, enclosing: string, line: number, details: CallDetails = {}): Finding {
  const { occurrence = 0, textHash = '5c1e9a0f3b7d2468', severity = 'warning' } = details;
  const anchor = `${enclosing}|${CREATE}`;
  return {
    ruleId: UNTRACED,
    category: 'tracing',
    severity,
    message: `Untraced LLM call ${CREATE} in ${enclosing}. Wrap the client (e.g. wrapOpenAI, observeOpenAI), run it inside a traced function, or enable telemetry.`,
    file,
    line,
    column: 10,
    fingerprint: fingerprint(UNTRACED, file, anchor, occurrence),
    contentFingerprint: contentFingerprint(UNTRACED, file, anchor, textHash, occurrence),
    anchorFingerprint: anchorFingerprint(UNTRACED, anchor, occurrence),
    effortMinutes: 15,
  };
}

/** The five identity fields of a finding, picked by hand (independently of `baselineEntryOf`). */
export function identityOf(finding: Finding): BaselineEntry {
  return {
    file: finding.file,
    ruleId: finding.ruleId,
    fingerprint: finding.fingerprint,
    contentFingerprint: finding.contentFingerprint,
    anchorFingerprint: finding.anchorFingerprint,
  };
}
