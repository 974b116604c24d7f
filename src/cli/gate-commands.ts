import { appendFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { BASELINE_FILE_NAME, BaselineError, formatBaseline, parseBaseline } from '../gate/baseline-file.js';
import { metricsSideOf } from '../gate/check-budgets.js';
import { type EarlierFinding, evaluateGate, type GateInput } from '../gate/evaluate-gate.js';
import { updateBaseline } from '../gate/update-baseline.js';
import { openBlobReader } from '../git/blob-reader.js';
import { mergeBase, remoteDefaultBranch } from '../git/repository-info.js';
import { renamesBetween } from '../git/tree.js';
import type { CachedExtraction, ExtractionCache } from '../model/extraction-cache.js';
import type { ScanReport, Severity } from '../model/report.js';
import { formatGate, type GateFormatName } from '../report/gate/index.js';
import { createExtractionPool, defaultParserThreads } from '../scan/extraction-pool.js';
import { identifyRepository, renamesUnder } from '../scan/repository-identity.js';
import type { CommitToScan, ScanSettings } from '../scan/scan-repository.js';
import { databasePath } from './database-path.js';
import { ExitCode } from './exit-codes.js';
import { UsageError } from './usage-error.js';
import { type CliIo, shouldColor } from './io.js';

interface CommonGateFlags {
  config?: string;
  baselineFile?: string;
  workers?: number;
}

export interface BaselineFlags extends CommonGateFlags {
  force?: boolean;
}

export interface CheckFlags extends CommonGateFlags {
  since?: string;
  /** `--stored` alone is `true`: the default branch. */
  stored?: string | true;
  frozen?: boolean;
  failOn: Severity;
  exitZero?: boolean;
  format: GateFormatName;
  outputFile?: string;
  color?: boolean;
  db?: string;
  repoName?: string;
}

/** Extraction results shared by the two sides of a check, so files unchanged since the earlier side are parsed once. */
function memoryCache(): ExtractionCache {
  const entries = new Map<string, CachedExtraction>();
  return { get: (key) => entries.get(key), set: (key, entry) => void entries.set(key, entry) };
}

function baselinePath(root: string, io: CliIo, flag: string | undefined): string {
  return flag === undefined ? join(root, BASELINE_FILE_NAME) : resolve(io.cwd, flag);
}

function shownPath(io: CliIo, path: string): string {
  const shown = relative(io.cwd, path);
  return shown === '' || shown.startsWith('..') ? path : shown;
}

function readBaseline(path: string, io: CliIo) {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new BaselineError(`cannot read the baseline ${shownPath(io, path)}: ${(error as Error).message}`);
  }
  return parseBaseline(text, shownPath(io, path));
}

async function withScanner<T>(root: string, flags: CommonGateFlags, io: CliIo, run: (settings: ScanSettings, scan: Scanner) => Promise<T>): Promise<T> {
  const pool = createExtractionPool(flags.workers ?? defaultParserThreads());
  try {
    const { loadScanSettings, scanRepository } = await import('../scan/scan-repository.js');
    const settings = loadScanSettings(root, flags.config === undefined ? undefined : resolve(io.cwd, flags.config));
    const cache = memoryCache();
    return await run(settings, async (commit) => {
      const { stats: _stats, ...report } = await scanRepository({ root, settings, pool, cache, ...(commit ? { commit } : {}) });
      return report;
    });
  } finally {
    await pool.close();
  }
}

/** Scans the work tree, or a commit from git objects, with the check's settings and shared cache. */
type Scanner = (commit?: CommitToScan) => Promise<ScanReport>;

/**
 * `genai-debt baseline`: writes the baseline file. An existing one only shrinks (fixed debt is
 * removed, entries follow renamed files); new findings are added only with `--force`. Exits 1
 * when new findings were left out.
 */
export async function runBaseline(root: string, flags: BaselineFlags, io: CliIo): Promise<number> {
  const path = baselinePath(root, io, flags.baselineFile);
  const old = existsSync(path) ? readBaseline(path, io) : undefined;
  const report = await withScanner(root, flags, io, async (_settings, scan) => scan());
  const update = updateBaseline(old, report.findings, flags.force ?? false);
  // Written beside the target and renamed over it, so an interrupted run never leaves half a file.
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, formatBaseline(update.entries));
  renameSync(temporary, path);
  const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  io.stderr(
    `genai-debt: wrote ${shownPath(io, path)}: ${plural(update.entries.length, 'entry', 'entries')}` +
      (old === undefined ? '' : ` (${update.removed.length} removed as fixed, ${update.added.length} added)`) +
      '\n',
  );
  if (update.leftOut.length === 0) return ExitCode.ok;
  const listed = update.leftOut.slice(0, 10).map((finding) => `  ${finding.file}:${finding.line}  ${finding.ruleId}  ${finding.message}\n`);
  io.stderr(
    `genai-debt: ${plural(update.leftOut.length, 'new finding', 'new findings')} not added: a baseline only shrinks.\n${listed.join('')}` +
      (update.leftOut.length > listed.length ? `  … and ${update.leftOut.length - listed.length} more\n` : '') +
      'Fix them, or run `genai-debt baseline --force` to accept them as known debt.\n',
  );
  return ExitCode.findings;
}

