import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInRules } from '../../rules/index.js';
import { renderRulesMarkdown } from '../../src/rules/render-rules-markdown.js';
import { findingsFor } from './rule-tester.js';

const RULES_DIR = join(import.meta.dirname, '../../rules');
const ruleFiles = readdirSync(RULES_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'catalog')
  .flatMap((dir) => readdirSync(join(RULES_DIR, dir.name)).map((file) => ({ category: dir.name, id: basename(file, '.ts') })));

describe('every rule file', () => {
  it('is registered in rules/index.ts, and every registered rule has a file', () => {
    expect(builtInRules.map((rule) => rule.id).sort()).toEqual(ruleFiles.map((file) => file.id).sort());
  });

  for (const { category, id } of ruleFiles) {
    describe(id, () => {
      const rule = builtInRules.find((candidate) => candidate.id === id);

      it('has its id as file name and its category as folder', () => {
        expect(rule?.id).toBe(id);
        expect(rule?.category).toBe(category);
      });

      it('has a description that starts with Disallow, Require, Limit or Enforce and ends with a period', () => {
        expect(rule?.description).toMatch(/^(Disallow|Require|Limit|Enforce) [^\n]+\.$/);
      });

      it('has a rationale, an effort estimate and default options its schema accepts', () => {
        expect(rule?.rationale.length).toBeGreaterThan(40);
        expect(rule?.effortMinutes).toBeGreaterThan(0);
        expect(rule?.options.safeParse(rule.defaultOptions).success).toBe(true);
      });

      it('has a test file', () => {
        expect(existsSync(join(import.meta.dirname, `${id}.test.ts`)), `missing test/rules/${id}.test.ts`).toBe(true);
      });

      it('has invalid examples that each yield exactly one finding', () => {
        expect(rule?.examples.invalid.length).toBeGreaterThan(0);
        for (const example of rule?.examples.invalid ?? []) {
          expect(findingsFor(rule!, example).map((finding) => finding.ruleId)).toEqual([id]);
        }
      });

      it('has valid examples that yield no finding', () => {
        expect(rule?.examples.valid.length).toBeGreaterThan(0);
        for (const example of rule?.examples.valid ?? []) {
          expect(findingsFor(rule!, example)).toEqual([]);
        }
      });
    });
  }
});

describe('docs/rules.md', () => {
  it('is up to date with the rules metadata (run npm run docs)', () => {
    const written = readFileSync(join(import.meta.dirname, '../../docs/rules.md'), 'utf8');
    expect(written).toBe(renderRulesMarkdown(builtInRules));
  });
});
