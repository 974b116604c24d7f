/**
 * `npm run screenshots`: the README's dashboard screenshots, from real data. Replays the demo app
 * and some test fixture projects as three git repositories whose files arrive (and some leave) week
 * by week, stores them with the built CLI's `history --save`, serves the dashboard on 127.0.0.1 and
 * photographs the overview and a repository page with headless Chromium (`CHROMIUM` or
 * /usr/bin/chromium) into docs/screenshots/.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createApp } from '../src/server/app.js';
import { Store } from '../src/store/store.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'dist/cli/bin.js');
const OUT = join(ROOT, 'docs/screenshots');
const WEEK_MS = 7 * 86_400_000;

/** One repository: its owners and, week by week, which fixture folders to copy in (or delete with `-`). */
interface Replay {
  name: string;
  codeowners: string;
  weeks: string[][];
}

const REPLAYS: Replay[] = [
  {
    name: 'acme/support-bot',
    codeowners: '/src/ @acme/support\n/evals/ @acme/support\n/src/agents/ @acme/agents\n',
    weeks: [
      ['examples/support-bot/package.json:package.json', 'examples/support-bot/src/lib:src/lib'],
      ['examples/support-bot/src/features/classify-ticket.ts:src/features/classify-ticket.ts'],
      ['examples/support-bot/src/features/summarize-thread.ts:src/features/summarize-thread.ts'],
      [],
      ['examples/support-bot/src/features/escalate.ts:src/features/escalate.ts'],
      ['test/fixtures/tools/ai-sdk-tools-object:src/agents/tools'],
      ['examples/support-bot/src/agents/triage-agent.ts:src/agents/triage-agent.ts'],
      ['test/fixtures/prompts/duplicated-copy:src/prompts'],
      [],
      ['examples/support-bot/evals:evals'],
      ['-src/prompts'],
      [],
    ],
  },
  {
    name: 'acme/tool-hub',
    codeowners: '* @acme/platform\n',
    weeks: [
      ['test/fixtures/sdks/openai:openai'],
      ['test/fixtures/sdks/anthropic:anthropic'],
      ['test/fixtures/tools/anthropic-tools:anthropic-tools'],
      ['test/fixtures/sdks/vercel-ai:vercel-ai'],
      ['test/fixtures/tools/ai-sdk-spread-across-modules:tools-spread'],
      [],
      ['test/fixtures/sdks/langchain:langchain'],
      ['test/fixtures/tools/incomplete-sets:incomplete-sets'],
      ['-anthropic'],
      ['test/fixtures/sdks/mastra:mastra'],
      [],
      ['-incomplete-sets'],
    ],
  },
  {
    name: 'acme/prompt-lab',
    codeowners: '* @acme/prompts\n',
    weeks: [
      [],
      [],
      ['test/fixtures/prompts/openai-messages:openai-messages'],
      ['test/fixtures/prompts/ai-sdk-system:ai-sdk-system'],
      ['test/fixtures/prompts/langchain-templates:langchain-templates'],
      ['test/fixtures/prompts/agents-instructions:agents-instructions'],
      ['test/fixtures/prompts/assembled-from-parts:assembled-from-parts'],
      ['test/fixtures/sdks/google-genai:google-genai'],
      ['-openai-messages'],
      [],
      ['test/fixtures/prompts/imported-constant:imported-constant'],
      ['-ai-sdk-system'],
    ],
  },
];

function git(repo: string, args: string[], date?: string): void {
  execFileSync('git', ['-c', 'user.name=Demo', '-c', 'user.email=demo@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd: repo,
    stdio: 'ignore',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) },
  });
}

/** Builds the repository in `repo`, one commit a week, the last one yesterday. */
function replay(repo: string, { codeowners, weeks }: Replay): void {
  mkdirSync(join(repo, '.github'), { recursive: true });
  git(repo, ['init', '-q', '-b', 'main']);
  writeFileSync(join(repo, '.github/CODEOWNERS'), codeowners);
  const last = Date.now() - 86_400_000;
  weeks.forEach((changes, index) => {
    for (const change of changes) {
      if (change.startsWith('-')) {
        rmSync(join(repo, change.slice(1)), { recursive: true, force: true });
        continue;
      }
      const [from, to] = change.split(':') as [string, string];
      mkdirSync(dirname(join(repo, to)), { recursive: true });
      cpSync(join(ROOT, from), join(repo, to), { recursive: true });
    }
    git(repo, ['add', '-A']);
    git(repo, ['commit', '-q', '--allow-empty', '-m', `week ${index + 1}`], new Date(last - (weeks.length - 1 - index) * WEEK_MS).toISOString());
  });
}

async function main(): Promise<number> {
  const scratch = mkdtempSync(join(tmpdir(), 'genai-debt-screenshots-'));
  try {
    const dbPath = join(scratch, 'dashboard.db');
    for (const repository of REPLAYS) {
      const repo = join(scratch, repository.name.replace('/', '-'));
      replay(repo, repository);
      execFileSync(process.execPath, [BIN, 'history', repo, '--since', '13w', '--every', '1w', '--save', '--db', dbPath, '--repo-name', repository.name], {
        stdio: ['ignore', 'ignore', 'inherit'],
        env: { ...process.env, HOME: scratch },
      });
    }
    const store = Store.open(dbPath);
    const app = createApp({ store });
    const server = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
      mkdirSync(OUT, { recursive: true });
      for (const [file, path] of [
        ['overview.png', '/'],
        ['repository.png', `/repos/${encodeURIComponent('acme/support-bot')}`],
      ] as const) {
        await page.goto(`${base}${path}`);
        await page.screenshot({ path: join(OUT, file), fullPage: true });
        process.stderr.write(`screenshots: ${join(OUT, file)}\n`);
      }
    } finally {
      await browser.close();
      server.closeAllConnections();
      server.close();
      store.close();
    }
    return 0;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

process.exitCode = await main();
