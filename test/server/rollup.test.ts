import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Finding, ScanReport } from '../../src/model/report.js';
import { dayRange } from '../../src/server/series.js';
import { Store } from '../../src/store/store.js';
import { sampleReport } from '../report/sample-report.js';

const untraced = (file: string, effortMinutes: number): Finding => ({
  ruleId: 'no-untraced-llm-call',
  category: 'tracing',
  severity: 'warning',
  message: `Untraced LLM call in ${file}`,
  file,
  line: 1,
  column: 1,
  fingerprint: `fp-${file}`,
  contentFingerprint: `content-${file}`,
  anchorFingerprint: `anchor-${file}`,
  effortMinutes,
  team: '@acme/support',
});

/** A report whose debt is the given findings' effort. */
function reportWith(findings: Finding[]): ScanReport {
  const debtMinutes = findings.reduce((sum, finding) => sum + finding.effortMinutes, 0);
  return {
    ...sampleReport,
    findings,
    metrics: { ...sampleReport.metrics, debtMinutes, findings: { error: 0, warning: findings.length } },
    teamMetrics: { '@acme/support': { ...sampleReport.teamMetrics['@acme/support']!, debtMinutes } },
  };
}

function save(store: Store, repository: string, branch: string, day: string, minutes: number[]): void {
  const report = reportWith(minutes.map((effort, index) => untraced(`src/file-${index}.ts`, effort)));
  store.saveScan({ repository, kind: 'upload', branch, commitTime: `${day}T12:00:00.000Z`, configHash: 'c', rulesHash: 'r', report }, () => undefined);
}

/** Debt per day of the overview's tracing series, against what each repository's last main scan says. */
function tracingSeries(store: Store, days: string[]): number[] {
  const deltas = store.dashboard().portfolio(['debt:tracing']).get('debt:tracing') ?? [];
  return days.map((day) => deltas.filter((delta) => delta.day <= day).reduce((sum, delta) => sum + delta.delta, 0));
}

describe('the portfolio totals written with each scan', () => {
  it('stay right when a backfill stores scans out of order, a day is scanned twice, and other branches are scanned', () => {
    const store = Store.open(':memory:');
    try {
      save(store, 'acme/bot', 'main', '2026-01-05', [10, 20]);
      save(store, 'acme/bot', 'main', '2026-01-01', [10]); // backfilled before the first
      save(store, 'acme/bot', 'main', '2026-01-03', [10, 20, 30]); // between the two
      save(store, 'acme/bot', 'feature/x', '2026-01-04', [99]); // not the main branch: not counted
      save(store, 'acme/other', 'main', '2026-01-02', [5]);
      save(store, 'acme/other', 'main', '2026-01-02', [5, 7]); // later the same day: replaces it
      const days = dayRange('2026-01-01', '2026-01-06');
      expect(tracingSeries(store, days)).toEqual([10, 22, 72, 72, 42, 42]);
    } finally {
      store.close();
    }
  });

  it('move to main when a repository first scanned on another branch gets main scans', () => {
    const store = Store.open(':memory:');
    try {
      save(store, 'acme/bot', 'develop', '2026-01-01', [40]);
      save(store, 'acme/bot', 'develop', '2026-01-02', [40, 40]);
      expect(tracingSeries(store, ['2026-01-01', '2026-01-02'])).toEqual([40, 80]);
      save(store, 'acme/bot', 'main', '2026-01-03', [15]);
      expect(tracingSeries(store, ['2026-01-01', '2026-01-02', '2026-01-03'])).toEqual([0, 0, 15]);
      expect(store.dashboard().repositories('2026-01-01').map((row) => [row.name, row.branch, row.totals.debt])).toEqual([['acme/bot', 'main', 15]]);
    } finally {
      store.close();
    }
  });

  it('are rebuilt from the stored scans when a database written before them is opened', () => {
    const directory = mkdtempSync(join(tmpdir(), 'genai-debt-rollup-'));
    const path = join(directory, 'history.db');
    try {
      const store = Store.open(path);
      save(store, 'acme/bot', 'main', '2026-01-03', [10, 20]);
      save(store, 'acme/bot', 'main', '2026-01-01', [10]);
      store.close();
      const db = new Database(path);
      db.exec('DELETE FROM repo_days; DELETE FROM portfolio_deltas; UPDATE repos SET main_branch = NULL');
      db.close();
      const reopened = Store.open(path);
      expect(tracingSeries(reopened, ['2026-01-01', '2026-01-02', '2026-01-03'])).toEqual([10, 10, 30]);
      reopened.close();
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
