import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { devNull } from 'node:os';
import { dirname, join } from 'node:path';
import { type CommitRef } from '../git/commits.js';
import { runGit } from '../git/run-git.js';
import type { DemoWeek } from './demo-weeks.js';

const WEEK_MS = 7 * 86_400_000;

/** The fixed author of every demo commit. */
const DEMO_AUTHOR = { name: 'Acme Helpdesk Team', email: 'helpdesk-team@acme.example' };

/**
 * The demo repository's `origin`, never fetched: it names the repository `github.com/acme/helpdesk`
 * the way genai-debt names any clone, so `scan --save` and `trend` in it find the demo's history.
 */
const DEMO_REMOTE = 'https://github.com/acme/helpdesk.git';

/** The branch the demo history is built on. */
export const DEMO_BRANCH = 'main';

/**
 * Creates a git repository in `repo` (a folder that does not exist yet) with one commit per week,
 * one week apart, the last one at `now` (to the minute). Git runs with argument arrays, without the
 * user's or the system's git config (no hooks, signing or templates), with the author on the
 * command line, so it works on a machine where git was never configured.
 *
 * @returns the commits, oldest first
 */
export async function buildDemoRepository(repo: string, weeks: readonly DemoWeek[], now: Date): Promise<CommitRef[]> {
  mkdirSync(repo, { recursive: true });
  await git(repo, ['init', '--quiet', `--initial-branch=${DEMO_BRANCH}`]);
  await git(repo, ['remote', 'add', 'origin', DEMO_REMOTE]);
  const last = Math.floor(now.getTime() / 60_000) * 60_000;
  const commits: CommitRef[] = [];
  for (const [index, week] of weeks.entries()) {
    for (const path of week.deleted) rmSync(join(repo, path), { recursive: true, force: true });
    for (const [path, source] of week.files) {
      mkdirSync(dirname(join(repo, path)), { recursive: true });
      copyFileSync(source, join(repo, path));
    }
    const time = new Date(last - (weeks.length - 1 - index) * WEEK_MS);
    const date = `${Math.floor(time.getTime() / 1000)} +0000`;
    await git(repo, ['add', '--all']);
    await git(repo, ['commit', '--quiet', '--allow-empty', '--no-verify', '-m', week.message], { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
    commits.push({ commit: (await git(repo, ['rev-parse', 'HEAD'])).trim(), time });
  }
  return commits;
}

/** git with the demo's identity and no outside config; `dates` sets the commit dates. */
function git(repo: string, args: string[], dates: Record<string, string> = {}): Promise<string> {
  const identity = ['-c', `user.name=${DEMO_AUTHOR.name}`, '-c', `user.email=${DEMO_AUTHOR.email}`, '-c', 'commit.gpgsign=false'];
  // The user's global config could add hooks, templates or signing; the demo needs none of it.
  return runGit(repo, [...identity, ...args], { timeoutMs: 60_000, env: { GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: devNull, ...dates } });
}
