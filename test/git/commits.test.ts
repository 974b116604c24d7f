import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCommits, parseDuration, sampleCommits, type CommitRef } from '../../src/git/commits.js';
import { commitFiles, createRepo, expectGitError, git, gitWithEnv, removeRepos } from './git-fixture.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/** Ten commits at noon on these days of January 2026, newest first, named by their day (`c22`). */
const DAYS = [22, 20, 15, 13, 9, 8, 5, 3, 2, 1];
const history: CommitRef[] = DAYS.map((day) => ({ commit: `c${day}`, time: noonOn(day) }));

function noonOn(day: number): Date {
  return new Date(Date.UTC(2026, 0, day, 12));
}

function sampledIds(since: Date, every: number, commits: readonly CommitRef[] = history): string[] {
  return sampleCommits(commits, since, every).map((sample) => sample.commit);
}

describe('sampleCommits', () => {
  it('takes the newest commit at or before each point, oldest first', () => {
    // Points: Jan 22, 18, 14, 10, 6, 2 (noon).
    expect(sampledIds(new Date('2026-01-01T00:00:00Z'), 4 * DAY)).toEqual(['c2', 'c5', 'c9', 'c13', 'c15', 'c22']);
  });

  it('samples weekly', () => {
    // Points: Jan 22, 15, 8, 1 (noon); each falls on a commit.
    expect(sampledIds(new Date('2026-01-01T00:00:00Z'), WEEK)).toEqual(['c1', 'c8', 'c15', 'c22']);
  });

  it('returns the whole sampled commit with its time', () => {
    expect(sampleCommits(history, new Date('2026-01-14T00:00:00Z'), WEEK)).toEqual([
      { commit: 'c15', time: noonOn(15) },
      { commit: 'c22', time: noonOn(22) },
    ]);
  });

  it('never returns a commit older than since, even when a point after since falls on it', () => {
    // Points Jan 22 … 10: the points Jan 12, 11 and 10 would take c9, which is older than since.
    expect(sampledIds(new Date('2026-01-10T00:00:00Z'), DAY)).toEqual(['c13', 'c15', 'c20', 'c22']);
  });

  it('keeps each commit once when the interval is shorter than the gaps', () => {
    expect(sampledIds(new Date('2026-01-01T00:00:00Z'), HOUR)).toEqual(DAYS.map((day) => `c${day}`).reverse());
    expect(sampledIds(new Date('2026-01-01T00:00:00Z'), 1)).toEqual(DAYS.map((day) => `c${day}`).reverse());
  });

  it('always includes the newest commit', () => {
    expect(sampledIds(new Date('2026-01-01T00:00:00Z'), 52 * WEEK)).toEqual(['c22']);
    expect(sampledIds(noonOn(22), DAY)).toEqual(['c22']);
  });

  it('returns nothing when the whole history is older than since', () => {
    expect(sampledIds(new Date('2026-02-01T00:00:00Z'), WEEK)).toEqual([]);
    expect(sampledIds(new Date('2026-01-01T00:00:00Z'), WEEK, [])).toEqual([]);
  });

  it('follows history order when committer times go backwards', () => {
    // c3 was rebased onto c2 with an older committer time: at Jan 4 noon the branch pointed to c3.
    const skewed: CommitRef[] = [
      { commit: 'c3', time: noonOn(1) },
      { commit: 'c2', time: noonOn(3) },
      { commit: 'c1', time: noonOn(2) },
    ];
    expect(sampledIds(new Date('2026-01-01T00:00:00Z'), DAY, skewed)).toEqual(['c3']);
  });

  it('rejects an interval that is not positive', () => {
    const since = new Date('2026-01-01T00:00:00Z');
    const message = 'pass a positive number of milliseconds, such as parseDuration(\'1w\')';
    expect(() => sampleCommits(history, since, 0)).toThrow(`invalid sampling interval 0 ms: ${message}`);
    expect(() => sampleCommits(history, since, -DAY)).toThrow(`invalid sampling interval -86400000 ms: ${message}`);
    expect(() => sampleCommits(history, since, Number.NaN)).toThrow(`invalid sampling interval NaN ms: ${message}`);
    expect(() => sampleCommits(history, new Date('nope'), DAY)).toThrow('invalid "since" date: pass a valid Date');
  });
});

