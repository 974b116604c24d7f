/** What lifecycle matching needs of a finding. */
export interface FindingIdentity {
  ruleId: string;
  file: string;
  fingerprint: string;
  /** Missing on findings stored before it existed. */
  contentFingerprint?: string;
  anchorFingerprint: string;
}

export interface FindingChanges<Previous, Current> {
  /** Pairs of the same finding in both scans (possibly moved or renamed). */
  unchanged: { previous: Previous; current: Current }[];
  /** In the current scan only. */
  added: Current[];
  /** In the previous scan only. */
  fixed: Previous[];
}

/**
 * Matches the findings of two consecutive scans: first by fingerprint with content (a call's
 * tokens), so of several like findings in one function the same one matches; then by fingerprint, for a file git saw
 * renamed, by the fingerprint without the path; then by that fingerprint in any file, so a
 * function moved to another file keeps its findings. Never by line. Each finding matches at most
 * once, so a second identical finding is added. Pure.
 *
 * @param renames - old path → new path between the two scans' commits
 */
export function compareFindings<Previous extends FindingIdentity, Current extends FindingIdentity>(
  previous: readonly Previous[],
  current: readonly Current[],
  renames: ReadonlyMap<string, string> = new Map(),
): FindingChanges<Previous, Current> {
  const unchanged: FindingChanges<Previous, Current>['unchanged'] = [];
  let left = [...previous];
  let right = [...current];

  const pass = (keyOfPrevious: (finding: Previous) => string | undefined, keyOfCurrent: (finding: Current) => string) => {
    const waiting = new Map<string, Previous[]>();
    for (const finding of left) {
      const key = keyOfPrevious(finding);
      if (key === undefined) continue;
      const list = waiting.get(key) ?? [];
      list.push(finding);
      waiting.set(key, list);
    }
    const matched = new Set<Previous>();
    const stillUnmatched: Current[] = [];
    for (const finding of right) {
      const candidate = waiting.get(keyOfCurrent(finding))?.shift();
      if (candidate) {
        matched.add(candidate);
        unchanged.push({ previous: candidate, current: finding });
      } else {
        stillUnmatched.push(finding);
      }
    }
    left = left.filter((finding) => !matched.has(finding));
    right = stillUnmatched;
  };

  pass(
    (finding) => finding.contentFingerprint,
    (finding) => finding.contentFingerprint ?? '',
  );
  pass(
    (finding) => finding.fingerprint,
    (finding) => finding.fingerprint,
  );
  if (renames.size > 0) {
    pass(
      (finding) => {
        const renamed = renames.get(finding.file);
        return renamed === undefined ? undefined : `${renamed}\0${finding.anchorFingerprint}`;
      },
      (finding) => `${finding.file}\0${finding.anchorFingerprint}`,
    );
  }
  pass(
    (finding) => finding.anchorFingerprint,
    (finding) => finding.anchorFingerprint,
  );
  return { unchanged, added: right, fixed: left };
}
