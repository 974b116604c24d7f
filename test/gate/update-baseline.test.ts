import { describe, expect, it } from 'vitest';
import { updateBaseline } from '../../src/gate/update-baseline.js';
import { identityOf, UNTRACED, untracedCall } from './gate-findings.js';

const answerTicket = untracedCall('src/support/tickets.ts', 'answerTicket', 12);
const escalateTicket = untracedCall('src/support/tickets.ts', 'escalateTicket', 30);
const summarizeThread = untracedCall('src/support/summary.ts', 'summarizeThread', 8);

describe('updateBaseline', () => {
  it('lists every current finding when there is no old baseline', () => {
    expect(updateBaseline(undefined, [answerTicket, escalateTicket], false)).toEqual({
      entries: [identityOf(answerTicket), identityOf(escalateTicket)],
      added: [answerTicket, escalateTicket],
      leftOut: [],
      removed: [],
    });
  });

  it('writes an empty baseline for a first run without findings', () => {
    expect(updateBaseline(undefined, [], false)).toEqual({ entries: [], added: [], leftOut: [], removed: [] });
  });

  it('removes the entry of a fixed finding and reports it as removed', () => {
    const movedAnswer = untracedCall('src/support/tickets.ts', 'answerTicket', 19);
    expect(updateBaseline([identityOf(answerTicket), identityOf(escalateTicket)], [movedAnswer], false)).toEqual({
      entries: [identityOf(answerTicket)],
      added: [],
      leftOut: [],
      removed: [identityOf(escalateTicket)],
    });
  });

  it('empties the baseline when every listed finding is fixed', () => {
    expect(updateBaseline([identityOf(answerTicket), identityOf(escalateTicket)], [], false)).toEqual({
      entries: [],
      added: [],
      leftOut: [],
      removed: [identityOf(answerTicket), identityOf(escalateTicket)],
    });
  });

  it('leaves a new finding out of the baseline and reports it in leftOut', () => {
    expect(updateBaseline([identityOf(answerTicket)], [answerTicket, summarizeThread], false)).toEqual({
      entries: [identityOf(answerTicket)],
      added: [],
      leftOut: [summarizeThread],
      removed: [],
    });
  });

  it('adds a new finding with force and still removes fixed ones', () => {
    expect(updateBaseline([identityOf(answerTicket), identityOf(escalateTicket)], [answerTicket, summarizeThread], true)).toEqual({
      entries: [identityOf(answerTicket), identityOf(summarizeThread)],
      added: [summarizeThread],
      leftOut: [],
      removed: [identityOf(escalateTicket)],
    });
  });

  it('moves the entry of a renamed file to the new path through the anchor fingerprint', () => {
    const beforeRename = untracedCall('src/tickets.ts', 'answerTicket', 12);
    const afterRename = untracedCall('src/support/tickets.ts', 'answerTicket', 12);
    expect(afterRename.fingerprint).not.toBe(beforeRename.fingerprint);
    expect(afterRename.contentFingerprint).not.toBe(beforeRename.contentFingerprint);
    expect(updateBaseline([identityOf(beforeRename)], [afterRename], false)).toEqual({
      entries: [
        {
          file: 'src/support/tickets.ts',
          ruleId: UNTRACED,
          fingerprint: afterRename.fingerprint,
          contentFingerprint: afterRename.contentFingerprint,
          anchorFingerprint: beforeRename.anchorFingerprint,
        },
      ],
      added: [],
      leftOut: [],
      removed: [],
    });
  });

  it('keeps an entry whose call changed under the current content fingerprint', () => {
    const before = untracedCall('src/support/tickets.ts', 'answerTicket', 12, { textHash: '5c1e9a0f3b7d2468' });
    const reworded = untracedCall('src/support/tickets.ts', 'answerTicket', 12, { textHash: '9d04b7e1a2c3f586' });
    expect(reworded.contentFingerprint).not.toBe(before.contentFingerprint);
    expect(updateBaseline([identityOf(before)], [reworded], false).entries).toEqual([
      {
        file: 'src/support/tickets.ts',
        ruleId: UNTRACED,
        fingerprint: before.fingerprint,
        contentFingerprint: reworded.contentFingerprint,
        anchorFingerprint: before.anchorFingerprint,
      },
    ]);
  });

  it('counts a second identical finding with the same anchor (occurrence 1) as new', () => {
    const secondAnswer = untracedCall('src/support/tickets.ts', 'answerTicket', 18, { occurrence: 1 });
    expect(updateBaseline([identityOf(answerTicket)], [answerTicket, secondAnswer], false)).toEqual({
      entries: [identityOf(answerTicket)],
      added: [],
      leftOut: [secondAnswer],
      removed: [],
    });
  });

  it('adds a second identical finding with the same anchor with force', () => {
    const secondAnswer = untracedCall('src/support/tickets.ts', 'answerTicket', 18, { occurrence: 1 });
    expect(updateBaseline([identityOf(answerTicket)], [answerTicket, secondAnswer], true)).toEqual({
      entries: [identityOf(answerTicket), identityOf(secondAnswer)],
      added: [secondAnswer],
      leftOut: [],
      removed: [],
    });
  });

  it('returns copies, so the caller can sort the findings it reports without touching its input', () => {
    const findings = [answerTicket, escalateTicket];
    const update = updateBaseline(undefined, findings, false);
    expect(update.added).not.toBe(findings);
    update.added.reverse();
    expect(findings).toEqual([answerTicket, escalateTicket]);
  });
});
