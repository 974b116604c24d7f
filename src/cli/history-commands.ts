import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { openBlobReader } from '../git/blob-reader.js';
import { listCommits } from '../git/commits.js';
import { listTree, renamesAlong, type TreeEntry } from '../git/tree.js';
import { formatTrendJson, formatTrendText } from '../report/format-trend.js';
import { createExtractionPool, defaultParserThreads } from '../scan/extraction-pool.js';
import { identifyRepository } from '../scan/repository-identity.js';
import { databasePath } from './database-path.js';
import { ExitCode } from './exit-codes.js';
import type { CliIo } from './io.js';
import { UsageError } from './usage-error.js';

export interface HistoryFlags {
  since: number;
  every: number;
  ref: string;
  branch?: string;
  save?: boolean;
  db?: string;
  repoName?: string;
  config?: string;
  format: 'text' | 'json';
  workers?: number;
  stats?: boolean;
}

/**
 * `genai-debt history`: scans sampled past commits from git objects (no checkout), oldest first,
 * and stores them (`--save`) or only prints their trend. Commits stored before with the same
 * settings are skipped, so re-running adds nothing twice.
 */
export async function runHistory(path: string, flags: HistoryFlags, io: CliIo): Promise<number> {
  const started = process.hrtime.bigint();
  const pool = createExtractionPool(flags.workers ?? defaultParserThreads());
  try {
    const identity = await identifyRepository(path, flags.repoName);
    if (!identity.top) throw new UsageError(`${path} is not inside a git repository; history reads past commits from git. Run it on a clone.`);
    if (!identity.head) throw new UsageError(`${identity.top} has no commits yet; there is no history to scan.`);
    const { loadScanSettings } = await import('../scan/scan-repository.js');
    const { scanAndSave } = await import('../scan/scan-and-save.js');
    const { Store } = await import('../store/store.js');
    const settings = loadScanSettings(path, flags.config === undefined ? undefined : resolve(io.cwd, flags.config));
    const branch = flags.branch ?? (flags.ref === 'HEAD' ? identity.head.branch : flags.ref);
    const since = new Date(Date.now() - flags.since);
    const commits = await listCommits(identity.top, flags.ref, { since, every: flags.every });
    // Without --save the scans go to a database in memory: the same matching and trend, nothing kept.
    const dbPath = flags.save ? databasePath(io, flags.db) : ':memory:';
    const store = Store.open(dbPath);
    const reader = openBlobReader(identity.top);
    let stored = 0;
    let skipped = 0;
    // What the extraction cache did not save: files and bytes parsed over all scanned commits.
    let parsedFiles = 0;
    let parsedBytes = 0;
    try {
      io.stderr(`genai-debt: ${commits.length} commit${commits.length === 1 ? '' : 's'} of ${identity.name} sampled every ${formatDays(flags.every)} since ${since.toISOString().slice(0, 10)}\n`);
      // The next commit's files are listed while this one is scanned.
      let ahead: { commit: string; tree: Promise<TreeEntry[]> } | undefined;
      // Renames between consecutive sampled commits, from one git process while the first is scanned.
      const knownRenames = renamesAlong(
        identity.top,
        commits.slice(1).map(({ commit }, index) => [commits[index]!.commit, commit] as const),
      ).catch(() => new Map<string, Map<string, string>>());
      for (const [index, { commit, time }] of commits.entries()) {
        const label = `[${index + 1}/${commits.length}] ${commit.slice(0, 8)} ${time.toISOString().slice(0, 10)}`;
        if (store.hasCommitScan(identity.name, commit, settings.configHash, settings.rulesHash)) {
          skipped += 1;
          io.stderr(`genai-debt: ${label} already stored, skipped\n`);
          continue;
        }
        const tree = ahead?.commit === commit ? ahead.tree : listTree(identity.top, commit);
        const following = commits[index + 1]?.commit;
        ahead = following === undefined ? undefined : { commit: following, tree: listTree(identity.top, following) };
        // A listing that fails is reported when its commit is scanned, not as an unhandled rejection.
        ahead?.tree.catch(() => undefined);
        const { report, saved } = await scanAndSave({
          root: path,
          settings,
          pool,
          store,
          identity,
          commit: { repo: identity.top, commit, subdir: identity.subdir, reader, tree },
          revision: { commit, time },
          branch,
          knownRenames,
        });
        parsedFiles += report.stats.extracted - report.stats.cached;
        parsedBytes += report.stats.parsedBytes;
        if (saved.scanId === undefined) {
          skipped += 1;
          io.stderr(`genai-debt: ${label} stored meanwhile by another run, skipped\n`);
          continue;
        }
        stored += 1;
        io.stderr(
          `genai-debt: ${label} ${report.findings.length} findings (${saved.added} new, ${saved.fixed} fixed), ${report.stats.cached}/${report.stats.extracted} files from cache\n`,
        );
      }
      const points = store.trend(identity.name, { branch });
      const title = { repository: identity.name, ...(branch ? { branch } : {}) };
      io.stdout(flags.format === 'json' ? formatTrendJson(points, title) : formatTrendText(points, title));
      io.stderr(
        flags.save
          ? `genai-debt: stored ${stored} scan${stored === 1 ? '' : 's'}, skipped ${skipped} already stored, in ${dbPath}\n`
          : 'genai-debt: nothing stored; add --save to keep these scans.\n',
      );
      if (flags.stats) {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
        io.stderr(`${JSON.stringify({ stats: { commits: commits.length, stored, skipped, parsedFiles, parsedBytes, seconds: Math.round(seconds * 1000) / 1000, maxRssMb } })}\n`);
      }
    } finally {
      await reader.close();
      store.close();
    }
    return ExitCode.ok;
  } finally {
    await pool.close();
  }
}

