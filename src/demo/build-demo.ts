import { join } from 'node:path';
import type { TrendPoint } from '../model/trend.js';
import { openBlobReader } from '../git/blob-reader.js';
import { createExtractionPool, defaultParserThreads } from '../scan/extraction-pool.js';
import { identifyRepository } from '../scan/repository-identity.js';
import { scanAndSave } from '../scan/scan-and-save.js';
import { loadScanSettings } from '../scan/scan-repository.js';
import { Store } from '../store/store.js';
import { buildDemoRepository, DEMO_BRANCH } from './build-demo-repository.js';
import { prepareDemoFolder } from './demo-folder.js';
import { DEMO_WEEKS_DIR, readDemoWeeks } from './demo-weeks.js';

/** What {@link buildDemo} needs. */
export interface BuildDemoOptions {
  /** The demo's data folder; emptied (when the demo made it) and rebuilt. */
  dir: string;
  /** Progress lines (each ends with a newline). */
  progress: (line: string) => void;
  /** The time of the last commit; default now. */
  now?: Date;
  /** The overlays; default the bundled `examples/demo/weeks`. */
  weeksDir?: string;
  /** Parser threads; default one per core but one. */
  workers?: number;
}

/** Where the demo put its repository and database, and the trend it stored. */
export interface DemoResult {
  repo: string;
  dbPath: string;
  repository: string;
  points: TrendPoint[];
}

/**
 * Builds the demo from scratch in `dir`: a git repository replaying the weekly overlays as
 * commits one week apart, then every commit scanned from git objects and stored in
 * `dir/genai-debt.db`, as `genai-debt history --save` would. Writes nothing outside `dir`.
 *
 * @throws DemoFolderError when `dir` exists and was not made by the demo
 */
export async function buildDemo(options: BuildDemoOptions): Promise<DemoResult> {
  const { dir, progress } = options;
  const weeks = readDemoWeeks(options.weeksDir ?? DEMO_WEEKS_DIR);
  prepareDemoFolder(dir);
  // Parser threads start while git builds the repository.
  const pool = createExtractionPool(options.workers ?? defaultParserThreads());
  try {
    const repo = join(dir, 'acme-helpdesk');
    const dbPath = join(dir, 'genai-debt.db');
    progress(`genai-debt: building the demo repository ${repo}: ${weeks.length} weekly commits of the acme helpdesk app\n`);
    const commits = await buildDemoRepository(repo, weeks, options.now ?? new Date());
    const identity = await identifyRepository(repo);
    const settings = loadScanSettings(repo);
    const store = Store.open(dbPath);
    const reader = openBlobReader(repo);
    try {
      for (const [index, { commit, time }] of commits.entries()) {
        const { report, saved } = await scanAndSave({
          root: repo,
          settings,
          pool,
          store,
          identity,
          commit: { repo, commit, subdir: '', reader },
          revision: { commit, time },
          branch: DEMO_BRANCH,
        });
        const { metrics } = report;
        progress(
          `genai-debt: [${index + 1}/${commits.length}] ${time.toISOString().slice(0, 10)} ${commit.slice(0, 8)} ${report.findings.length} findings (${saved.added} new, ${saved.fixed} fixed), ${metrics.llmCalls} LLM calls, ${metrics.largestToolSet} tools on the agent, largest prompt ${metrics.largestPromptTokens} tokens\n`,
        );
      }
      return { repo, dbPath, repository: identity.name, points: store.trend(identity.name, { branch: DEMO_BRANCH }) };
    } finally {
      await reader.close();
      store.close();
    }
  } finally {
    await pool.close();
  }
}
