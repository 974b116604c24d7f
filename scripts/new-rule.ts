/**
 * `npm run new-rule -- <category> <rule-id>`: writes a rule skeleton, its test file, and
 * registers it in rules/index.ts. The meta-test then tells what is still missing.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CATEGORIES = ['tracing', 'tool-sprawl', 'prompts', 'evals', 'hygiene'];

function camelCase(id: string): string {
  return id.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

function main(argv: string[]): number {
  const [category, id] = argv;
  if (!category || !id || !CATEGORIES.includes(category) || !/^(max|no|require)-[a-z0-9-]+$/.test(id)) {
    process.stderr.write(`usage: npm run new-rule -- <${CATEGORIES.join('|')}> <max-…|no-…|require-… rule id>\n`);
    return 2;
  }
  const rulePath = join(ROOT, 'rules', category, `${id}.ts`);
  const testPath = join(ROOT, 'test', 'rules', `${id}.test.ts`);
  if (existsSync(rulePath) || existsSync(testPath)) {
    process.stderr.write(`new-rule: ${id} exists already\n`);
    return 2;
  }
  const name = camelCase(id);
  mkdirSync(join(ROOT, 'rules', category), { recursive: true });
  writeFileSync(
    rulePath,
    `import { z } from 'zod';
import { defineRule } from '../../src/rules/define-rule.js';

export default defineRule({
  id: '${id}',
  category: '${category}',
  defaultSeverity: 'warning',
  description: 'TODO: Disallow / Require / Limit / Enforce … in one sentence.',
  rationale: 'TODO: why this is debt, with a link to the provider guidance it follows.',
  effortMinutes: 30,
  options: z.strictObject({}),
  defaultOptions: {},
  messages: { todo: 'TODO: what is wrong and how to fix it ({{name}}).' },
  examples: { invalid: [], valid: [] },
  check({ model, report }) {
    void model;
    void report;
  },
});
`,
  );
  writeFileSync(
    testPath,
    `import { describe, expect, it } from 'vitest';
import rule from '../../rules/${category}/${id}.js';
import type { AnyRule } from '../../src/rules/define-rule.js';
import { findingsFor } from './rule-tester.js';

const ${name} = rule as unknown as AnyRule;

describe('${id}', () => {
  it.todo('reports …');
  it('does not report code without LLM calls', () => {
    expect(findingsFor(${name}, 'export const add = (a: number, b: number) => a + b;')).toEqual([]);
  });
});
`,
  );
  const indexPath = join(ROOT, 'rules', 'index.ts');
  const index = readFileSync(indexPath, 'utf8')
    .replace(/(import type \{ AnyRule \}[^\n]*\n)/, `$1import ${name} from './${category}/${id}.js';\n`)
    .replace(/\[([^\]]*)\] as unknown as AnyRule\[\]/, (_, list: string) => `[${list}, ${name}] as unknown as AnyRule[]`);
  writeFileSync(indexPath, index);
  process.stdout.write(`wrote ${rulePath}\nwrote ${testPath}\nregistered in rules/index.ts\nnow fill in the TODOs; npx vitest run test/rules shows what is missing\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