/**
 * `genai-debt check`: scans the folder and fails (exit 1) only for debt the earlier side does
 * not have: the baseline file, the merge-base with `--since`, or the last stored scan of a branch
 * with `--stored`.
 */
export async function runCheck(root: string, flags: CheckFlags, io: CliIo): Promise<number> {
  if (flags.since !== undefined && flags.stored !== undefined) throw new UsageError('use either --since or --stored, not both');
  const gate = await withScanner(root, flags, io, async (settings, scan) => {
    const earlier = await earlierSide(root, flags, io, scan);
    io.stderr(`genai-debt: scanning ${shownPath(io, root) || '.'}\n`);
    const current = await scan();
    return evaluateGate({ ...earlier, current, settings: settings.config.gate, failOn: flags.failOn, frozen: flags.frozen ?? false });
  });
  const color = flags.outputFile ? false : shouldColor(io, flags.color);
  const { output, summary } = formatGate(flags.format, gate, { color });
  if (flags.outputFile) writeFileSync(resolve(io.cwd, flags.outputFile), output);
  else io.stdout(output);
  if (summary !== undefined && io.env.GITHUB_STEP_SUMMARY) appendFileSync(io.env.GITHUB_STEP_SUMMARY, summary);
  return gate.failed && !flags.exitZero ? ExitCode.findings : ExitCode.ok;
}

type EarlierSide = Pick<GateInput, 'against' | 'earlier' | 'renames'>;

async function earlierSide(root: string, flags: CheckFlags, io: CliIo, scan: Scanner): Promise<EarlierSide> {
  if (flags.since !== undefined) return mergeBaseSide(root, flags.since, io, scan);
  if (flags.stored !== undefined) return storedSide(root, flags, io);
  const path = baselinePath(root, io, flags.baselineFile);
  if (!existsSync(path)) {
    throw new UsageError(
      `no baseline file at ${shownPath(io, path)}. Create it with \`genai-debt baseline\` and commit it, or compare with a branch instead: \`genai-debt check --since origin/main\`.`,
    );
  }
  return { against: { kind: 'baseline', file: shownPath(io, path) }, earlier: { findings: readBaseline(path, io) } };
}

async function mergeBaseSide(root: string, ref: string, io: CliIo, scan: Scanner): Promise<EarlierSide> {
  const identity = await identifyRepository(root);
  if (!identity.top) {
    throw new UsageError(`${root} is not inside a git repository; --since compares with a commit. Use a baseline file (\`genai-debt baseline\`) instead.`);
  }
  if (!identity.head) throw new UsageError(`${identity.top} has no commits yet; there is nothing to compare with.`);
  const commit = await mergeBase(identity.top, 'HEAD', ref);
  io.stderr(`genai-debt: scanning the merge-base of HEAD and ${ref} (${commit.slice(0, 8)}) from git objects\n`);
  const reader = openBlobReader(identity.top);
  try {
    const report = await scan({ repo: identity.top, commit, subdir: identity.subdir, reader });
    const renames = renamesUnder(await renamesBetween(identity.top, commit, identity.head.commit), identity.subdir);
    return { against: { kind: 'merge-base', ref, commit }, earlier: { findings: report.findings, side: metricsSideOf(report) }, renames };
  } finally {
    await reader.close();
  }
}

async function storedSide(root: string, flags: CheckFlags, io: CliIo): Promise<EarlierSide> {
  const identity = await identifyRepository(root, flags.repoName);
  const dbPath = databasePath(io, flags.db);
  if (!existsSync(dbPath)) {
    throw new UsageError(`no history database at ${dbPath}. Store scans of the default branch first (\`genai-debt scan . --save\` on it), or pass --db.`);
  }
  const { Store } = await import('../store/store.js');
  const store = Store.open(dbPath);
  try {
    const stored = store.storedBranches(identity.name);
    const branch =
      typeof flags.stored === 'string'
        ? flags.stored
        : ((identity.top ? await remoteDefaultBranch(identity.top) : undefined) ?? ['main', 'master'].find((name) => stored.includes(name)));
    const scan = branch === undefined ? undefined : store.latestScan(identity.name, branch);
    if (branch === undefined || scan === undefined) {
      const known = stored.length === 0 ? 'none' : stored.join(', ');
      throw new UsageError(
        `no stored scan of ${identity.name}${branch ? ` on ${branch}` : ' on its default branch'} in ${dbPath} (branches stored: ${known}). Name the branch with --stored <branch>, or store one with \`genai-debt scan . --save\`.`,
      );
    }
    const earlier = store.scanForComparison(scan.id);
    let renames: Map<string, string> | undefined;
    if (identity.top && identity.head && scan.commit) {
      try {
        renames = renamesUnder(await renamesBetween(identity.top, scan.commit, identity.head.commit), identity.subdir);
      } catch {
        // The stored commit is not in this clone: matching falls back to fingerprints without paths.
      }
    }
    const findings: EarlierFinding[] = earlier.findings;
    return {
      against: { kind: 'stored-scan', repository: identity.name, branch, scanId: scan.id, at: scan.at, ...(scan.commit ? { commit: scan.commit } : {}) },
      earlier: { findings, side: { metrics: earlier.metrics, prompts: earlier.prompts } },
      ...(renames ? { renames } : {}),
    };
  } finally {
    store.close();
  }
}
