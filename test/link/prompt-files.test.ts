import { describe, expect, it } from 'vitest';
import { loadBuiltInCatalog } from '../../src/catalog/load-catalog.js';
import { extractFile } from '../../src/extract/extract-file.js';
import { promptFileCandidates, promptFilePaths } from '../../src/link/prompt-files.js';
import type { ValueRef } from '../../src/model/facts.js';

const files = loadBuiltInCatalog().prompts.files;

/** The value of `instructions` in `openai.responses.create({ instructions: <expression> })` in src/agents/support.ts. */
function instructionsValue(expression: string, imports = ''): ValueRef {
  const facts = extractFile(
    'src/agents/support.ts',
    `import OpenAI from 'openai';\n${imports}\nconst openai = new OpenAI();\nexport const answer = async () => openai.responses.create({ model: 'gpt-4o', instructions: ${expression}, input: 'hi' });\n`,
  );
  const call = facts.calls.find((candidate) => candidate.calleeText === 'openai.responses.create')!;
  const options = call.args[0]!;
  if (options.kind !== 'object' || options.props.instructions?.kind !== 'value') throw new Error('no instructions value');
  return options.props.instructions.value;
}

const FS = "import { readFileSync } from 'node:fs';\nimport { readFile } from 'fs/promises';\nimport * as path from 'node:path';\nimport { fileURLToPath } from 'node:url';";

describe('promptFilePaths', () => {
  it.each([
    // From the reading file's folder: a path function whose first argument is not a literal (__dirname).
    ["readFileSync(path.join(__dirname, 'prompts', 'support.md'), 'utf8')", ['src/agents/prompts/support.md']],
    ["readFileSync(path.resolve(import.meta.dirname, '../prompts/support.prompt')).toString()", ['src/prompts/support.prompt']],
    // As written: from the repository root first, then from the reading file's folder.
    ["readFileSync('prompts/support.txt', 'utf8')", ['prompts/support.txt', 'src/agents/prompts/support.txt']],
    ["(await readFile(path.join('prompts', 'support.hbs'))).toString()", ['prompts/support.hbs', 'src/agents/prompts/support.hbs']],
    // A file URL next to the module, also through fileURLToPath.
    ["await readFile(new URL('./prompts/support.mustache', import.meta.url), 'utf8')", ['src/agents/prompts/support.mustache']],
    ["readFileSync(fileURLToPath(new URL('../prompts/support.jinja', import.meta.url)), 'utf8')", ['src/prompts/support.jinja']],
  ])('%s → %j', (expression, expected) => {
    expect(promptFilePaths(instructionsValue(expression, FS), 'src/agents/support.ts', files)).toEqual(expected);
  });

  it.each([
    // Not a prompt file: another extension, a path built at run time, outside the repository, not a read.
    "readFileSync(path.join(__dirname, 'glossary.json'), 'utf8')",
    "readFileSync(path.join(__dirname, `${process.env.LOCALE}.md`), 'utf8')",
    "readFileSync('../../../etc/motd.txt', 'utf8')",
    "path.join(__dirname, 'prompts', 'support.md')",
    "readFileSync(new URL('https://example.com/prompts/support.md'), 'utf8')",
  ])('%s → undefined', (expression) => {
    expect(promptFilePaths(instructionsValue(expression, FS), 'src/agents/support.ts', files)).toBeUndefined();
  });
});

describe('promptFileCandidates', () => {
  it('lists the paths read in call arguments and exports of files that import a reader module, sorted', () => {
    const facts = [
      extractFile('src/prompts.ts', `${FS}\nexport const TRIAGE = readFileSync(path.join(__dirname, 'triage.md'), 'utf8');`),
      extractFile('src/notes.ts', `import { load } from './store';\nexport const NOTE = load('notes.md');`),
      extractFile('src/agents/support.ts', `${FS}\nimport OpenAI from 'openai';\nconst openai = new OpenAI();\nexport const answer = () => openai.responses.create({ model: 'gpt-4o', instructions: readFileSync('prompts/support.txt', 'utf8'), input: 'hi' });`),
    ];
    expect(promptFileCandidates(facts, files)).toEqual(['prompts/support.txt', 'src/agents/prompts/support.txt', 'src/triage.md']);
  });
});
