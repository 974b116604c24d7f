import type { ScanReport } from '../model/report.js';
import type { SavedScan, Store } from '../store/store.js';
import type { RepositoryIdentity } from './repository-identity.js';
import { renamesFor } from './repository-identity.js';
import { type ScanOptions, type ScanSettings, type ScanStats, scanRepository } from './scan-repository.js';

export interface ScanAndSaveOptions extends Omit<ScanOptions, 'cache' | 'history' | 'settings' | 'resultCache' | 'top'> {
  settings: ScanSettings;
  store: Store;
  identity: RepositoryIdentity;
  /** Renames git already found, by `${from}\0${to}` commit ids (a history run asks for all its pairs at once). */
  knownRenames?: Promise<ReadonlyMap<string, ReadonlyMap<string, string>>>;
  /** The commit the scanned code is at, with its time; undefined outside git. */
  revision?: { commit: string; time: Date };
  branch?: string;
}

/**
 * Scans with the store's extraction cache and prompt history, then stores the scan with its
 * findings matched against the neighbouring scans of the branch (git renames looked up first).
 */
export async function scanAndSave(options: ScanAndSaveOptions): Promise<{ report: ScanReport & { stats: ScanStats }; saved: SavedScan }> {
  const { store, identity, revision, branch } = options;
  const scannedAt = options.now?.() ?? new Date();
  const at = (revision?.time ?? scannedAt).toISOString();
  const cache = store.extractionCache();
  const history = { at, prompts: store.promptHistory(identity.name, branch, at) };
  // Past commits are not kept whole: each has its own prompt history, so none would be reused.
  const resultCache = options.commit ? undefined : store.resultCache(identity.name);
  // git finds the renames while the scan runs.
  const { previous, next } = store.neighbours(identity.name, branch, at);
  const finding = Promise.resolve(options.knownRenames).then((known) =>
    renamesFor(
      identity.top,
      [
        [previous?.commit, revision?.commit],
        [revision?.commit, next?.commit],
      ],
      identity.subdir,
      known,
    ),
  );
  const report = await scanRepository({ ...options, top: identity.top, now: () => scannedAt, cache, history, resultCache });
  const renames = await finding;
  const saved = store.saveScan(
    {
      repository: identity.name,
      kind: options.commit ? 'commit' : 'worktree',
      commit: revision?.commit,
      branch,
      commitTime: revision?.time.toISOString(),
      configHash: options.settings.configHash,
      rulesHash: options.settings.rulesHash,
      report,
    },
    (from, to) => renames.get(`${from}\0${to}`),
    cache.pending,
    resultCache?.pending,
  );
  cache.pending.clear();
  return { report, saved };
}
