import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { identifyRepository } from '../../src/scan/repository-identity.js';
import { scanAndSave } from '../../src/scan/scan-and-save.js';
import { loadScanSettings } from '../../src/scan/scan-repository.js';
import { Store } from '../../src/store/store.js';
import { git, makeTempTree, removeTempTrees } from '../discover/temp-tree.js';

const SUMMARIZE = `import OpenAI from 'openai';
const openai = new OpenAI();
export const summarizeTicket = (text: string) => openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: text }] });
`;
const TRIAGE = `import Anthropic from '@anthropic-ai/sdk';
const anthropic = new Anthropic();
export const triageTicket = (text: string) => anthropic.messages.create({ model: 'claude-3-5-sonnet-latest', max_tokens: 200, messages: [{ role: 'user', content: text }] });
`;

const stores: Store[] = [];

afterEach(async () => {
  for (const store of stores.splice(0)) store.close();
  await removeTempTrees();
});

async function committedRepository(files: Record<string, string>): Promise<string> {
  const root = await makeTempTree(files);
  git(root, 'init', '-q');
  git(root, 'add', '.');
  git(root, 'commit', '-q', '-m', 'init');
  return root;
}

/** `scan --save` of the work tree, as the CLI runs it, into one store per test. */
async function saveScanOf(root: string, store: Store) {
  const identity = await identifyRepository(root);
  const { head } = identity;
  const { report } = await scanAndSave({
    root,
    settings: loadScanSettings(root),
    store,
    identity,
    revision: head && { commit: head.commit, time: head.time },
    branch: head?.branch,
    workers: 0,
  });
  return report;
}

function openStore(): Store {
  const store = Store.open(':memory:');
  stores.push(store);
  return store;
}

const withoutRunFields = ({ scannedAt: _scannedAt, stats: _stats, ...report }: { scannedAt: string; stats: unknown }) => report;

describe('the whole-result cache of scan --save', () => {
  it('reuses the stored report when nothing changed, equal to the scan that stored it', async () => {
    const root = await committedRepository({ 'src/summarize.ts': SUMMARIZE, 'src/triage.ts': TRIAGE });
    const store = openStore();
    const first = await saveScanOf(root, store);
    const second = await saveScanOf(root, store);
    expect(first.stats.reused).toBeUndefined();
    expect(first.stats.parsedBytes).toBe(Buffer.byteLength(SUMMARIZE) + Buffer.byteLength(TRIAGE));
    expect(second.stats).toEqual({ ...first.stats, cached: first.stats.extracted, parsedBytes: 0, reused: true });
    expect(JSON.stringify(withoutRunFields(second))).toBe(JSON.stringify(withoutRunFields(first)));
    expect(store.trend(second.root.split('/').at(-1)!).length).toBe(2);
  });

  it('scans again when a tracked file was modified on disk, and reports the change', async () => {
    const root = await committedRepository({ 'src/summarize.ts': SUMMARIZE, 'src/triage.ts': TRIAGE });
    const store = openStore();
    const first = await saveScanOf(root, store);
    await writeFile(join(root, 'src/triage.ts'), TRIAGE.replace('claude-3-5-sonnet-latest', 'claude-sonnet-4-5-20250929'));
    const second = await saveScanOf(root, store);
    expect(second.stats.reused).toBeUndefined();
    expect(second.inventory.llmCalls.map((call) => call.model)).toEqual(['gpt-4o', 'claude-sonnet-4-5-20250929']);
    expect(first.inventory.llmCalls.map((call) => call.model)).toEqual(['gpt-4o', 'claude-3-5-sonnet-latest']);
  });

  it('reuses the stored report while a prompt file the code reads is unchanged, and scans again once it changes', async () => {
    const answer = `import { readFileSync } from 'node:fs';
import OpenAI from 'openai';
const openai = new OpenAI();
const SYSTEM = readFileSync('prompts/system.md', 'utf8');
export const answerTicket = (text: string) => openai.responses.create({ model: 'gpt-4o', instructions: SYSTEM, input: text });
`;
    const root = await committedRepository({ 'src/answer.ts': answer, 'prompts/system.md': 'You answer bookshop tickets.\n' });
    const store = openStore();
    const first = await saveScanOf(root, store);
    const unchanged = await saveScanOf(root, store);
    await writeFile(join(root, 'prompts/system.md'), 'You answer bookshop tickets politely, in one short paragraph, and never promise refunds.\n');
    const changed = await saveScanOf(root, store);
    expect(unchanged.stats.reused).toBe(true);
    expect(changed.stats.reused).toBeUndefined();
    expect([first, unchanged, changed].map((report) => report.inventory.prompts.map(({ definedIn, characters }) => ({ definedIn, characters })))).toEqual([
      [{ definedIn: 'prompts/system.md', characters: 29 }],
      [{ definedIn: 'prompts/system.md', characters: 29 }],
      [{ definedIn: 'prompts/system.md', characters: 89 }],
    ]);
  });

  it('scans again when an untracked file appears', async () => {
    const root = await committedRepository({ 'src/summarize.ts': SUMMARIZE });
    const store = openStore();
    await saveScanOf(root, store);
    await writeFile(join(root, 'src/triage.ts'), TRIAGE);
    const second = await saveScanOf(root, store);
    expect(second.stats.reused).toBeUndefined();
    expect(second.inventory.llmCalls.map((call) => call.file)).toEqual(['src/summarize.ts', 'src/triage.ts']);
  });

  it('scans again when the config changed, even with every file unchanged', async () => {
    const root = await committedRepository({ 'src/summarize.ts': SUMMARIZE, 'src/triage.ts': TRIAGE });
    const store = openStore();
    const first = await saveScanOf(root, store);
    await writeFile(join(root, 'genai-debt.config.yaml'), "ignores: ['src/triage.ts']\n");
    const second = await saveScanOf(root, store);
    expect(second.stats.reused).toBeUndefined();
    expect(first.inventory.llmCalls).toHaveLength(2);
    expect(second.inventory.llmCalls.map((call) => call.file)).toEqual(['src/summarize.ts']);
  });

  it('scans again when CODEOWNERS changed, so findings carry the new owner', async () => {
    const root = await committedRepository({ 'src/summarize.ts': SUMMARIZE, CODEOWNERS: '* @acme/support\n' });
    const store = openStore();
    const first = await saveScanOf(root, store);
    await writeFile(join(root, 'CODEOWNERS'), '* @acme/platform\n');
    const second = await saveScanOf(root, store);
    expect(second.stats.reused).toBeUndefined();
    expect(first.owners).toEqual({ 'src/summarize.ts': '@acme/support' });
    expect(second.owners).toEqual({ 'src/summarize.ts': '@acme/platform' });
  });

  it('reuses the result of the scan just before, not an older one', async () => {
    const root = await committedRepository({ 'src/summarize.ts': SUMMARIZE });
    const store = openStore();
    await saveScanOf(root, store);
    await writeFile(join(root, 'src/triage.ts'), TRIAGE);
    await saveScanOf(root, store);
    const third = await saveScanOf(root, store);
    expect(third.stats.reused).toBe(true);
    expect(third.inventory.llmCalls).toHaveLength(2);
  });
});
