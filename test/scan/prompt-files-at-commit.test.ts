import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBlobReader } from '../../src/git/blob-reader.js';
import { scanRepository } from '../../src/scan/scan-repository.js';
import { commitFiles, createRepo, removeRepos } from '../git/git-fixture.js';

const ANSWER = `import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import OpenAI from 'openai';
const openai = new OpenAI();
const SYSTEM = readFileSync(join(__dirname, 'system.md'), 'utf8');
export const answerTicket = (text: string) => openai.responses.create({ model: 'gpt-4o', instructions: SYSTEM, input: text });
`;

let repo: string;
let firstCommit: string;
let secondCommit: string;

beforeAll(() => {
  repo = createRepo();
  firstCommit = commitFiles(repo, { 'src/answer.ts': ANSWER, 'src/system.md': 'You answer bookshop tickets.\n' }, '2026-03-02T12:00:00Z');
  secondCommit = commitFiles(repo, { 'src/system.md': '# Bookshop support\n\nYou answer bookshop tickets in one short paragraph.\n' }, '2026-03-09T12:00:00Z');
});

afterAll(removeRepos);

describe('prompt files of a past commit', () => {
  it('reads each commit\'s own version of a prompt file from git objects, not the work tree', async () => {
    const reader = openBlobReader(repo);
    try {
      const promptsAt = async (commit: string) => {
        const report = await scanRepository({ root: repo, commit: { repo, commit, subdir: '', reader }, workers: 0 });
        return report.inventory.prompts.map(({ definedIn, characters, sections }) => ({ definedIn, characters, sections }));
      };
      expect(await promptsAt(firstCommit)).toEqual([{ definedIn: 'src/system.md', characters: 29, sections: 0 }]);
      expect(await promptsAt(secondCommit)).toEqual([{ definedIn: 'src/system.md', characters: 72, sections: 1 }]);
    } finally {
      await reader.close();
    }
  });
});
