import type Database from 'better-sqlite3';

/** How a scheduled run of a repository ended. */
export type RunOutcome = 'ok' | 'skipped' | 'failed';

/** The stored state of one scheduled repository (`schedule_state`). */
export interface ScheduleStateRow {
  repository: string;
  /** The cron expression the row was written under. */
  schedule: string;
  /** ISO 8601 times of the last run; undefined before the first one. */
  startedAt?: string;
  finishedAt?: string;
  outcome?: RunOutcome;
  /** The last run's error in words (outcome `failed`). */
  error?: string;
  durationMs?: number;
  /** The branch head the last run looked at, and the scan it stored (outcome `ok`). */
  commit?: string;
  scanId?: number;
  /** The scheduled run not yet done; in the past after a downtime, so the server catches up once. */
  nextRunAt?: string;
}

/** A finished run, as {@link ScheduleState.recordRun} stores it. */
export type FinishedRun = ScheduleStateRow & Required<Pick<ScheduleStateRow, 'startedAt' | 'finishedAt' | 'outcome' | 'durationMs'>>;

interface Row {
  repository: string;
  schedule: string;
  started_at: string | null;
  finished_at: string | null;
  outcome: RunOutcome | null;
  error: string | null;
  duration_ms: number | null;
  commit_id: string | null;
  scan_id: number | null;
  next_run_at: string | null;
}

/** The scheduler's state table: one row per repository, written after each run (prepared statements). */
export class ScheduleState {
  readonly #all: Database.Statement<[], Row>;
  readonly #record: Database.Statement;

  constructor(db: Database.Database) {
    this.#all = db.prepare('SELECT * FROM schedule_state ORDER BY repository');
    this.#record = db.prepare(
      `INSERT INTO schedule_state (repository, schedule, started_at, finished_at, outcome, error, duration_ms, commit_id, scan_id, next_run_at)
       VALUES (@repository, @schedule, @startedAt, @finishedAt, @outcome, @error, @durationMs, @commit, @scanId, @nextRunAt)
       ON CONFLICT (repository) DO UPDATE SET schedule = excluded.schedule, started_at = excluded.started_at,
         finished_at = excluded.finished_at, outcome = excluded.outcome, error = excluded.error,
         duration_ms = excluded.duration_ms, commit_id = excluded.commit_id, scan_id = excluded.scan_id,
         next_run_at = excluded.next_run_at`,
    );
  }

  /** Every stored row, by repository name. */
  all(): Map<string, ScheduleStateRow> {
    return new Map(this.#all.all().map((row) => [row.repository, fromRow(row)]));
  }

  /** Stores a finished run and the next one due, replacing the repository's previous run. */
  recordRun(run: FinishedRun): void {
    this.#record.run({
      repository: run.repository,
      schedule: run.schedule,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      outcome: run.outcome,
      error: run.error ?? null,
      durationMs: run.durationMs,
      commit: run.commit ?? null,
      scanId: run.scanId ?? null,
      nextRunAt: run.nextRunAt ?? null,
    });
  }
}

function fromRow(row: Row): ScheduleStateRow {
  const state: ScheduleStateRow = { repository: row.repository, schedule: row.schedule };
  if (row.started_at !== null) state.startedAt = row.started_at;
  if (row.finished_at !== null) state.finishedAt = row.finished_at;
  if (row.outcome !== null) state.outcome = row.outcome;
  if (row.error !== null) state.error = row.error;
  if (row.duration_ms !== null) state.durationMs = row.duration_ms;
  if (row.commit_id !== null) state.commit = row.commit_id;
  if (row.scan_id !== null) state.scanId = row.scan_id;
  if (row.next_run_at !== null) state.nextRunAt = row.next_run_at;
  return state;
}