function formatDays(milliseconds: number): string {
  const days = milliseconds / 86_400_000;
  return days >= 1 && Number.isInteger(days) ? (days % 7 === 0 ? `${days / 7}w` : `${days}d`) : `${Math.round(milliseconds / 3_600_000)}h`;
}

export interface TrendFlags {
  team?: string;
  branch?: string;
  db?: string;
  repoName?: string;
  format: 'text' | 'json';
}

/** `genai-debt trend`: the stored scans of a repository as a table (or JSON), for all of it or one team. */
export async function runTrend(path: string, flags: TrendFlags, io: CliIo): Promise<number> {
  const identity = await identifyRepository(path, flags.repoName);
  const dbPath = databasePath(io, flags.db);
  if (!existsSync(dbPath)) {
    throw new UsageError(`No history database at ${dbPath}. Run \`genai-debt scan ${path} --save\` or \`genai-debt history ${path} --save\` first (with --db to choose the file).`);
  }
  const { Store } = await import('../store/store.js');
  const store = Store.open(dbPath);
  try {
    const points = store.trend(identity.name, { branch: flags.branch, team: flags.team });
    if (points.length === 0) {
      throw new UsageError(
        `No stored scans of ${identity.name}${flags.branch ? ` on ${flags.branch}` : ''} in ${dbPath}. Run \`genai-debt scan ${path} --save\` or \`genai-debt history ${path} --save\` first.`,
      );
    }
    if (flags.team && points.every((point) => point.findings === 0 && point.llmCalls === 0 && point.tools === 0)) {
      io.stderr(`genai-debt: team ${flags.team} owns nothing in the stored scans of ${identity.name}; check the team name (as in CODEOWNERS, e.g. @acme/payments).\n`);
    }
    const title = { repository: identity.name, ...(flags.team ? { team: flags.team } : {}), ...(flags.branch ? { branch: flags.branch } : {}) };
    io.stdout(flags.format === 'json' ? formatTrendJson(points, title) : formatTrendText(points, title));
    return ExitCode.ok;
  } finally {
    store.close();
  }
}