describe('listCommits', () => {
  let repo: string;
  const ids = new Map<number, string>();

  function idsOn(days: number[]): CommitRef[] {
    return days.map((day) => ({ commit: ids.get(day)!, time: noonOn(day) }));
  }

  beforeAll(() => {
    repo = createRepo();
    for (const day of [...DAYS].reverse()) {
      if (day === 9) {
        // Day 9 merges a side branch whose commit (day 6) is not on main's first-parent history.
        git(repo, 'checkout', '-q', '-b', 'feature', ids.get(5)!);
        commitFiles(repo, { 'feature.ts': 'x\n' }, noonOn(6).toISOString());
        git(repo, 'checkout', '-q', 'main');
        const date = noonOn(9).toISOString();
        gitWithEnv(repo, { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }, 'merge', '-q', '--no-ff', '--no-edit', 'feature');
        ids.set(9, git(repo, 'rev-parse', 'HEAD'));
      } else {
        ids.set(day, commitFiles(repo, { 'summarize.ts': `// day ${day}\n` }, noonOn(day).toISOString()));
      }
    }
  });

  afterAll(removeRepos);

  it('samples the first-parent history weekly with committer times, oldest first', async () => {
    const commits = await listCommits(repo, 'main', { since: new Date('2026-01-01T00:00:00Z'), every: WEEK });
    expect(commits).toEqual(idsOn([1, 8, 15, 22]));
  });

  it('skips commits of merged branches', async () => {
    // The point Jan 6 noon falls on the feature commit's time; main pointed to c5 then.
    const commits = await listCommits(repo, 'HEAD', { since: new Date('2026-01-01T00:00:00Z'), every: 4 * DAY });
    expect(commits).toEqual(idsOn([2, 5, 9, 13, 15, 22]));
  });

  it('lists every first-parent commit when the interval is short', async () => {
    const commits = await listCommits(repo, 'main', { since: new Date('2026-01-01T00:00:00Z'), every: 1 });
    expect(commits).toEqual(idsOn([...DAYS].reverse()));
  });

  it('cuts the history at since and samples a ref other than HEAD', async () => {
    const commits = await listCommits(repo, ids.get(15)!, { since: new Date('2026-01-05T00:00:00Z'), every: 3 * DAY });
    // Points: Jan 15, 12, 9, 6 (noon): Jan 12 and Jan 9 both take c9.
    expect(commits).toEqual(idsOn([5, 9, 15]));
  });

  it('names a ref that does not exist', async () => {
    await expectGitError(
      listCommits(repo, 'nope', { since: new Date('2026-01-01T00:00:00Z'), every: WEEK }),
      `git log failed in ${repo}: fatal: bad revision 'nope'. Check that the ref exists.`,
    );
  });
});

describe('parseDuration', () => {
  it.each([
    ['52w', 52 * WEEK],
    ['1w', WEEK],
    ['7d', 7 * DAY],
    ['12h', 12 * HOUR],
    ['30m', 30 * 60_000],
    ['1.5h', 1.5 * HOUR],
    ['2 weeks', 2 * WEEK],
    [' 1d ', DAY],
  ])('reads %j as %d ms', (text, milliseconds) => {
    expect(parseDuration(text)).toBe(milliseconds);
  });

  it.each(['abc', '', '52', '5x', '1e3d', 'w', '7 d d'])('rejects %j', (text) => {
    expect(() => parseDuration(text)).toThrow(
      `invalid duration ${JSON.stringify(text)}: use a number and a unit, such as 52w, 7d or 12h`,
    );
  });

  it.each(['0d', '-1w'])('rejects the non-positive %j', (text) => {
    expect(() => parseDuration(text)).toThrow(
      `invalid duration ${JSON.stringify(text)}: it must be longer than zero, such as 52w, 7d or 12h`,
    );
  });
});
