import { describe, expect, it } from 'vitest';
import { createModuleResolver, resolveModule } from '../../src/link/resolve-module.js';

const files = new Set(['src/llm.ts', 'src/agents/index.ts', 'src/agents/triage.tsx', 'lib/llm.mjs', 'lib/util/index.js', 'src/config.json']);

describe('resolveModule', () => {
  it('resolves relative imports as TypeScript and Node do', () => {
    expect(resolveModule('src/app.ts', './llm.js', files)).toBe('src/llm.ts');
    expect(resolveModule('src/app.ts', './llm', files)).toBe('src/llm.ts');
    expect(resolveModule('src/app.ts', './agents', files)).toBe('src/agents/index.ts');
    expect(resolveModule('src/agents/index.ts', './triage.jsx', files)).toBe('src/agents/triage.tsx');
    expect(resolveModule('src/agents/index.ts', '../../lib/llm.mjs', files)).toBe('lib/llm.mjs');
    expect(resolveModule('lib/llm.mjs', './util', files)).toBe('lib/util/index.js');
    expect(resolveModule('src/app.ts', './config.json', files)).toBe('src/config.json');
  });

  it('leaves package imports and missing files unresolved', () => {
    expect(resolveModule('src/app.ts', 'openai', files)).toBeUndefined();
    expect(resolveModule('src/app.ts', './missing', files)).toBeUndefined();
  });
});

describe('createModuleResolver', () => {
  it('answers as resolveModule does, for each importing folder', () => {
    const resolve = createModuleResolver(files);
    const cases: [string, string][] = [
      ['src/app.ts', './llm'],
      ['src/other.ts', './llm'],
      ['src/agents/index.ts', './llm'],
      ['lib/llm.mjs', './llm'],
      ['lib/llm.mjs', './util'],
      ['src/app.ts', './agents'],
      ['src/agents/index.ts', '../llm.js'],
      ['src/app.ts', 'openai'],
    ];
    // Twice: the second round is answered from memory and must not differ.
    for (let round = 0; round < 2; round++) {
      expect(cases.map(([from, specifier]) => resolve(from, specifier))).toEqual(cases.map(([from, specifier]) => resolveModule(from, specifier, files)));
    }
    expect(resolve('src/agents/index.ts', './llm')).toBeUndefined();
    expect(resolve('lib/llm.mjs', './llm')).toBe('lib/llm.mjs');
  });
});
