import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Cron } from 'croner';
import { defaultParserThreads } from '../scan/extraction-pool.js';
import type { ScheduledRepositoryConfig, ServerConfig } from '../server/server-config.js';
import type { RepositoryStatus, ScanRequestResult, SchedulerControl } from '../server/status-page.js';
import type { FinishedRun, ScheduleStateRow } from '../store/schedule-state.js';
import type { Store } from '../store/store.js';
import { redactUrl } from '../git/mirror.js';
import { describeFailure, type ScanContext, type ScanResult, scanScheduledRepository } from './scan-scheduled-repository.js';

/** Why a run was queued. */
export type RunReason = 'schedule' | 'catch-up' | 'request';

/** What the scheduler tells its observer (the log, and tests). */
export type SchedulerEvent =
  | { type: 'queued'; repository: string; reason: RunReason }
  | { type: 'started'; repository: string; reason: RunReason }
  | { type: 'finished'; repository: string; reason: RunReason; outcome: 'ok' | 'skipped' | 'failed'; durationMs: number; result?: ScanResult; error?: string }
  /** A tick that came while the repository's previous run was queued or running; it is dropped. */
  | { type: 'tick-skipped'; repository: string; state: 'queued' | 'running' };

/** Options of {@link Scheduler}. */
export interface SchedulerOptions {
  store: Store;
  /** The server config: `repositories`, the default `schedule` and `timezone`, `concurrency`. */
  config: Pick<ServerConfig, 'repositories' | 'schedule' | 'timezone' | 'concurrency'>;
  /** Folder of the mirrors of remote repositories (`mirrors` of the config, else beside the database). */
  mirrorsDir: string;
  /** The clock: when a run is due and what is stored. Tests pass their own. */
  now?: () => Date;
  /**
   * False: no timers; runs become due only when the caller calls {@link Scheduler.runDue} (tests,
   * with a clock they control). Default true: croner fires each repository's schedule.
   */
  useTimers?: boolean;
  /** Parser threads per scan; default: the machine's parser threads shared by the concurrent scans. */
  parserThreads?: number;
  /** Lines for the server's log. */
  log?: (line: string) => void;
  onEvent?: (event: SchedulerEvent) => void;
  /** One run of one repository; default {@link scanScheduledRepository}. Tests wrap it to hold a run open. */
  scan?: (repository: ScheduledRepositoryConfig, context: ScanContext) => Promise<ScanResult>;
}

interface Entry {
  repository: ScheduledRepositoryConfig;
  schedule: string;
  timezone: string | undefined;
  /** Computes run times; never fires. */
  cron: Cron;
  /** Fires the schedule (with timers only). */
  timer?: Cron;
  nextRunAt: Date | undefined;
  state: 'idle' | 'queued' | 'running';
  reason?: RunReason;
  runningSince?: Date;
  last?: ScheduleStateRow;
}

const CRON_MODE = '5-or-6-parts';

/**
 * Scans the configured repositories on their cron schedules, through one queue that runs at most
 * `concurrency` scans at once. A repository is in the queue or running at most once: a tick that
 * comes meanwhile is dropped, a "scan now" is refused. After each run its outcome and the next run
 * due are stored, so a server started after a downtime runs each repository whose run fell due
 * meanwhile once, not once per missed tick. A repository never run before is run at start.
 * A failing run is recorded for its repository and never stops the others or the server.
 */
export class Scheduler implements SchedulerControl {
  readonly #entries = new Map<string, Entry>();
  readonly #queue: Entry[] = [];
  readonly #running = new Set<Promise<void>>();
  readonly #idleWaiters: Array<() => void> = [];
  readonly #store: Store;
  readonly #context: ScanContext;
  readonly #concurrency: number;
  readonly #now: () => Date;
  readonly #useTimers: boolean;
  readonly #log: (line: string) => void;
  readonly #onEvent: (event: SchedulerEvent) => void;
  readonly #scan: (repository: ScheduledRepositoryConfig, context: ScanContext) => Promise<ScanResult>;
  #isStarted = false;
  #isStopped = false;

