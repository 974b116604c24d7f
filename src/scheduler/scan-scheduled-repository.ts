import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { ConfigError } from '../config/config-error.js';
import { type Config, configSchema } from '../config/config-schema.js';
import { CONFIG_FILE_NAMES, parseConfig } from '../config/load-config.js';
import { openBlobReader, readFileAt } from '../git/blob-reader.js';
import { branchHead, redactUrl, updateMirror } from '../git/mirror.js';
import { commitTime, gitHead, gitTopLevel } from '../git/repository-info.js';
import { GitError } from '../git/run-git.js';
import { createExtractionPool } from '../scan/extraction-pool.js';
import { scanAndSave } from '../scan/scan-and-save.js';
import { type ScanSettings, scanSettingsFor } from '../scan/scan-repository.js';
import type { ScheduledRepositoryConfig } from '../server/server-config.js';
import type { RunOutcome } from '../store/schedule-state.js';
import type { Store } from '../store/store.js';

/** Where a scheduled scan keeps its files, and what it scans with. */
export interface ScanContext {
  store: Store;
  /** The folder of the mirrors of remote repositories (and of the configs read from git). */
  mirrorsDir: string;
  /** Parser threads of one scan. */
  parserThreads: number;
}

/** What one scheduled run found. A failure is thrown, not returned. */
export interface ScanResult {
  outcome: Exclude<RunOutcome, 'failed'>;
  branch: string;
  commit: string;
  scanId?: number;
  findings?: number;
}

/** A failed run's message: one line from a known error, the message alone from anything else. */
export function describeFailure(error: unknown): string {
  if (error instanceof GitError || error instanceof ConfigError) return error.message;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * The folder of a remote's mirror: the repository name made safe for a file name, plus a hash of
 * the URL, so two names never share a folder and a changed URL starts a new mirror.
 */
function mirrorFolder(mirrorsDir: string, name: string, url: string): string {
  return join(mirrorsDir, `${fileNameFor(name, url)}.git`);
}

/** A repository name made safe for a file name, plus a hash of `key` so two names never share one. */
function fileNameFor(name: string, key: string): string {
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '').slice(0, 80) || 'repository';
  return `${safe}-${createHash('sha256').update(key).digest('hex').slice(0, 10)}`;
}

/**
 * One scheduled run of one repository: fetch the mirror (or find the local clone), resolve the
 * branch head, and scan it from git objects into the store unless a scan of that commit with the
 * same settings is stored. Nothing is checked out; a local clone's work tree is never touched.
 *
 * @throws GitError, ConfigError or StoreError with a message that says what went wrong
 */
export async function scanScheduledRepository(repository: ScheduledRepositoryConfig, context: ScanContext): Promise<ScanResult> {
  const { repo, subdir, branch, shownAs } = await locate(repository, context.mirrorsDir);
  const commit = await branchHead(repo, branch, shownAs);
  const root = subdir === '' ? repo : join(repo, ...subdir.split('/'));
  const settings = await settingsAt(repository, { repo, commit, subdir });
  const { store } = context;
  if (store.hasCommitScan(repository.name, commit, settings.configHash, settings.rulesHash)) return { outcome: 'skipped', branch, commit };
  const time = await commitTime(repo, commit);
  const pool = createExtractionPool(context.parserThreads);
  const reader = openBlobReader(repo);
  try {
    const { report, saved } = await scanAndSave({
      root,
      settings,
      pool,
      store,
      identity: { name: repository.name, top: repo, subdir },
      commit: { repo, commit, subdir, reader },
      revision: { commit, time },
      branch,
    });
    // Stored meanwhile by another process (a `genai-debt history --save` on the same database).
    if (saved.scanId === undefined) return { outcome: 'skipped', branch, commit };
    return { outcome: 'ok', branch, commit, scanId: saved.scanId, findings: report.findings.length };
  } finally {
    await reader.close();
    await pool.close();
  }
}

interface Located {
  /** The git directory to read objects from: the mirror, or the clone's top level. */
  repo: string;
  /** The scanned folder inside it (posix, '' for all of it). */
  subdir: string;
  branch: string;
  /** The repository as messages name it. */
  shownAs: string;
}

async function locate(repository: ScheduledRepositoryConfig, mirrorsDir: string): Promise<Located> {
  if (repository.url !== undefined) {
    const shownAs = redactUrl(repository.url);
    const repo = mirrorFolder(mirrorsDir, repository.name, repository.url);
    const { defaultBranch } = await updateMirror(repository.url, repo);
    const branch = repository.branch ?? defaultBranch;
    if (branch === undefined) throw new GitError(`${shownAs} names no default branch (its HEAD points nowhere). Set branch: in the server config.`);
    return { repo, subdir: '', branch, shownAs };
  }
  const path = repository.path!;
  const top = await gitTopLevel(path);
  if (top === undefined) {
    const isThere = await stat(path).then(
      (stats) => stats.isDirectory(),
      () => false,
    );
    throw new GitError(isThere ? `${path} is not inside a git work tree; path: needs a clone (use url: for a remote).` : `${path} does not exist. Check path: in the server config.`);
  }
  const subdir = relative(top, path).split(sep).join('/');
  const branch = repository.branch ?? (await gitHead(top))?.branch;
  if (branch === undefined) throw new GitError(`${top} has no current branch (HEAD is detached or there are no commits). Set branch: in the server config.`);
  return { repo: top, subdir, branch, shownAs: top };
}

/**
 * The scan settings of a commit: its own `genai-debt.config.yaml` (or `.yml`, `.json`) read from git
 * objects as data, else the defaults; the server config's `team` becomes `teams.default` unless the
 * repository's config assigns `teams` itself. Validated as `genai-debt scan` validates a config;
 * messages name the file and the commit.
 */
async function settingsAt(repository: ScheduledRepositoryConfig, at: { repo: string; commit: string; subdir: string }): Promise<ScanSettings> {
  let loaded: { config: Config; shownPath?: string } = { config: configSchema.parse({}) };
  for (const name of CONFIG_FILE_NAMES) {
    const path = at.subdir === '' ? name : `${at.subdir}/${name}`;
    const bytes = await readFileAt(at.repo, at.commit, path);
    if (bytes === undefined) continue;
    const shownPath = `${path} at ${at.commit.slice(0, 12)}`;
    loaded = { config: parseConfig(bytes.toString('utf8'), shownPath), shownPath };
    break;
  }
  const { config } = loaded;
  if (repository.team !== undefined && config.teams === undefined) loaded = { ...loaded, config: { ...config, teams: { default: repository.team, paths: {} } } };
  return scanSettingsFor(loaded);
}
