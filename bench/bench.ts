/**
 * `npm run bench -- <dir>... [--history <git work tree>]`, ratios measured in the same run (never
 * absolute times in tests), medians over `BENCH_RUNS` runs (default 3):
 *
 * - cold scan of genai-debt against ast-grep running eight LLM-call patterns over the same files.
 *   Several folders are joined into one tree of hard links so both tools see one root, and that
 *   tree is made a git repository (one commit, before any timing), so discovery works as in the
 *   repositories users scan: git lists the files and knows their blob ids. ast-grep is handed
 *   exactly the TypeScript and JavaScript files genai-debt's discovery picks in that tree (default
 *   config), test files included, since genai-debt reads them for tests of a real model. For
 *   comparison with the figures before it read test files, ast-grep also runs over the same files
 *   without the test files (`withoutTestFiles`);
 * - warm rescan: `scan --save` into a fresh database, then again unchanged, as warm / cold (the
 *   unchanged tree's whole result comes from the store; `warmReused` says so);
 * - with `--history`: `history --since <52 weeks before its newest commit> --every 1w --save` of
 *   that repository against a cold scan of its head (run once; it is long), and the bytes the
 *   backfill parsed against those the head's scan parsed: the share the extraction cache cannot
 *   save, because every version of a changed file must be parsed once.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import picomatch from 'picomatch';
import { configSchema } from '../src/config/config-schema.js';
import { discoverFiles } from '../src/discover/discover-files.js';
import { isSourceFile } from '../src/extract/languages.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'dist/cli/bin.js');
const AST_GREP = join(ROOT, 'node_modules/.bin/ast-grep');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

/** The peer's job: the eight most common LLM-call shapes, for each language ast-grep parses separately. */
const PATTERNS = [
  '$C.chat.completions.create($$$)',
  '$C.responses.create($$$)',
  '$C.messages.create($$$)',
  '$C.embeddings.create($$$)',
  'generateText($$$)',
  'streamText($$$)',
  '$M.invoke($$$)',
  'new OpenAI($$$)',
];
const LANGUAGES = ['TypeScript', 'Tsx', 'JavaScript'];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timed(command: string, args: string[]): { seconds: number; stderr: string; stdout: string; status: number | null } {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.error) throw result.error;
  return { seconds, stderr: result.stderr, stdout: result.stdout, status: result.status };
}

/** ast-grep's run of the LLM-call rules over `files`: its time and how many matches it printed. */
function astGrep(rules: string, files: string[]): { seconds: number; matches: number } {
  const grep = timed(AST_GREP, ['scan', '--rule', rules, '--json=stream', ...files]);
  if (grep.status !== 0 && grep.status !== 1) throw new Error(`ast-grep failed: ${grep.stderr}`);
  return { seconds: grep.seconds, matches: grep.stdout.split('\n').filter((row) => row.trim().length > 0).length };
}

function unionOf(dirs: string[], scratch: string): string {
  if (dirs.length === 1) return dirs[0]!;
  const union = join(scratch, 'union');
  for (const dir of dirs) {
    // Hard links: no copy of the bytes, and both tools see ordinary files under one root.
    const result = spawnSync('cp', ['-al', dir, join(union, basename(dir))], { encoding: 'utf8' });
    if (result.status !== 0) cpSync(dir, join(union, basename(dir)), { recursive: true });
  }
  // A git repository, as users' repositories are; nested `.git` folders of the copies would make
  // git see submodules, so they go.
  for (const dir of dirs) rmSync(join(union, basename(dir), '.git'), { recursive: true, force: true });
  const git = (...args: string[]) => {
    const run = spawnSync('git', ['-C', union, '-c', 'user.name=bench', '-c', 'user.email=bench@localhost', '-c', 'commit.gpgsign=false', ...args], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.status !== 0) throw new Error(`git ${args[0]} failed in ${union}: ${run.stderr}`);
  };
  git('init', '-q');
  git('add', '-A', '.');
  git('commit', '-q', '-m', 'bench union');
  return union;
}

