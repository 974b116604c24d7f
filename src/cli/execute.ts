import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ConfigError } from '../config/config-error.js';
import { assertDirectory, DiscoveryError } from '../discover/discover-files.js';
import { listGitFiles } from '../discover/list-git-files.js';
import { BASELINE_FILE_NAME, BaselineError } from '../gate/baseline-file.js';
import { TOOL_VERSION } from '../package-root.js';
import { type FormatName, formatReport } from '../report/index.js';
import { ruleHelpUri } from '../rules/rule-help-uri.js';
import { createExtractionPool, defaultParserThreads } from '../scan/extraction-pool.js';
import { GitError } from '../git/run-git.js';
import { parseDuration } from '../git/commits.js';
import type { RepositoryIdentity } from '../scan/repository-identity.js';
import type { ScanAndSaveOptions } from '../scan/scan-and-save.js';
import { StoreError } from '../store/store-error.js';
import { databasePath } from './database-path.js';
import { ExitCode } from './exit-codes.js';
import type { BaselineFlags, CheckFlags } from './gate-commands.js';
import type { HistoryFlags, TrendFlags } from './history-commands.js';
import { type CliIo, shouldColor } from './io.js';
import type { DemoFlags } from './demo-command.js';
import type { ServeFlags } from './serve-command.js';
import { UsageError } from './usage-error.js';

function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError('expected a positive integer');
  return number;
}

