import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { commitFiles, createRepo, removeRepos } from '../git/git-fixture.js';
import { assertBuilt, HISTORY_TIMEOUT_MS, makeHistoryDir, readDatabase, removeHistoryDirs, runCliAsync } from './history-harness.js';

const lines = (...text: string[]) => `${text.join('\n')}\n`;
const ANSWER = lines(
  "import OpenAI from 'openai';",
  'const client = new OpenAI();',
  'export async function answer(question: string) {',
  "  return client.responses.create({ model: 'gpt-4o', input: question });",
  '}',
);

afterAll(() => {
  removeRepos();
  removeHistoryDirs();
});

describe('history of a subfolder of a repository', () => {
  let repo: string;
  let scratch: string;

  beforeAll(() => {
    assertBuilt();
    scratch = makeHistoryDir();
    repo = createRepo();
    const day = 86_400_000;
    const at = (daysAgo: number) => new Date(Date.now() - daysAgo * day).toISOString();
    // CODEOWNERS lives at the top level and names paths from there.
    commitFiles(
      repo,
      {
        '.github/CODEOWNERS': lines('/packages/bot/ @acme/bot', '/packages/web/ @acme/web'),
        'packages/bot/src/answer.ts': ANSWER,
        'packages/web/src/answer.ts': ANSWER,
      },
      at(15),
    );
    commitFiles(repo, { '.github/CODEOWNERS': lines('/packages/bot/src/ @acme/support', '/packages/web/ @acme/web') }, at(8));
    commitFiles(repo, { 'packages/bot/src/more.ts': ANSWER.replace('answer', 'more') }, at(1));
  }, HISTORY_TIMEOUT_MS);

  it('scans only the subfolder at each commit, with the owners CODEOWNERS gave it then', async () => {
    const dbPath = join(scratch, 'subfolder.db');
    const run = await runCliAsync(['history', join(repo, 'packages/bot'), '--since', '3w', '--every', '1w', '--save', '--db', dbPath], { home: scratch });
    expect(run.status, run.stderr).toBe(0);
    const rows = readDatabase(dbPath, (db) =>
      db
        .prepare(
          `SELECT scans.at AS at, findings.file AS file, findings.team AS team FROM findings JOIN scans ON scans.id = findings.scan_id
           WHERE findings.rule_id = 'no-untraced-llm-call' ORDER BY scans.at, findings.file`,
        )
        .all(),
    ) as { at: string; file: string; team: string }[];
    expect(rows.map(({ file, team }) => ({ file, team }))).toEqual([
      { file: 'src/answer.ts', team: '@acme/bot' },
      { file: 'src/answer.ts', team: '@acme/support' },
      { file: 'src/answer.ts', team: '@acme/support' },
      { file: 'src/more.ts', team: '@acme/support' },
    ]);
  }, HISTORY_TIMEOUT_MS);
});
