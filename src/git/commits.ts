import ms from 'ms';
import { assertRef, runGit } from './run-git.js';
import { dateFromUnixSeconds } from './repository-info.js';

/** A commit and its committer time. */
export interface CommitRef {
  /** Full commit id. */
  commit: string;
  /** Committer time. */
  time: Date;
}

/** How {@link listCommits} samples a history. */
export interface ListCommitsOptions {
  /** Oldest committer time to return; older commits are never returned. */
  since: Date;
  /** Milliseconds between sampling points (one week for a weekly backfill). */
  every: number;
}

/**
 * The commits of `ref`'s first-parent history to scan for a backfill: the newest commit, then the
 * commit that was newest at each `every` step back in time, down to `since`.
 *
 * @returns de-duplicated commits, oldest first; empty when even the newest commit is older than `since`
 * @throws GitError when `ref` does not exist
 */
export async function listCommits(repo: string, ref: string, options: ListCommitsOptions): Promise<CommitRef[]> {
  assertRef(ref);
  assertSampling(options.since, options.every);
  const output = await runGit(repo, ['log', '--first-parent', '--no-show-signature', '--format=%H %ct', '--end-of-options', ref, '--']);
  const commits = output
    .split('\n')
    .filter((line) => line !== '')
    .map((line): CommitRef => {
      const [commit = '', seconds = ''] = line.split(' ');
      return { commit, time: dateFromUnixSeconds(seconds, `git log in ${repo}`) };
    });
  return sampleCommits(commits, options.since, options.every);
}

/**
 * Samples a history at fixed intervals. Sampling points are t0 (the newest commit's time), t0 − every,
 * t0 − 2·every, … while ≥ `since`; each point takes the first commit of `commits` (the newest in
 * history order) whose time is ≤ the point. Commits older than `since` are left out. Pure.
 *
 * Committer times along a history are not always monotonic (rebases, skewed clocks); taking the
 * first match in history order keeps the answer "the commit the branch pointed to at that time".
 *
 * @param commits - a first-parent history, newest first (as `git log` prints it)
 * @param every - milliseconds between points, > 0
 * @returns the sampled commits, de-duplicated, oldest first
 */
export function sampleCommits(commits: readonly CommitRef[], since: Date, every: number): CommitRef[] {
  assertSampling(since, every);
  const newest = commits[0];
  if (newest === undefined) return [];
  const t0 = newest.time.getTime();
  const floor = since.getTime();
  const picked: CommitRef[] = [];
  let index = 0;
  let step = 0;
  for (;;) {
    const point = t0 - step * every;
    if (point < floor) break;
    // As the point moves back, the first commit at or before it can only move further down the list.
    while (index < commits.length && commits[index]!.time.getTime() > point) index += 1;
    const commit = commits[index];
    if (commit === undefined) break;
    const time = commit.time.getTime();
    if (time >= floor) picked.push(commit);
    // Skip the points that would pick this same commit again: the next useful one is before its time.
    step = Math.floor((t0 - time) / every) + 1;
    index += 1;
  }
  return picked.reverse();
}

function assertSampling(since: Date, every: number): void {
  if (Number.isNaN(since.getTime())) throw new Error('invalid "since" date: pass a valid Date');
  if (!Number.isFinite(every) || every <= 0) {
    throw new Error(`invalid sampling interval ${every} ms: pass a positive number of milliseconds, such as parseDuration('1w')`);
  }
}

const DURATION_EXAMPLES = 'such as 52w, 7d or 12h';

/**
 * Milliseconds in a duration written as a number and a unit: `52w`, `7d`, `12h`, `30m`, `1.5h`
 * (the units of the `ms` package: y, w, d, h, m, s, ms and their long forms).
 *
 * @throws Error when `text` has no unit, is not a duration, or is not longer than zero
 */
export function parseDuration(text: string): number {
  const trimmed = text.trim();
  // ms() reads a bare number as milliseconds; a unit is required so `52` is never silently 52 ms.
  const value = /^[+-]?(\d+\.?\d*|\.\d+)\s*[a-z]+$/i.test(trimmed) ? ms(trimmed as ms.StringValue) : undefined;
  if (value === undefined || !Number.isFinite(value)) {
    throw new Error(`invalid duration ${JSON.stringify(text)}: use a number and a unit, ${DURATION_EXAMPLES}`);
  }
  if (value <= 0) throw new Error(`invalid duration ${JSON.stringify(text)}: it must be longer than zero, ${DURATION_EXAMPLES}`);
  return value;
}