function lastJsonLine(stderr: string): {
  stats: { files: number; bytes: number; extracted: number; cached: number; parsedBytes: number; reused?: boolean; maxRssMb: number };
} {
  return JSON.parse(stderr.trim().split('\n').at(-1) ?? '{}') as never;
}

/** 52 weekly commits back from the newest one: `--since` reaches from now to a year before it. */
function backfill(repo: string, scratch: string): Record<string, number> {
  const newest = spawnSync('git', ['-C', repo, 'log', '-1', '--format=%ct'], { encoding: 'utf8' });
  if (newest.status !== 0) throw new Error(`not a git work tree: ${repo}`);
  const days = Math.ceil((Date.now() / 1000 - Number(newest.stdout.trim())) / 86_400) + 52 * 7 - 1;
  const cold = timed(process.execPath, [BIN, 'scan', repo, '--format', 'json', '--stats']);
  if (cold.status === 2) throw new Error(`genai-debt scan failed: ${cold.stderr}`);
  const db = join(scratch, 'history.db');
  const history = timed(process.execPath, [BIN, 'history', repo, '--since', `${days}d`, '--every', '1w', '--save', '--db', db, '--format', 'json', '--stats']);
  if (history.status !== 0) throw new Error(`genai-debt history failed: ${history.stderr}`);
  const commits = (JSON.parse(history.stdout) as { points: unknown[] }).points.length;
  process.stderr.write(`history: ${commits} commits in ${history.seconds.toFixed(2)} s; cold scan of the head ${cold.seconds.toFixed(2)} s\n`);
  // The work the extraction cache cannot save: every distinct version of every parsed file.
  const headParsed = lastJsonLine(cold.stderr).stats.parsedBytes;
  const historyParsed = lastJsonLine(history.stderr).stats.parsedBytes;
  return {
    historyCommits: commits,
    historySeconds: Math.round(history.seconds * 100) / 100,
    headColdScanSeconds: Math.round(cold.seconds * 100) / 100,
    historyRatio: Math.round((history.seconds / cold.seconds) * 100) / 100,
    headParsedMegabytes: Math.round((headParsed / 1e6) * 10) / 10,
    historyParsedMegabytes: Math.round((historyParsed / 1e6) * 10) / 10,
    historyParsedRatio: Math.round((historyParsed / headParsed) * 100) / 100,
  };
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const historyAt = args.indexOf('--history');
  const historyRepo = historyAt >= 0 ? resolve(args[historyAt + 1] ?? '') : undefined;
  if (historyAt >= 0) args.splice(historyAt, 2);
  const dirs = args.map((dir) => resolve(dir));
  if (dirs.length === 0) {
    process.stderr.write('usage: npm run bench -- <dir>... [--history <git work tree>]   (folders of TypeScript/JavaScript repositories)\n');
    return 2;
  }
  for (const dir of dirs) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      process.stderr.write(`bench: not a folder: ${dir}\n`);
      return 2;
    }
  }
  const scratch = mkdtempSync(join(tmpdir(), 'genai-debt-bench-'));
  try {
    const root = unionOf(dirs, scratch);
    const rules = join(scratch, 'llm-calls.yml');
    writeFileSync(
      rules,
      LANGUAGES.flatMap((language) =>
        PATTERNS.map((pattern, index) => `id: llm-call-${language}-${index}\nlanguage: ${language}\nseverity: info\nmessage: LLM call\nrule:\n  pattern: '${pattern}'\n`),
      ).join('---\n'),
    );
    const defaults = configSchema.parse({});
    const isTestFile = picomatch(defaults.testFiles, { dot: true });
    const { files } = await discoverFiles(root, {
      isCandidate: isSourceFile,
      ignores: defaults.ignores,
      maxFileSize: defaults.maxFileSize,
      maxFiles: defaults.maxFiles,
    });
    const fileList = files.map((file) => join(root, file.path));
    const nonTestList = files.filter((file) => !isTestFile(file.path)).map((file) => join(root, file.path));
    const ours: number[] = [];
    const peer: number[] = [];
    const peerWithoutTests: number[] = [];
    const rss: number[] = [];
    let stats: { files: number; bytes: number; extracted: number } | undefined;
    let llmCalls = 0;
    let peerMatches = 0;
    const coldSaves: number[] = [];
    const warmSaves: number[] = [];
    let warmCached = 0;
    let warmReused = false;
    for (let run = 0; run < RUNS; run++) {
      const db = join(scratch, `run-${run}.db`);
      const coldSave = timed(process.execPath, [BIN, 'scan', root, '--format', 'json', '--save', '--db', db]);
      const warmSave = timed(process.execPath, [BIN, 'scan', root, '--format', 'json', '--save', '--db', db, '--stats']);
      if (coldSave.status === 2 || warmSave.status === 2) throw new Error(`genai-debt scan --save failed: ${coldSave.stderr}${warmSave.stderr}`);
      coldSaves.push(coldSave.seconds);
      warmSaves.push(warmSave.seconds);
      warmCached = lastJsonLine(warmSave.stderr).stats.cached;
      warmReused = lastJsonLine(warmSave.stderr).stats.reused === true;
      process.stderr.write(`run ${run + 1}/${RUNS}: scan --save cold ${coldSave.seconds.toFixed(2)} s, warm ${warmSave.seconds.toFixed(2)} s\n`);

      const scan = timed(process.execPath, [BIN, 'scan', root, '--format', 'json', '--stats']);
      if (scan.status === 2) throw new Error(`genai-debt scan failed: ${scan.stderr}`);
      const line = scan.stderr.trim().split('\n').at(-1) ?? '{}';
      const parsed = JSON.parse(line) as { stats: { files: number; bytes: number; extracted: number; maxRssMb: number } };
      stats = parsed.stats;
      rss.push(parsed.stats.maxRssMb);
      ours.push(scan.seconds);
      llmCalls = (JSON.parse(scan.stdout) as { inventory: { llmCalls: unknown[] } }).inventory.llmCalls.length;
      const grep = astGrep(rules, fileList);
      peer.push(grep.seconds);
      peerMatches = grep.matches;
      const grepWithoutTests = astGrep(rules, nonTestList);
      peerWithoutTests.push(grepWithoutTests.seconds);
      process.stderr.write(
        `run ${run + 1}/${RUNS}: genai-debt ${scan.seconds.toFixed(2)} s, ast-grep ${grep.seconds.toFixed(2)} s (without test files ${grepWithoutTests.seconds.toFixed(2)} s)\n`,
      );
    }
    const result = {
      folders: dirs,
      files: stats?.files,
      megabytes: Math.round(((stats?.bytes ?? 0) / 1e6) * 10) / 10,
      filesGivenToAstGrep: fileList.length,
      filesParsed: stats?.extracted,
      runs: RUNS,
      genaiDebtColdScanSeconds: Math.round(median(ours) * 100) / 100,
      astGrepSeconds: Math.round(median(peer) * 100) / 100,
      ratio: Math.round((median(ours) / median(peer)) * 100) / 100,
      // Each run's pair, measured back to back: the spread the machine's drift leaves.
      runRatios: ours.map((seconds, run) => Math.round((seconds / peer[run]!) * 100) / 100),
      withoutTestFiles: {
        filesGivenToAstGrep: nonTestList.length,
        astGrepSeconds: Math.round(median(peerWithoutTests) * 100) / 100,
        ratio: Math.round((median(ours) / median(peerWithoutTests)) * 100) / 100,
        runRatios: ours.map((seconds, run) => Math.round((seconds / peerWithoutTests[run]!) * 100) / 100),
      },
      peakRssMb: Math.max(...rss),
      llmCallsFound: llmCalls,
      astGrepMatches: peerMatches,
      coldSaveSeconds: Math.round(median(coldSaves) * 100) / 100,
      warmRescanSeconds: Math.round(median(warmSaves) * 100) / 100,
      warmFilesFromCache: warmCached,
      warmReused,
      warmRatio: Math.round((median(warmSaves) / median(coldSaves)) * 100) / 100,
      ...(historyRepo ? backfill(historyRepo, scratch) : {}),
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

process.exitCode = await main();
