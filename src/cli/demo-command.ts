import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { formatTrendText } from '../report/format-trend.js';
import { ExitCode } from './exit-codes.js';
import { UsageError } from './usage-error.js';
import type { CliIo } from './io.js';

export interface DemoFlags {
  dir?: string;
  port: number;
  host: string;
  /** commander's `--no-serve`: false when given. */
  serve: boolean;
}

/** The demo's data folder: `--dir`, else `~/.genai-debt/demo`. */
export function demoFolder(io: CliIo, flag: string | undefined): string {
  return flag ? resolve(io.cwd, flag) : join(io.env.HOME ?? homedir(), '.genai-debt', 'demo');
}

/**
 * `genai-debt demo`: rebuilds the bundled demo (a git repository of the acme helpdesk app with a
 * few weeks of history, backfilled into a database in the demo folder), prints its trend and
 * serves the dashboard of that database until SIGINT or SIGTERM (unless `--no-serve`).
 */
export async function runDemo(flags: DemoFlags, io: CliIo): Promise<number> {
  const started = Date.now();
  const dir = demoFolder(io, flags.dir);
  const demo = await import('../demo/build-demo.js');
  const { DemoFolderError } = await import('../demo/demo-folder.js');
  let result;
  try {
    result = await demo.buildDemo({ dir, progress: io.stderr });
  } catch (error) {
    if (error instanceof DemoFolderError) throw new UsageError(error.message);
    throw error;
  }
  io.stderr(`genai-debt: demo ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${result.points.length} scans of ${result.repository} in ${result.dbPath}\n`);
  io.stdout(formatTrendText(result.points, { repository: result.repository, branch: 'main' }));
  const nextSteps = (url?: string) =>
    [
      '',
      url ? `Open ${url} for the dashboard of ${result.repository}: its debt week by week, per team and per rule.` : `Serve the dashboard with: npx genai-debt serve --db ${result.dbPath}`,
      '',
      'Then try:',
      `  npx genai-debt scan ${result.repo}`,
      '      the findings of the latest week, file by file',
      `  npx genai-debt trend ${result.repo} --db ${result.dbPath} --team @acme/support`,
      '      the trend of what one team owns',
      '  npx genai-debt scan path/to/your/repo',
      '      your own repository (add --save to start its history)',
      '  npx genai-debt history path/to/your/repo --since 26w --save',
      '      its last half year from git, into ~/.genai-debt/genai-debt.db',
      '',
    ].join('\n');
  if (!flags.serve) {
    io.stdout(nextSteps());
    return ExitCode.ok;
  }
  const { runServe } = await import('./serve-command.js');
  // The demo's dashboard is read-only: an upload token in the environment is not offered to it.
  const readOnlyIo: CliIo = { ...io, env: { ...io.env, GENAI_DEBT_TOKEN: undefined } };
  return runServe({ db: result.dbPath, port: flags.port, host: flags.host, onListening: (url) => io.stdout(nextSteps(url)) }, readOnlyIo);
}
