/**
 * The store's schema, one migration per entry. `PRAGMA user_version` holds how many have run;
 * never edit an entry that has shipped: append a new one.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE repos (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
  );

  CREATE TABLE scans (
    id INTEGER PRIMARY KEY,
    repo_id INTEGER NOT NULL REFERENCES repos(id),
    -- worktree: files on disk; commit: a past commit read from git objects; upload: sent by a CI runner
    kind TEXT NOT NULL CHECK (kind IN ('worktree', 'commit', 'upload')),
    commit_id TEXT,
    branch TEXT,
    -- ISO 8601; the commit's time, or the scan's for a folder outside git. Scans are ordered by it.
    at TEXT NOT NULL,
    commit_time TEXT,
    scanned_at TEXT NOT NULL,
    tool_version TEXT NOT NULL,
    config_hash TEXT NOT NULL,
    rules_hash TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('complete', 'failed')),
    error TEXT,
    files INTEGER NOT NULL DEFAULT 0,
    diagnostics INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX scans_in_order ON scans (repo_id, branch, at, id);
  CREATE UNIQUE INDEX scans_of_a_commit_once ON scans (repo_id, commit_id, config_hash, rules_hash)
    WHERE kind = 'commit' AND status = 'complete';

  -- The debt of each scan. state: new (not in the previous scan of the branch) or unchanged.
  CREATE TABLE findings (
    scan_id INTEGER NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
    fingerprint TEXT NOT NULL,
    anchor_fingerprint TEXT NOT NULL,
    rule_id TEXT NOT NULL,
    category TEXT NOT NULL,
    severity TEXT NOT NULL,
    message TEXT NOT NULL,
    file TEXT NOT NULL,
    line INTEGER NOT NULL,
    col INTEGER NOT NULL,
    effort_minutes INTEGER NOT NULL,
    team TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('new', 'unchanged')),
    PRIMARY KEY (scan_id, fingerprint)
  ) WITHOUT ROWID;
  CREATE INDEX findings_by_team ON findings (team, scan_id);

  -- Findings of the previous scan of the branch that this scan no longer has.
  CREATE TABLE fixed_findings (
    scan_id INTEGER NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
    fingerprint TEXT NOT NULL,
    rule_id TEXT NOT NULL,
    category TEXT NOT NULL,
    severity TEXT NOT NULL,
    message TEXT NOT NULL,
    file TEXT NOT NULL,
    line INTEGER NOT NULL,
    effort_minutes INTEGER NOT NULL,
    team TEXT NOT NULL,
    PRIMARY KEY (scan_id, fingerprint)
  ) WITHOUT ROWID;

  CREATE TABLE scan_metrics (
    scan_id INTEGER NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    value REAL NOT NULL,
    PRIMARY KEY (scan_id, name)
  ) WITHOUT ROWID;

  CREATE TABLE team_metrics (
    scan_id INTEGER NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
    team TEXT NOT NULL,
    name TEXT NOT NULL,
    value REAL NOT NULL,
    PRIMARY KEY (scan_id, team, name)
  ) WITHOUT ROWID;

  CREATE TABLE prompt_sizes (
    scan_id INTEGER NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
    prompt_id TEXT NOT NULL,
    file TEXT NOT NULL,
    line INTEGER NOT NULL,
    name TEXT,
    role TEXT NOT NULL,
    team TEXT NOT NULL,
    tokens INTEGER NOT NULL,
    characters INTEGER NOT NULL,
    sections INTEGER NOT NULL,
    PRIMARY KEY (scan_id, prompt_id)
  ) WITHOUT ROWID;

  CREATE TABLE tool_set_sizes (
    scan_id INTEGER NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
    tool_set_id TEXT NOT NULL,
    file TEXT NOT NULL,
    line INTEGER NOT NULL,
    holder TEXT NOT NULL,
    team TEXT NOT NULL,
    tools INTEGER NOT NULL,
    is_complete INTEGER NOT NULL,
    PRIMARY KEY (scan_id, tool_set_id)
  ) WITHOUT ROWID;

  -- Facts of one file (path + content + extractor version + catalog), as JSON.
  CREATE TABLE extraction_cache (
    key TEXT PRIMARY KEY,
    entry TEXT NOT NULL
  ) WITHOUT ROWID;
  `,
  `
  -- The fingerprint with the rule's content discriminator (a call's token hash), matched first.
  ALTER TABLE findings ADD COLUMN content_fingerprint TEXT;
  `,
  `
  -- The dashboard's pre-aggregated totals, written with each scan (src/store/rollup.ts), so no
  -- page reads the findings of every scan. main_branch: the branch the dashboard shows ('' outside git).
  ALTER TABLE repos ADD COLUMN main_branch TEXT;

  -- The last scan of each UTC day per repository and branch ('' outside git), with its totals as
  -- JSON (series name -> number).
  CREATE TABLE repo_days (
    repo_id INTEGER NOT NULL REFERENCES repos(id),
    branch TEXT NOT NULL,
    day TEXT NOT NULL,
    at TEXT NOT NULL,
    scan_id INTEGER NOT NULL REFERENCES scans(id) ON DELETE CASCADE,
    totals TEXT NOT NULL,
    PRIMARY KEY (repo_id, branch, day)
  ) WITHOUT ROWID;

  -- How each series summed over the main branches of all repositories changes on each day: its
  -- value on a day is the sum of its deltas up to that day (a repository counts with its last scan).
  CREATE TABLE portfolio_deltas (
    series TEXT NOT NULL,
    day TEXT NOT NULL,
    delta REAL NOT NULL,
    PRIMARY KEY (series, day)
  ) WITHOUT ROWID;

  CREATE INDEX fixed_findings_by_team ON fixed_findings (team, scan_id);
  `,
  `
  -- The scheduler of genai-debt serve (src/scheduler): per configured repository, how its last run
  -- went and when the next one is due, so a restarted server catches up once instead of never or
  -- for every missed tick. outcome: ok (scanned and stored), skipped (the head was stored before),
  -- failed (error holds the message). next_run_at: the scheduled run not yet done (ISO 8601).
  CREATE TABLE schedule_state (
    repository TEXT PRIMARY KEY,
    schedule TEXT NOT NULL,
    started_at TEXT,
    finished_at TEXT,
    outcome TEXT CHECK (outcome IN ('ok', 'skipped', 'failed')),
    error TEXT,
    duration_ms INTEGER,
    commit_id TEXT,
    scan_id INTEGER,
    next_run_at TEXT
  ) WITHOUT ROWID;
  `,
  `
  -- The last whole scan result of each repository (src/scan/result-cache.ts): its key hashes the
  -- settings, owners, prompt history and every file's path and blob id, so an unchanged rescan
  -- reuses the report (JSON, without scan time and root) instead of parsing, linking and running
  -- rules again. One row per repository, replaced by its next scan.
  CREATE TABLE scan_results (
    repository TEXT PRIMARY KEY,
    key TEXT NOT NULL,
    result TEXT NOT NULL
  ) WITHOUT ROWID;
  `,
];
