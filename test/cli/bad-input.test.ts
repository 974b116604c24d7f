import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanReport } from '../../src/model/report.js';
import {
  assertBuilt,
  BIN,
  CLI_TIMEOUT_MS,
  makeSymlink,
  makeTempDir,
  makeTempTree,
  PACKAGE_VERSION,
  removeTempDirs,
  runCli,
  summarizeCalls,
  SUPPORT_BOT,
} from './cli-harness.js';

function scanJson(root: string): { status: number | null; report: ScanReport; stderr: string } {
  const result = runCli(['scan', root, '--format', 'json']);
  let report: ScanReport;
  try {
    report = JSON.parse(result.stdout) as ScanReport;
  } catch {
    throw new Error(`stdout is not JSON (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return { status: result.status, report, stderr: result.stderr };
}

/** First line of stderr, for commander's messages, which are followed by a usage hint. */
function firstLine(text: string): string {
  return text.split('\n')[0] ?? '';
}

const TRACED_CHAT = [
  "import OpenAI from 'openai';",
  "import { wrapOpenAI } from 'langsmith/wrappers';",
  '',
  'const openai = wrapOpenAI(new OpenAI());',
  '',
  'export async function chat(message: string) {',
  "  return openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: message }] });",
  '}',
  '',
].join('\n');

beforeAll(assertBuilt);
afterAll(removeTempDirs);

describe('genai-debt scan (built CLI) on files it cannot read as source', { timeout: CLI_TIMEOUT_MS }, () => {
  it('a binary file named x.ts becomes a binary-file diagnostic; exit 0', async () => {
    const root = await makeTempTree({
      'x.ts': new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, ...Buffer.from("import OpenAI from 'openai';")]),
    });

    const { status, report, stderr } = scanJson(root);

    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(report.diagnostics).toEqual([
      { code: 'binary-file', severity: 'info', message: 'Skipped x.ts: it contains NUL bytes, so it is binary, not source.', file: 'x.ts' },
    ]);
    expect(report.inventory.llmCalls).toEqual([]);
    expect(report.findings).toEqual([]);
  });

  it('a 5 MB minified single-line vendor-bundle.js becomes a file-too-large diagnostic; exit 0', async () => {
    const chunk = 'var a=function(b){return b+1};';
    let bundle = "import OpenAI from 'openai';new OpenAI().chat.completions.create({model:'gpt-4o'});";
    bundle += chunk.repeat(Math.ceil((5 * 1024 * 1024 - bundle.length) / chunk.length));
    const root = await makeTempTree({ 'vendor-bundle.js': bundle.slice(0, 5 * 1024 * 1024) });

    const { status, report } = scanJson(root);

    expect(status).toBe(0);
    expect(report.diagnostics).toEqual([
      {
        code: 'file-too-large',
        severity: 'warning',
        message:
          'Skipped vendor-bundle.js: 5.2 MB exceeds the 1 MB limit. Raise maxFileSize in genai-debt.config.yaml or add the file to ignores.',
        file: 'vendor-bundle.js',
      },
    ]);
    expect(report.inventory.llmCalls).toEqual([]);
    expect(report.metrics.filesScanned).toBe(0);
  });

  it('a minified single-line bundle under the size limit becomes a generated-or-minified diagnostic', async () => {
    const chunk = 'var a=function(b){return b+1};';
    const root = await makeTempTree({ 'app-bundle.js': `import OpenAI from 'openai';${chunk.repeat(10_000)}` });

    const { status, report } = scanJson(root);

    expect(status).toBe(0);
    expect(report.diagnostics).toEqual([
      {
        code: 'generated-or-minified',
        severity: 'info',
        message: 'Skipped app-bundle.js: it looks minified (300028 characters per line on average).',
        file: 'app-bundle.js',
      },
    ]);
    expect(report.inventory.llmCalls).toEqual([]);
  });

  const BROKEN = [
    "import OpenAI from 'openai';",
    '',
    'const openai = new OpenAI();',
    '',
    'export async function draftReply(ticket: string) {',
    '  const broken = {{ ;',
    "  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: ticket }] });",
    '}',
    '',
  ].join('\n');

  it('a file with syntax errors gets a parse-error diagnostic, and the call the parser recovered is still reported', async () => {
    const root = await makeTempTree({ 'src/broken.ts': BROKEN });

    const { status, report } = scanJson(root);

    expect(report.diagnostics).toEqual([
      {
        code: 'parse-error',
        severity: 'info',
        file: 'src/broken.ts',
        line: 6,
        message: expect.stringMatching(/^Syntax error at line 6: Property assignment expected\.+ Results for this file may be incomplete\.$/),
      },
    ]);
    expect(summarizeCalls(report)).toEqual([{ file: 'src/broken.ts', line: 7, api: 'openai.chat.completions.create', verdict: 'untraced' }]);
    expect(report.findings.map(({ ruleId, file, line, severity }) => ({ ruleId, file, line, severity }))).toEqual([
      { ruleId: 'no-untraced-llm-call', file: 'src/broken.ts', line: 7, severity: 'warning' },
      { ruleId: 'require-eval-suite', file: 'src/broken.ts', line: 7, severity: 'warning' },
      { ruleId: 'require-tracing-setup', file: 'src/broken.ts', line: 7, severity: 'error' },
    ]);
    // require-tracing-setup is an error: the only call is untraced and nothing sets tracing up.
    expect(status).toBe(1);
  });

  it('the parse-error message has a single full stop after the parser message', async () => {
    const root = await makeTempTree({ 'src/broken.ts': BROKEN });

    const { report } = scanJson(root);

    expect(report.diagnostics[0]?.message).toBe(
      'Syntax error at line 6: Property assignment expected. Results for this file may be incomplete.',
    );
  });

  it('a file that is not valid UTF-8 becomes a non-utf8 diagnostic; exit 0', async () => {
    const root = await makeTempTree({
      'src/latin1.ts': Buffer.concat([
        Buffer.from("import OpenAI from 'openai';\n// caf"),
        Buffer.from([0xe9, 0x20, 0xff, 0xfe]),
        Buffer.from('\nconst openai = new OpenAI();\n'),
      ]),
    });

    const { status, report } = scanJson(root);

    expect(status).toBe(0);
    expect(report.diagnostics).toEqual([
      {
        code: 'non-utf8',
        severity: 'warning',
        message: 'Skipped src/latin1.ts: it is not valid UTF-8, and genai-debt reads UTF-8 only.',
        file: 'src/latin1.ts',
      },
    ]);
  });

  it.skipIf(process.platform === 'win32')(
    'symlink loops and a directory symlink to its parent end the scan with diagnostics; exit 0',
    async () => {
      const root = await makeTempTree({ 'src/chat.ts': TRACED_CHAT });
      await makeSymlink(root, 'a', 'b');
      await makeSymlink(root, 'b', 'a');
      await makeSymlink(root, 'a.ts', 'b.ts');
      await makeSymlink(root, 'b.ts', 'a.ts');
      await makeSymlink(root, 'src/parent', '..');

      const { status, report, stderr } = scanJson(root);

      expect(status).toBe(0);
      expect(stderr).toBe('');
      // `a` and `b` are not source files, so they are skipped without a word.
      expect(report.diagnostics).toEqual([
        { code: 'symlink-loop', severity: 'warning', message: 'Skipped a.ts: it is part of a symlink loop.', file: 'a.ts' },
        { code: 'symlink-loop', severity: 'warning', message: 'Skipped b.ts: it is part of a symlink loop.', file: 'b.ts' },
        {
          code: 'symlink-loop',
          severity: 'warning',
          message: 'Skipped src/parent: it links to a directory that contains it, which would loop forever.',
          file: 'src/parent',
        },
      ]);
      // The rest of the tree is scanned once, not once per trip around the loop.
      expect(summarizeCalls(report)).toEqual([{ file: 'src/chat.ts', line: 7, api: 'openai.chat.completions.create', verdict: 'traced' }]);
      expect(report.metrics.filesScanned).toBe(1);
    },
  );
});

describe('genai-debt scan (built CLI) writing into a pipe its reader closed', { timeout: CLI_TIMEOUT_MS }, () => {
  it('stops quietly, without a stack trace, when the reader is gone before the report is written (`| head`)', async () => {
    const child = spawn(process.execPath, [BIN, 'scan', SUPPORT_BOT, '--format', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    // The reader goes away at once, long before the scan writes its report.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));

    expect(stderr).toBe('');
    expect(status).toBe(0);
  });
});

describe('genai-debt scan (built CLI) called the wrong way', { timeout: CLI_TIMEOUT_MS }, () => {
  it('a path that does not exist exits 2 and names the path, without a stack', async () => {
    const missing = join(await makeTempDir(), 'no-such-folder');

    const result = runCli(['scan', missing]);

    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`genai-debt: Path not found: ${missing}. Pass a directory to scan.\n`);
    expect(result.stderr).not.toContain('    at ');
  });

  it('with --save, a path that does not exist and a broken config each get their own message, and no database is created', async () => {
    const scratch = await makeTempDir();
    const db = join(scratch, 'history.db');
    const missing = join(scratch, 'no-such-folder');
    const broken = await makeTempTree({ 'genai-debt.config.yaml': 'rules: [\n', 'src/app.ts': TRACED_CHAT });

    const notFound = runCli(['scan', missing, '--save', '--db', db]);
    const badConfig = runCli(['scan', broken, '--save', '--db', db]);

    expect([notFound.status, notFound.stderr]).toEqual([2, `genai-debt: Path not found: ${missing}. Pass a directory to scan.\n`]);
    expect(badConfig.status).toBe(2);
    expect(firstLine(badConfig.stderr)).toMatch(/^genai-debt: Config file .*genai-debt\.config\.yaml is not valid YAML\/JSON: /);
    expect(existsSync(db)).toBe(false);
  });

  it('a relative path that does not exist is named as resolved against the working directory', async () => {
    const cwd = await makeTempDir();

    const result = runCli(['scan', 'srcc', '--format', 'json'], { cwd });

    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`genai-debt: Path not found: ${join(cwd, 'srcc')}. Pass a directory to scan.\n`);
  });

  it('a file passed instead of a folder exits 2 and says to pass its folder', () => {
    const file = join(SUPPORT_BOT, 'src/answer.ts');

    const result = runCli(['scan', file]);

    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `genai-debt: Not a directory: ${file}. Pass the directory that contains it; genai-debt scans whole directories.\n`,
    );
    expect(result.stderr).not.toContain('    at ');
  });

  it('--format xml exits 2 with commander\'s message listing the choices', () => {
    const result = runCli(['scan', SUPPORT_BOT, '--format', 'xml']);

    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      "error: option '-f, --format <format>' argument 'xml' is invalid. Allowed choices are text, json, sarif.\n(run with --help for usage)\n",
    );
  });

  it('--workers 0 exits 2 with the reason', () => {
    const result = runCli(['scan', SUPPORT_BOT, '--workers', '0']);

    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(firstLine(result.stderr)).toBe("error: option '--workers <count>' argument '0' is invalid. expected a positive integer");
  });

  it('an unknown option exits 2', () => {
    const result = runCli(['scan', SUPPORT_BOT, '--bogus']);

    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(firstLine(result.stderr)).toBe("error: unknown option '--bogus'");
  });

  it('an unknown command exits 2', () => {
    const result = runCli(['frobnicate']);

    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe("error: unknown command 'frobnicate'\n(run with --help for usage)\n");
  });

  it('no command at all prints the usage on stderr and exits 2', () => {
    const result = runCli([]);

    expect(result.stdout).toBe('');
    expect(firstLine(result.stderr)).toBe('Usage: genai-debt [options] [command]');
    expect(result.status).toBe(2);
  });

  it('--help and --version print to stdout and exit 0', () => {
    const help = runCli(['scan', '--help']);
    expect(help.status).toBe(0);
    expect(help.stderr).toBe('');
    expect(firstLine(help.stdout)).toBe('Usage: genai-debt scan [options] [path]');

    const version = runCli(['--version']);
    expect(version).toEqual({ status: 0, stdout: `${PACKAGE_VERSION}\n`, stderr: '' });
  });
});
