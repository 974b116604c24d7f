import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUPPORT_BOT } from '../cli/cli-harness.js';
import { assertBuilt, BIN, cliEnvironment, type CliRun, makeHistoryDir, removeHistoryDirs } from '../history/history-harness.js';

const TOKEN = 'serve-command-test-token-42';

let scratch: string;
let serve: ChildProcess;
let serveOutput = '';
let serveExit: Promise<{ code: number | null; output: string }>;
let url: string;

/** Runs the built CLI with extra environment variables. */
function run(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: scratch, env: { ...cliEnvironment(join(scratch, 'home')), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  return new Promise((resolve) => child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr })));
}

beforeAll(async () => {
  assertBuilt();
  scratch = makeHistoryDir();
  writeFileSync(join(scratch, 'server.yaml'), `upload:\n  token: ${TOKEN}\n  maxBytes: 1000000\n`);
  serve = spawn(process.execPath, [BIN, 'serve', '--db', join(scratch, 'dashboard.db'), '--port', '0', '--config', join(scratch, 'server.yaml')], {
    cwd: scratch,
    env: cliEnvironment(join(scratch, 'home')),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  serve.stderr!.setEncoding('utf8');
  serveExit = new Promise((resolve) => serve.on('close', (code) => resolve({ code, output: serveOutput })));
  url = await new Promise<string>((resolve, reject) => {
    serve.stderr!.on('data', (text: string) => {
      serveOutput += text;
      const match = /dashboard at (http:\/\/\S+\/)/.exec(serveOutput);
      if (match) resolve(match[1]!);
    });
    serve.on('close', () => reject(new Error(`serve exited early:\n${serveOutput}`)));
  });
}, 60_000);

afterAll(() => {
  if (serve.exitCode === null) serve.kill('SIGKILL');
  removeHistoryDirs();
});

describe('genai-debt serve', () => {
  it('binds 127.0.0.1 by default and says uploads are accepted', () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(serveOutput).toContain(`(database ${join(scratch, 'dashboard.db')}; uploads accepted at POST /api/scans)`);
  });

  it('refuses a server config with a misspelt key, naming the key path', async () => {
    writeFileSync(join(scratch, 'bad.yaml'), 'upload:\n  maxBytes: -5\n  tokn: abc\n');
    const result = await run(['serve', '--db', join(scratch, 'other.db'), '--config', join(scratch, 'bad.yaml')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      `genai-debt: Invalid server config in ${join(scratch, 'bad.yaml')}:\n  upload.maxBytes: Too small: expected number to be >0\n  upload: Unrecognized key: "tokn"\n`,
    );
  });
});

describe('genai-debt serve with upload.tokenEnv', () => {
  it('exits 2 when the variable the config names is not set, instead of serving read-only by surprise', async () => {
    writeFileSync(join(scratch, 'token-env.yaml'), 'upload:\n  tokenEnv: DEBT_UPLOAD_TOKEN\n');
    const result = await run(['serve', '--db', join(scratch, 'other.db'), '--port', '0', '--config', join(scratch, 'token-env.yaml')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('genai-debt: upload.tokenEnv names DEBT_UPLOAD_TOKEN, but that environment variable is not set.\n');
  });
});

describe('genai-debt scan --upload', () => {
  it('sends the scan, which the dashboard then shows', async () => {
    const result = await run(['scan', SUPPORT_BOT, '--repo-name', 'acme/support-bot', '--upload', url, '--token-env', 'DEBT_TOKEN'], { DEBT_TOKEN: TOKEN });
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(new RegExp(`^genai-debt: uploaded scan 1 of acme/support-bot to ${url}scans/1: 1 new, 0 fixed\\n$`));
    const overview = await (await fetch(`${url}api/overview`)).json();
    expect(overview.repositories.map((repository: { name: string; findings: number }) => [repository.name, repository.findings])).toEqual([['acme/support-bot', 1]]);
  });

  it('exits 2 naming the URL and the server\u2019s reason when the token is wrong', async () => {
    const result = await run(['scan', SUPPORT_BOT, '--upload', url], { GENAI_DEBT_TOKEN: 'not-the-token' });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      `genai-debt: upload to ${url}api/scans failed: HTTP 401: Missing or wrong bearer token: send Authorization: Bearer <token> with the token the server is configured with.\n`,
    );
  });

  it('exits 2 naming the URL when nothing listens there', async () => {
    // A port that was free a moment ago: listened on, then closed.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const result = await run(['scan', SUPPORT_BOT, '--upload', `http://127.0.0.1:${port}`], { GENAI_DEBT_TOKEN: TOKEN });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`genai-debt: upload to http://127.0.0.1:${port}/api/scans failed: connect ECONNREFUSED 127.0.0.1:${port}\n`);
  });

  it('exits 2 when the token variable is not set', async () => {
    const result = await run(['scan', SUPPORT_BOT, '--upload', url, '--token-env', 'NO_SUCH_TOKEN']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('genai-debt: cannot upload: the environment variable NO_SUCH_TOKEN (--token-env) holds no token.\n');
  });
});

describe('stopping', () => {
  it('stops cleanly on SIGTERM with exit code 0', async () => {
    serve.kill('SIGTERM');
    const { code, output } = await serveExit;
    expect(code).toBe(0);
    expect(output).toMatch(/genai-debt: dashboard stopped\n$/);
  });
});
