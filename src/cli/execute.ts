import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ConfigError } from '../config/config-error.js';
import { DiscoveryError } from '../discover/discover-files.js';
import { TOOL_VERSION } from '../package-root.js';
import { type FormatName, formatReport } from '../report/index.js';
import { ruleHelpUri } from '../rules/rule-help-uri.js';
import { createExtractionPool, defaultParserThreads } from '../scan/extraction-pool.js';
import { ExitCode } from './exit-codes.js';
import type { CliIo } from './io.js';

function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError('expected a positive integer');
  return number;
}

function shouldColor(io: CliIo, flag: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  if (io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR) return io.env.FORCE_COLOR !== '0';
  return io.isStdoutTty;
}

interface ScanFlags {
  format: FormatName;
  config?: string;
  outputFile?: string;
  color?: boolean;
  workers?: number;
  stats?: boolean;
  all?: boolean;
}

async function runScan(path: string, flags: ScanFlags, io: CliIo): Promise<number> {
  const started = process.hrtime.bigint();
  // Parser threads first, then the rest of the program: the parser loads while it does.
  const pool = createExtractionPool(flags.workers ?? defaultParserThreads());
  const showProgress = io.isStderrTty && !io.env.CI;
  let scanned;
  try {
    const { scanRepository } = await import('../scan/scan-repository.js');
    scanned = await scanRepository({
      root: path,
      configPath: flags.config === undefined ? undefined : resolve(io.cwd, flags.config),
      pool,
      shouldExtractAll: flags.all,
      onProgress: showProgress ? (done, total) => io.stderr(`\rgenai-debt: read ${done}/${total} files`) : undefined,
    });
  } finally {
    await pool.close();
  }
  const { stats, ...report } = scanned;
  if (showProgress) io.stderr('\r\u001b[2K');
  const output = formatReport(flags.format, report, { color: flags.outputFile ? false : shouldColor(io, flags.color) });
  if (flags.outputFile) writeFileSync(resolve(io.cwd, flags.outputFile), output);
  else io.stdout(output);
  if (flags.stats) {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const maxRssMb = process.resourceUsage().maxRSS / 1024;
    io.stderr(`${JSON.stringify({ stats: { ...stats, seconds: Math.round(seconds * 1000) / 1000, maxRssMb: Math.round(maxRssMb) } })}\n`);
  }
  return report.findings.some((finding) => finding.severity === 'error') ? ExitCode.findings : ExitCode.ok;
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
    .action(async (path: string, flags: ScanFlags) => {
      setExitCode(await runScan(resolve(io.cwd, path), flags, io));
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
    if (error instanceof ConfigError || error instanceof DiscoveryError) {
      io.stderr(`genai-debt: ${error.message}\n`);
      return ExitCode.error;
    }
    io.stderr(`genai-debt: unexpected error: ${(error as Error).message}\n${io.env.DEBUG ? `${(error as Error).stack}\n` : 'Run with DEBUG=1 for the stack trace, and please report it.\n'}`);
    return ExitCode.error;
  }
}
