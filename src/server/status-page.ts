import type { RunOutcome } from '../store/schedule-state.js';

/** How the last scheduled run of a repository went, as the status page shows it. */
export interface LastRun {
  startedAt: string;
  finishedAt: string;
  /** ok: scanned and stored; skipped: the branch head was stored before; failed: see `error`. */
  outcome: RunOutcome;
  durationMs: number;
  /** The branch head the run looked at (absent when it failed before finding it). */
  commit?: string;
  /** The scan it stored (outcome `ok`). */
  scanId?: number;
  /** Why the run failed, in words. */
  error?: string;
}

/** One scheduled repository on the status page and in `/api/status`. */
export interface RepositoryStatus {
  name: string;
  /** `path`: a local clone; `url`: a mirrored remote. */
  source: 'path' | 'url';
  /** The local path, or the URL without its password. */
  location: string;
  /** The configured branch; undefined for the default branch. */
  branch?: string;
  team?: string;
  schedule: string;
  timezone?: string;
  /** queued: waiting for a free slot; running: being fetched or scanned now. */
  state: 'idle' | 'queued' | 'running';
  /** When the run in progress started (state `running`). */
  runningSince?: string;
  lastRun?: LastRun;
  /** ISO 8601 time of the next scheduled run; undefined when the schedule has none. */
  nextRunAt?: string;
}

/** What a "scan now" request did: queued it, found it queued or running already, or knew no such repository. */
export type ScanRequestResult = 'queued' | 'already-queued' | 'running' | 'unknown';

/** What the dashboard needs of the scheduler (`src/scheduler` implements it; the server never imports it). */
export interface SchedulerControl {
  status(): RepositoryStatus[];
  /** Queues a run of `name` now, outside its schedule. */
  requestScan(name: string): ScanRequestResult;
}

/** The status page's data. */
export interface StatusPage {
  /** False when the server scans nothing on its own (no `repositories` in its config). */
  isScheduling: boolean;
  /** Whether "scan now" can be asked for (the server has a token). */
  canScanNow: boolean;
  repositories: RepositoryStatus[];
  counts: { ok: number; skipped: number; failed: number; neverRun: number; running: number; queued: number };
}

/** The status page from the scheduler's in-memory state (no scheduler: an empty page saying how to set one up). */
export function loadStatusPage(scheduler: SchedulerControl | undefined, canScanNow: boolean): StatusPage {
  const repositories = scheduler?.status() ?? [];
  const counts = { ok: 0, skipped: 0, failed: 0, neverRun: 0, running: 0, queued: 0 };
  for (const repository of repositories) {
    if (repository.lastRun) counts[repository.lastRun.outcome] += 1;
    else counts.neverRun += 1;
    if (repository.state !== 'idle') counts[repository.state] += 1;
  }
  return { isScheduling: scheduler !== undefined, canScanNow: canScanNow && scheduler !== undefined, repositories, counts };
}
