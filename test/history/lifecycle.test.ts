import { describe, expect, it } from 'vitest';
import { anchorFingerprint, contentFingerprint, fingerprint } from '../../src/findings/fingerprint.js';
import { compareFindings, type FindingIdentity } from '../../src/findings/lifecycle.js';

const UNTRACED = 'no-untraced-llm-call';

interface StoredFinding extends FindingIdentity {
  line: number;
}

/** A finding with the identities the rules give it: `anchor` is `<enclosing function>|<api>`. */
function untracedCall(
  file: string,
  enclosing: string,
  line: number,
  occurrence = 0,
  api = 'openai.chat.completions.create',
  content?: { textHash: string; occurrence: number },
): StoredFinding {
  const anchor = `${enclosing}|${api}`;
  return {
    ruleId: UNTRACED,
    file,
    line,
    fingerprint: fingerprint(UNTRACED, file, anchor, occurrence),
    ...(content ? { contentFingerprint: contentFingerprint(UNTRACED, file, anchor, content.textHash, content.occurrence) } : {}),
    anchorFingerprint: anchorFingerprint(UNTRACED, anchor, occurrence),
  };
}

describe('compareFindings', () => {
  it('matches a finding by its fingerprint even when its line moved', () => {
    const before = untracedCall('src/answer.ts', 'answerTicket', 6);
    const after = untracedCall('src/answer.ts', 'answerTicket', 14);
    expect(compareFindings([before], [after])).toEqual({ unchanged: [{ previous: before, current: after }], added: [], fixed: [] });
  });

  it('matches a finding of a file git saw renamed through the renames map', () => {
    const before = untracedCall('src/tickets.ts', 'answerTicket', 6);
    const after = untracedCall('src/support/tickets.ts', 'answerTicket', 6);
    expect(after.fingerprint).not.toBe(before.fingerprint);
    expect(compareFindings([before], [after], new Map([['src/tickets.ts', 'src/support/tickets.ts']]))).toEqual({
      unchanged: [{ previous: before, current: after }],
      added: [],
      fixed: [],
    });
  });

  it('pairs the renamed file through the renames map before pairing anchors anywhere', () => {
    // Two copies of answerTicket leave their files. Matched by anchor alone, the first current
    // finding would take the first previous one (the legacy copy); the renames map says otherwise.
    const legacyBefore = untracedCall('src/legacy/tickets.ts', 'answerTicket', 6);
    const renamedBefore = untracedCall('src/tickets.ts', 'answerTicket', 6);
    const renamedAfter = untracedCall('src/support/tickets.ts', 'answerTicket', 6);
    const legacyAfter = untracedCall('src/shared/tickets.ts', 'answerTicket', 6);
    const renames = new Map([['src/tickets.ts', 'src/support/tickets.ts']]);
    expect(compareFindings([legacyBefore, renamedBefore], [renamedAfter, legacyAfter], renames)).toEqual({
      unchanged: [
        { previous: renamedBefore, current: renamedAfter },
        { previous: legacyBefore, current: legacyAfter },
      ],
      added: [],
      fixed: [],
    });
    expect(compareFindings([legacyBefore, renamedBefore], [renamedAfter, legacyAfter]).unchanged).toEqual([
      { previous: legacyBefore, current: renamedAfter },
      { previous: renamedBefore, current: legacyAfter },
    ]);
  });

  it('matches a function moved to another file by its anchor fingerprint, without a rename', () => {
    const before = untracedCall('src/summarize.ts', 'triageTicket', 10);
    const after = untracedCall('src/triage.ts', 'triageTicket', 6);
    expect(compareFindings([before], [after], new Map())).toEqual({ unchanged: [{ previous: before, current: after }], added: [], fixed: [] });
  });

  it('matches a moved function when no renames map is given at all', () => {
    const before = untracedCall('src/summarize.ts', 'triageTicket', 10);
    const kept = untracedCall('src/summarize.ts', 'summarizeThread', 6);
    const moved = untracedCall('src/triage.ts', 'triageTicket', 6);
    expect(compareFindings([kept, before], [kept, moved])).toEqual({
      unchanged: [
        { previous: kept, current: kept },
        { previous: before, current: moved },
      ],
      added: [],
      fixed: [],
    });
  });

  it('adds the second identical call in a function, keeping the first one unchanged', () => {
    const first = untracedCall('src/answer.ts', 'answerTicket', 6, 0);
    const second = untracedCall('src/answer.ts', 'answerTicket', 9, 1);
    expect(compareFindings([first], [first, second])).toEqual({ unchanged: [{ previous: first, current: first }], added: [second], fixed: [] });
  });

  it('reports one added and one fixed when a call of the same rule in the same file is fixed and another added', () => {
    const fixedCall = untracedCall('src/answer.ts', 'answerTicket', 6);
    const kept = untracedCall('src/answer.ts', 'draftReply', 12);
    const addedCall = untracedCall('src/answer.ts', 'escalateTicket', 6, 0, 'openai.responses.create');
    expect(compareFindings([fixedCall, kept], [addedCall, kept])).toEqual({
      unchanged: [{ previous: kept, current: kept }],
      added: [addedCall],
      fixed: [fixedCall],
    });
  });

  it('reports the added call when one of two like calls in a function is fixed and another added after it', () => {
    // Before: calls A (occurrence 0) and B (1) in answerTicket. After: A traced, C added below B,
    // so B is now occurrence 0 and C occurrence 1: without content both would match the old ones.
    const a = untracedCall('src/answer.ts', 'answerTicket', 6, 0, undefined, { textHash: 'aaaa', occurrence: 0 });
    const b = untracedCall('src/answer.ts', 'answerTicket', 9, 1, undefined, { textHash: 'bbbb', occurrence: 0 });
    const bAfter = untracedCall('src/answer.ts', 'answerTicket', 9, 0, undefined, { textHash: 'bbbb', occurrence: 0 });
    const c = untracedCall('src/answer.ts', 'answerTicket', 12, 1, undefined, { textHash: 'cccc', occurrence: 0 });
    expect(compareFindings([a, b], [bAfter, c])).toEqual({ unchanged: [{ previous: b, current: bAfter }], added: [c], fixed: [a] });
  });

  it('still matches an edited call by its anchor when its content changed and nothing else moved', () => {
    const before = untracedCall('src/answer.ts', 'answerTicket', 6, 0, undefined, { textHash: 'old-model', occurrence: 0 });
    const after = untracedCall('src/answer.ts', 'answerTicket', 6, 0, undefined, { textHash: 'new-model', occurrence: 0 });
    expect(compareFindings([before], [after])).toEqual({ unchanged: [{ previous: before, current: after }], added: [], fixed: [] });
  });

  it('never matches by line: a different call on the same line is added and the old one fixed', () => {
    const before = untracedCall('src/answer.ts', 'answerTicket', 6);
    const after = untracedCall('src/answer.ts', 'answerTicket', 6, 0, 'openai.embeddings.create');
    expect(compareFindings([before], [after])).toEqual({ unchanged: [], added: [after], fixed: [before] });
  });

  it('matches each previous finding at most once when two current findings share its anchor', () => {
    const before = untracedCall('src/answer.ts', 'answerTicket', 6);
    const copyA = untracedCall('src/support/answer.ts', 'answerTicket', 6);
    const copyB = untracedCall('src/billing/answer.ts', 'answerTicket', 6);
    // Neither copy has the old path: the anchor pass pairs the first one, the second is added.
    expect(compareFindings([before], [copyA, copyB])).toEqual({ unchanged: [{ previous: before, current: copyA }], added: [copyB], fixed: [] });
  });

  it('treats everything as added against an empty previous scan, and everything as fixed against an empty current one', () => {
    const finding = untracedCall('src/answer.ts', 'answerTicket', 6);
    expect(compareFindings([], [finding])).toEqual({ unchanged: [], added: [finding], fixed: [] });
    expect(compareFindings([finding], [])).toEqual({ unchanged: [], added: [], fixed: [finding] });
  });
});
