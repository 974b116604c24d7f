import { createHash } from 'node:crypto';

/**
 * A finding's identity without its line number: rule, file, the rule's anchor (enclosing
 * function and API for a call) and the index among findings with the same anchor. Moving code
 * inside a file keeps it; a second identical finding gets a new one.
 */
export function fingerprint(ruleId: string, file: string, anchor: string, occurrence: number): string {
  return createHash('sha256').update(`${ruleId}\0${file}\0${anchor}\0${occurrence}`).digest('hex').slice(0, 20);
}

/**
 * {@link fingerprint} with the rule's content discriminator (a call's syntax hash): among
 * findings with one anchor, it picks out the same one even when another was fixed or added.
 */
export function contentFingerprint(ruleId: string, file: string, anchor: string, content: string, occurrence: number): string {
  return createHash('sha256').update(`${ruleId}\0${file}\0${anchor}\0${content}\0${occurrence}`).digest('hex').slice(0, 20);
}

/** {@link fingerprint} without the path: it survives renames and moves to another file. */
export function anchorFingerprint(ruleId: string, anchor: string, occurrence: number): string {
  return createHash('sha256').update(`${ruleId}\0${anchor}\0${occurrence}`).digest('hex').slice(0, 20);
}
