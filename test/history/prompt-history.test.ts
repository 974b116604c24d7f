import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Prompt } from '../../src/model/repo-model.js';
import type { ScanReport } from '../../src/model/report.js';
import { Store } from '../../src/store/store.js';
import { sampleReport } from '../report/sample-report.js';

const scratch = mkdtempSync(join(tmpdir(), 'genai-debt-prompt-history-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function prompt(id: string, tokens: number): Prompt {
  return {
    file: 'src/agent.ts',
    line: 3,
    definedIn: 'src/agent.ts',
    role: 'system',
    usedBy: 'openai.responses.create',
    textHash: '0000000000000000',
    characters: tokens * 4,
    tokens,
    sections: 1,
    numberedRules: 0,
    variables: [],
    parts: 1,
    id,
  };
}

function reportWith(prompts: Prompt[]): ScanReport {
  return { ...sampleReport, inventory: { ...sampleReport.inventory, prompts } };
}

function save(store: Store, branch: string, day: string, prompts: Prompt[]): void {
  store.saveScan(
    { repository: 'bot', kind: 'commit', commit: day, branch, commitTime: `${day}T12:00:00.000Z`, configHash: 'c', rulesHash: 'r', report: reportWith(prompts) },
    () => undefined,
  );
}

describe('Store.promptHistory', () => {
  it('answers later times from what it read before plus the newer scans, and starts over when an earlier scan is stored', () => {
    const path = join(scratch, 'history.db');
    const store = Store.open(path);
    const sample = (day: string, tokens: number) => ({ at: `${day}T12:00:00.000Z`, tokens });
    save(store, 'main', '2026-01-01', [prompt('system', 100)]);
    save(store, 'main', '2026-01-08', [prompt('system', 120), prompt('triage', 40)]);
    save(store, 'other', '2026-01-09', [prompt('system', 999)]);
    expect(store.promptHistory('bot', 'main', '2026-01-10T00:00:00.000Z')).toEqual({
      system: [sample('2026-01-01', 100), sample('2026-01-08', 120)],
      triage: [sample('2026-01-08', 40)],
    });

    save(store, 'main', '2026-01-15', [prompt('system', 150)]);
    // The scan at exactly the time asked for before is not lost between the two reads.
    save(store, 'main', '2026-01-10', [prompt('triage', 45)]);
    const later = store.promptHistory('bot', 'main', '2026-01-20T00:00:00.000Z');
    expect(later).toEqual({
      system: [sample('2026-01-01', 100), sample('2026-01-08', 120), sample('2026-01-15', 150)],
      triage: [sample('2026-01-08', 40), sample('2026-01-10', 45)],
    });

    // Stored before the time last asked for: the next answer includes it, in time order.
    save(store, 'main', '2026-01-03', [prompt('system', 110)]);
    const afterBackfill = store.promptHistory('bot', 'main', '2026-01-21T00:00:00.000Z');
    expect(afterBackfill.system).toEqual([sample('2026-01-01', 100), sample('2026-01-03', 110), sample('2026-01-08', 120), sample('2026-01-15', 150)]);
    // An earlier time than the last one asked for is read afresh.
    expect(store.promptHistory('bot', 'main', '2026-01-05T00:00:00.000Z')).toEqual({ system: [sample('2026-01-01', 100), sample('2026-01-03', 110)] });
    store.close();

    const fresh = Store.open(path);
    expect(fresh.promptHistory('bot', 'main', '2026-01-21T00:00:00.000Z')).toEqual(afterBackfill);
    fresh.close();
  });

  it('starts over when another store (another process) saved an earlier scan meanwhile', () => {
    const path = join(scratch, 'two-stores.db');
    const reader = Store.open(path);
    const writer = Store.open(path);
    save(writer, 'main', '2026-02-01', [prompt('system', 100)]);
    expect(Object.keys(reader.promptHistory('bot', 'main', '2026-02-10T00:00:00.000Z'))).toEqual(['system']);
    save(writer, 'main', '2026-02-03', [prompt('triage', 30)]);
    save(writer, 'main', '2026-02-12', [prompt('system', 130)]);
    expect(reader.promptHistory('bot', 'main', '2026-02-20T00:00:00.000Z')).toEqual({
      system: [
        { at: '2026-02-01T12:00:00.000Z', tokens: 100 },
        { at: '2026-02-12T12:00:00.000Z', tokens: 130 },
      ],
      triage: [{ at: '2026-02-03T12:00:00.000Z', tokens: 30 }],
    });
    reader.close();
    writer.close();
  });
});