/** A commander argument parser for durations such as `52w`. */
function duration(value: string): number {
  try {
    return parseDuration(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

function portNumber(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > 65_535) throw new InvalidArgumentError('expected a port number from 0 to 65535');
  return number;
}

interface ScanFlags {
  format: FormatName;
  config?: string;
  outputFile?: string;
  color?: boolean;
  workers?: number;
  stats?: boolean;
  all?: boolean;
  save?: boolean;
  db?: string;
  repoName?: string;
  upload?: string;
  tokenEnv: string;
}

async function runScan(path: string, flags: ScanFlags, io: CliIo): Promise<number> {
  const started = process.hrtime.bigint();
  // Parser threads first, then the rest of the program: the parser loads while it does. With
  // --save an unchanged tree's whole result comes from the store and nothing is parsed, so the
  // threads start only when a file must be parsed.
  const pool = createExtractionPool(flags.workers ?? defaultParserThreads(), { isLazy: flags.save === true });
  // git lists the files, and with --save names the repository, while the rest of the program loads.
  const gitListing = listGitFiles(path);
  const identifying = flags.save ? import('../scan/repository-identity.js').then(({ identifyRepository }) => identifyRepository(path, flags.repoName)) : undefined;
  // Awaited after the config is read: a bad config is reported first, as without the head start.
  identifying?.catch(() => undefined);
  const showProgress = io.isStderrTty && !io.env.CI;
  const onProgress = showProgress ? (done: number, total: number) => io.stderr(`\rgenai-debt: read ${done}/${total} files`) : undefined;
  const configPath = flags.config === undefined ? undefined : resolve(io.cwd, flags.config);
  let scanned;
  let savedLine: string | undefined;
  try {
    const { loadScanSettings, scanRepository } = await import('../scan/scan-repository.js');
    // Set exactly with --save.
    if (identifying) {
      const settings = loadScanSettings(path, configPath);
      const saved = await saveWorkTreeScan(identifying, flags, io, { root: path, settings, pool, shouldExtractAll: flags.all, onProgress, gitListing });
      scanned = saved.report;
      savedLine = saved.line;
    } else {
      scanned = await scanRepository({ root: path, configPath, pool, shouldExtractAll: flags.all, onProgress, gitListing });
    }
  } finally {
    await pool.close();
  }
  const { stats, ...report } = scanned;
  if (showProgress) io.stderr('\r\u001b[2K');
  if (savedLine) io.stderr(savedLine);
  const output = formatReport(flags.format, report, { color: flags.outputFile ? false : shouldColor(io, flags.color) });
  if (flags.outputFile) writeFileSync(resolve(io.cwd, flags.outputFile), output);
  else io.stdout(output);
  if (flags.stats) {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const maxRssMb = process.resourceUsage().maxRSS / 1024;
    io.stderr(`${JSON.stringify({ stats: { ...stats, seconds: Math.round(seconds * 1000) / 1000, maxRssMb: Math.round(maxRssMb) } })}\n`);
  }
  if (flags.upload) {
    const { uploadScan } = await import('./upload-scan.js');
    const uploaded = await uploadScan(report, { path, url: flags.upload, tokenEnv: flags.tokenEnv, repoName: flags.repoName }, io);
    if (uploaded !== ExitCode.ok) return uploaded;
  }
  return report.findings.some((finding) => finding.severity === 'error') ? ExitCode.findings : ExitCode.ok;
}

async function saveWorkTreeScan(
  identifying: Promise<RepositoryIdentity>,
  flags: ScanFlags,
  io: CliIo,
  options: Pick<ScanAndSaveOptions, 'root' | 'settings' | 'pool' | 'shouldExtractAll' | 'onProgress' | 'gitListing'>,
) {
  // Loaded only here: the store loads the SQLite addon.
  const [{ scanAndSave }, { Store }] = await Promise.all([import('../scan/scan-and-save.js'), import('../store/store.js')]);
  const identity = await identifying;
  // Before the database is opened (and created): a mistyped path leaves nothing behind.
  await assertDirectory(resolve(options.root));
  const dbPath = databasePath(io, flags.db);
  const store = Store.open(dbPath);
  try {
    const { head } = identity;
    const { report, saved } = await scanAndSave({
      ...options,
      store,
      identity,
      revision: head && { commit: head.commit, time: head.time },
      branch: head?.branch,
    });
    const where = head ? ` (${head.branch ?? 'detached'} at ${head.commit.slice(0, 8)})` : '';
    const line = `genai-debt: saved scan ${saved.scanId} of ${identity.name}${where} to ${dbPath}: ${saved.added} new, ${saved.fixed} fixed, ${saved.unchanged} unchanged\n`;
    return { report, line };
  } finally {
    store.close();
  }
}

async function runRules(flags: { format: 'text' | 'json' }, io: CliIo): Promise<number> {
  const { builtInRules } = await import('../../rules/index.js');
  const rules = builtInRules.map((rule) => ({
    id: rule.id,
    category: rule.category,
    defaultSeverity: rule.defaultSeverity,
    effortMinutes: rule.effortMinutes,
    description: rule.description,
    rationale: rule.rationale,
    defaultOptions: rule.defaultOptions,
    helpUri: ruleHelpUri(rule.id),
  }));
  if (flags.format === 'json') {
    io.stdout(`${JSON.stringify(rules, null, 2)}\n`);
    return ExitCode.ok;
  }
  const blocks = rules.map(
    (rule) =>
      `${rule.id}  (${rule.category}, ${rule.defaultSeverity}, ~${rule.effortMinutes} min to fix)\n  ${rule.description}\n  Why: ${rule.rationale}\n  Options: ${JSON.stringify(rule.defaultOptions)}\n`,
  );
  io.stdout(`${blocks.join('\n')}`);
  return ExitCode.ok;
}

function buildProgram(io: CliIo, setExitCode: (code: number) => void): Command {
  const program = new Command('genai-debt')
    .description('Finds GenAI debt: untraced LLM calls, tool sprawl, oversized prompts, missing evals.')
    .version(TOOL_VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run with --help for usage)');

  program
    .command('scan')
    .description('Scan a folder and report its GenAI debt.')
    .argument('[path]', 'folder to scan', '.')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'))
    .option('-c, --config <file>', 'config file (default: genai-debt.config.yaml|.yml|.json in the scanned folder)')
    .option('-o, --output-file <file>', 'write the report to a file instead of stdout')
    .option('--color', 'force colours in the text report')
    .option('--no-color', 'no colours in the text report')
    .option('--workers <count>', 'extraction threads (default: one per core but one)', positiveInteger)
    .option('--all', 'parse every file, not only files with a GenAI signal')
    .option('--stats', 'print files, bytes, seconds and peak memory to stderr as JSON')
    .option('--save', 'store the scan in the history database (see --db)')
    .option('--db <file>', `history database (default: $GENAI_DEBT_DB, else ~/.genai-debt/genai-debt.db)`)
    .option('--repo-name <name>', 'name the repository is stored under (default: from the git remote, else the folder name)')
    .option('--upload <url>', 'also send the scan to the dashboard at this URL (POST /api/scans)')
    .option('--token-env <name>', 'environment variable holding the upload token', 'GENAI_DEBT_TOKEN')
    .action(async (path: string, flags: ScanFlags) => {
      setExitCode(await runScan(resolve(io.cwd, path), flags, io));
    });

  program
    .command('history')
    .description('Scan past commits straight from git objects (no checkout) and show, or store, their debt trend.')
    .argument('[path]', 'folder inside a git repository', '.')
    .option('--since <duration>', 'how far back to go, such as 52w, 90d or 12h', duration, parseDuration('52w'))
    .option('--every <duration>', 'one commit per this interval, such as 1w or 1d', duration, parseDuration('1w'))
    .option('--ref <ref>', 'branch, tag or commit whose first-parent history is scanned', 'HEAD')
    .option('--branch <name>', 'branch name the scans are stored under (default: the current branch for HEAD, else --ref)')
    .option('--save', 'store the scans in the history database; without it nothing is kept')
    .option('--db <file>', 'history database (default: $GENAI_DEBT_DB, else ~/.genai-debt/genai-debt.db)')
    .option('--repo-name <name>', 'name the repository is stored under (default: from the git remote, else the folder name)')
    .option('-c, --config <file>', 'config file (default: genai-debt.config.yaml|.yml|.json in the folder, read from the work tree)')
    .addOption(new Option('-f, --format <format>', 'output format of the trend').choices(['text', 'json']).default('text'))
    .option('--workers <count>', 'extraction threads (default: one per core but one)', positiveInteger)
    .option('--stats', 'print commits, files and bytes parsed, seconds and peak memory to stderr as JSON')
    .action(async (path: string, flags: HistoryFlags) => {
      const { runHistory } = await import('./history-commands.js');
      setExitCode(await runHistory(resolve(io.cwd, path), flags, io));
    });

  program
    .command('trend')
    .description('Show the stored debt trend of a repository, for all of it or one team.')
    .argument('[path]', 'folder of the repository (used to find its stored name)', '.')
    .option('--team <team>', 'only what this team owns (as in config teams or CODEOWNERS, e.g. @acme/payments)')
    .option('--branch <name>', 'only scans stored under this branch')
    .option('--db <file>', 'history database (default: $GENAI_DEBT_DB, else ~/.genai-debt/genai-debt.db)')
    .option('--repo-name <name>', 'stored name of the repository (default: from the git remote, else the folder name)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (path: string, flags: TrendFlags) => {
      const { runTrend } = await import('./history-commands.js');
      setExitCode(await runTrend(resolve(io.cwd, path), flags, io));
    });

  program
    .command('baseline')
    .description('Write the baseline file of known debt that `check` does not fail on; an existing one only shrinks.')
    .argument('[path]', 'folder to scan', '.')
    .option('--baseline-file <file>', `baseline file (default: ${BASELINE_FILE_NAME} in the scanned folder)`)
    .option('--force', 'also add the current new findings (accept them as known debt)')
    .option('-c, --config <file>', 'config file (default: genai-debt.config.yaml|.yml|.json in the scanned folder)')
    .option('--workers <count>', 'extraction threads (default: one per core but one)', positiveInteger)
    .action(async (path: string, flags: BaselineFlags) => {
      const { runBaseline } = await import('./gate-commands.js');
      setExitCode(await runBaseline(resolve(io.cwd, path), flags, io));
    });

  program
    .command('check')
    .description('Fail (exit 1) only for debt that is new: not in the baseline, the merge-base (--since) or the last stored scan (--stored).')
    .argument('[path]', 'folder to scan', '.')
    .option('--since <ref>', 'compare with the merge-base of HEAD and this ref (e.g. origin/main), scanned from git objects')
    .option('--stored [branch]', 'compare with the last stored scan of this branch (default: the remote default branch) in the history database')
    .option('--baseline-file <file>', `baseline file (default: ${BASELINE_FILE_NAME} in the scanned folder)`)
    .option('--frozen', 'also fail when the baseline lists debt that is gone (keeps it tight)')
    .addOption(new Option('--fail-on <severity>', 'lowest severity that fails').choices(['warning', 'error']).default('error'))
    .option('--exit-zero', 'exit 0 even when new debt is found (advisory runs); errors still exit 2')
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'github', 'gitlab', 'markdown', 'junit', 'sarif']).default('text'),
    )
    .option('-o, --output-file <file>', 'write the output to a file instead of stdout')
    .option('--color', 'force colours in the text output')
    .option('--no-color', 'no colours in the text output')
    .option('-c, --config <file>', 'config file (default: genai-debt.config.yaml|.yml|.json in the scanned folder); both sides use it')
    .option('--db <file>', 'history database for --stored (default: $GENAI_DEBT_DB, else ~/.genai-debt/genai-debt.db)')
    .option('--repo-name <name>', 'stored name of the repository for --stored (default: from the git remote, else the folder name)')
    .option('--workers <count>', 'extraction threads (default: one per core but one)', positiveInteger)
    .action(async (path: string, flags: CheckFlags) => {
      const { runCheck } = await import('./gate-commands.js');
      setExitCode(await runCheck(resolve(io.cwd, path), flags, io));
    });

  program
    .command('serve')
    .description('Serve the dashboard of the history database; read-only unless an upload token is configured.')
    .option('--db <file>', 'history database (default: $GENAI_DEBT_DB, else ~/.genai-debt/genai-debt.db)')
    .option('--port <port>', 'port to listen on (0: any free port)', portNumber, 4170)
    .option('--host <host>', 'address to bind; anything but loopback exposes the dashboard to the network', '127.0.0.1')
    .option('--config <file>', 'server config (YAML): upload token and body size limit')
    .action(async (flags: ServeFlags) => {
      const { runServe } = await import('./serve-command.js');
      setExitCode(await runServe(flags, io));
    });

  program
    .command('demo')
    .description('Build the bundled demo app as a git repository with weeks of history, store every week, and serve the dashboard.')
    .option('--dir <folder>', 'data folder of the demo, rebuilt on every run (default: ~/.genai-debt/demo)')
    .option('--port <port>', 'port of the dashboard (0: any free port)', portNumber, 4170)
    .option('--host <host>', 'address to bind; anything but loopback exposes the dashboard to the network', '127.0.0.1')
    .option('--no-serve', 'build and store the demo, then exit without serving the dashboard')
    .action(async (flags: DemoFlags) => {
      const { runDemo } = await import('./demo-command.js');
      setExitCode(await runDemo(flags, io));
    });

  program
    .command('rules')
    .description('List every rule with its description and rationale.')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (flags: { format: 'text' | 'json' }) => {
      setExitCode(await runRules(flags, io));
    });
  return program;
}

/**
 * Runs the command line and returns the exit code. Never calls `process.exit`; user mistakes
 * print one clear message without a stack trace.
 */
export async function execute(argv: string[], io: CliIo): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // `--help` and `--version` exit 0; help shown because no command was given is a usage error.
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.error;
    }
    const userErrors = [ConfigError, DiscoveryError, UsageError, GitError, StoreError, BaselineError];
    if (userErrors.some((kind) => error instanceof kind)) {
      io.stderr(`genai-debt: ${(error as Error).message}\n`);
      return ExitCode.error;
    }
    io.stderr(`genai-debt: unexpected error: ${(error as Error).message}\n${io.env.DEBUG ? `${(error as Error).stack}\n` : 'Run with DEBUG=1 for the stack trace, and please report it.\n'}`);
    return ExitCode.error;
  }
}
