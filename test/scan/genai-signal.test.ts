import { describe, expect, it } from 'vitest';
import { loadBuiltInCatalog } from '../../src/catalog/load-catalog.js';
import { genaiSignal, relativeImports } from '../../src/scan/genai-signal.js';

const hasSignal = genaiSignal(loadBuiltInCatalog());

describe('genaiSignal', () => {
  it.each([
    ["import OpenAI from 'openai';", true],
    ['const { generateText } = require("ai");', true],
    ["const sdk = await import('@anthropic-ai/sdk');", true],
    ["import 'openai/shims/node';", true],
    ["import { ChatOpenAI } from '@langchain/openai';", true],
    ["fetch('https://api.openai.com/v1/chat/completions', init);", true],
    ["const url = `https://openrouter.ai/api/v1/${path}`;", true],
    // A tool or prompt module matters only with one of the exports the catalog reads.
    ["import { tool } from '@langchain/core/tools';", true],
    ["import { Serializable } from '@langchain/core/tools';", false],
    // Module names outside an import position are ordinary strings.
    ["const provider = 'openai';", false],
    ["import { ai } from './ai';", false],
    ["import OpenAI from 'openai-compatible-client';", false],
  ])('%s → %s', (text, expected) => {
    expect(hasSignal(text)).toBe(expected);
  });
});

describe('relativeImports', () => {
  it('lists each relative module once, from import, export, require and dynamic import', () => {
    const text = [
      "import { a } from './a.js';",
      "export * from '../b';",
      "const c = require('./c');",
      "const d = await import('./d');",
      "import './a.js';",
      "import { e } from 'e-package';",
    ].join('\n');
    expect(relativeImports(text)).toEqual(['./a.js', '../b', './c', './d']);
  });
});