  constructor(options: SchedulerOptions) {
    const { config } = options;
    this.#store = options.store;
    this.#concurrency = config.concurrency;
    this.#now = options.now ?? (() => new Date());
    this.#useTimers = options.useTimers ?? true;
    this.#log = options.log ?? (() => {});
    this.#onEvent = options.onEvent ?? (() => {});
    this.#scan = options.scan ?? scanScheduledRepository;
    this.#context = {
      store: options.store,
      mirrorsDir: options.mirrorsDir,
      parserThreads: options.parserThreads ?? Math.max(1, Math.floor(defaultParserThreads() / config.concurrency)),
    };
    for (const repository of config.repositories) {
      const schedule = repository.schedule ?? config.schedule;
      const timezone = repository.timezone ?? config.timezone;
      const cron = new Cron(schedule, { mode: CRON_MODE, ...(timezone ? { timezone } : {}) });
      this.#entries.set(repository.name, { repository, schedule, timezone, cron, nextRunAt: undefined, state: 'idle' });
    }
  }

  /**
   * Reads the stored state, queues each repository whose stored next run is past (or that was
   * never run), and starts the timers.
   */
  start(): void {
    if (this.#isStarted) return;
    this.#isStarted = true;
    const stored = this.#store.scheduleState().all();
    const now = this.#now();
    for (const entry of this.#entries.values()) {
      entry.last = stored.get(entry.repository.name);
      entry.nextRunAt = entry.cron.nextRun(now) ?? undefined;
      const due = entry.last?.nextRunAt;
      if (entry.last?.startedAt === undefined || (due !== undefined && new Date(due) <= now)) this.#enqueue(entry, 'catch-up');
      if (this.#useTimers) {
        entry.timer = new Cron(
          entry.schedule,
          { mode: CRON_MODE, ...(entry.timezone ? { timezone: entry.timezone } : {}), catch: (error) => this.#log(`genai-debt: scheduler: ${describeFailure(error)}\n`) },
          () => this.#tick(entry, this.#now()),
        );
      }
    }
  }

  /**
   * Queues every repository whose next run is at or before `now` (without timers, the caller's
   * clock drives the schedule this way). Returns their names.
   */
  runDue(now: Date = this.#now()): string[] {
    const due: string[] = [];
    for (const entry of this.#entries.values()) {
      if (entry.nextRunAt !== undefined && entry.nextRunAt.getTime() <= now.getTime()) {
        due.push(entry.repository.name);
        this.#tick(entry, now);
      }
    }
    return due;
  }

  requestScan(name: string): ScanRequestResult {
    const entry = this.#entries.get(name);
    if (entry === undefined) return 'unknown';
    if (entry.state === 'running') return 'running';
    if (entry.state === 'queued') return 'already-queued';
    this.#enqueue(entry, 'request');
    return 'queued';
  }

  status(): RepositoryStatus[] {
    return [...this.#entries.values()].map((entry) => {
      const { repository, last } = entry;
      const status: RepositoryStatus = {
        name: repository.name,
        source: repository.url === undefined ? 'path' : 'url',
        location: repository.url === undefined ? repository.path! : redactUrl(repository.url),
        schedule: entry.schedule,
        state: entry.state,
      };
      if (repository.branch !== undefined) status.branch = repository.branch;
      if (repository.team !== undefined) status.team = repository.team;
      if (entry.timezone !== undefined) status.timezone = entry.timezone;
      if (entry.runningSince !== undefined) status.runningSince = entry.runningSince.toISOString();
      if (last?.startedAt !== undefined && last.finishedAt !== undefined && last.outcome !== undefined) {
        status.lastRun = {
          startedAt: last.startedAt,
          finishedAt: last.finishedAt,
          outcome: last.outcome,
          durationMs: last.durationMs ?? 0,
          ...(last.commit === undefined ? {} : { commit: last.commit }),
          ...(last.scanId === undefined ? {} : { scanId: last.scanId }),
          ...(last.error === undefined ? {} : { error: last.error }),
        };
      }
      if (entry.nextRunAt !== undefined) status.nextRunAt = entry.nextRunAt.toISOString();
      return status;
    });
  }

  /** Resolves once nothing is queued or running. */
  idle(): Promise<void> {
    if (this.#queue.length === 0 && this.#running.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  /** Stops the timers, drops what is queued, and waits for the runs in progress to finish and be stored. */
  async stop(): Promise<void> {
    this.#isStopped = true;
    for (const entry of this.#entries.values()) entry.timer?.stop();
    for (const entry of this.#queue.splice(0)) entry.state = 'idle';
    if (this.#running.size > 0) this.#log(`genai-debt: waiting for ${this.#running.size} scheduled scan${this.#running.size === 1 ? '' : 's'} to finish\n`);
    await Promise.all(this.#running);
  }

  #tick(entry: Entry, now: Date): void {
    entry.nextRunAt = entry.cron.nextRun(now) ?? undefined;
    if (entry.state !== 'idle') {
      this.#onEvent({ type: 'tick-skipped', repository: entry.repository.name, state: entry.state });
      return;
    }
    this.#enqueue(entry, 'schedule');
  }

  #enqueue(entry: Entry, reason: RunReason): void {
    if (this.#isStopped || entry.state !== 'idle') return;
    entry.state = 'queued';
    entry.reason = reason;
    this.#queue.push(entry);
    this.#onEvent({ type: 'queued', repository: entry.repository.name, reason });
    this.#pump();
  }

  #pump(): void {
    while (this.#running.size < this.#concurrency && this.#queue.length > 0) {
      const entry = this.#queue.shift()!;
      const run = this.#run(entry).finally(() => {
        this.#running.delete(run);
        this.#pump();
      });
      this.#running.add(run);
    }
    if (this.#queue.length === 0 && this.#running.size === 0) for (const resolve of this.#idleWaiters.splice(0)) resolve();
  }

  async #run(entry: Entry): Promise<void> {
    const name = entry.repository.name;
    const reason = entry.reason ?? 'schedule';
    const startedAt = this.#now();
    const clock = performance.now();
    entry.state = 'running';
    entry.runningSince = startedAt;
    this.#onEvent({ type: 'started', repository: name, reason });
    let result: ScanResult | undefined;
    let error: string | undefined;
    try {
      result = await this.#scan(entry.repository, this.#context);
    } catch (failure) {
      error = describeFailure(failure);
    }
    const durationMs = Math.round(performance.now() - clock);
    const outcome = result?.outcome ?? 'failed';
    const finishedAt = this.#now();
    const run: FinishedRun = {
      repository: name,
      schedule: entry.schedule,
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      outcome,
      durationMs,
      ...(result?.commit === undefined ? {} : { commit: result.commit }),
      ...(result?.scanId === undefined ? {} : { scanId: result.scanId }),
      ...(error === undefined ? {} : { error }),
      ...(entry.nextRunAt === undefined ? {} : { nextRunAt: entry.nextRunAt.toISOString() }),
    };
    try {
      this.#store.scheduleState().recordRun(run);
    } catch (storeError) {
      this.#log(`genai-debt: cannot store the run of ${name}: ${describeFailure(storeError)}\n`);
    }
    entry.last = run;
    entry.state = 'idle';
    delete entry.runningSince;
    this.#log(`genai-debt: ${describeRun(name, reason, durationMs, result, error)}\n`);
    this.#onEvent({ type: 'finished', repository: name, reason, outcome, durationMs, ...(result ? { result } : {}), ...(error === undefined ? {} : { error }) });
  }
}

function describeRun(name: string, reason: RunReason, durationMs: number, result: ScanResult | undefined, error: string | undefined): string {
  const why = reason === 'schedule' ? 'scheduled scan' : reason === 'catch-up' ? 'catch-up scan' : 'requested scan';
  const took = `${(durationMs / 1000).toFixed(1)} s`;
  if (result === undefined) return `${why} of ${name} failed after ${took}: ${error ?? 'unknown error'}`;
  const at = `${result.branch} at ${result.commit.slice(0, 12)}`;
  if (result.outcome === 'skipped') return `${why} of ${name}: ${at} is stored already, skipped (${took})`;
  return `${why} of ${name}: stored scan ${result.scanId} of ${at}, ${result.findings} finding${result.findings === 1 ? '' : 's'} (${took})`;
}

/** The mirrors folder: `mirrors` of the server config, else `mirrors/` beside the database. */
export function defaultMirrorsDir(databasePath: string, configured: string | undefined): string {
  return configured ?? join(databasePath === ':memory:' ? process.cwd() : join(databasePath, '..'), 'mirrors');
}
