import { describe, expect, it } from 'vitest';
import { loadBuiltInCatalog } from '../../src/catalog/load-catalog.js';
import { genaiSignal } from '../../src/scan/genai-signal.js';

const read = genaiSignal(loadBuiltInCatalog());

describe('genaiSignal', () => {
  it.each([
    ["import OpenAI from 'openai';", true],
    ['const { generateText } = require("ai");', true],
    ["const sdk = await import('@anthropic-ai/sdk');", true],
    ["import 'openai/shims/node';", true],
    ["const client = require ( 'openai' );", true],
    ["import { z } from 'zod';\nimport OpenAI from 'openai';", true],
    ["import { ChatOpenAI } from '@langchain/openai';", true],
    ["fetch('https://api.openai.com/v1/chat/completions', init);", true],
    ["const url = `https://openrouter.ai/api/v1/${path}`;", true],
    // A tool or prompt module matters only with one of the exports the catalog reads.
    ["import { tool } from '@langchain/core/tools';", true],
    ["import { Serializable } from '@langchain/core/tools';", false],
    // … by name, as a namespace, through require or a re-export; not as a type, nor as a word in a comment.
    ["import { type StructuredToolInterface, tool as makeTool } from '@langchain/core/tools';", true],
    ["import * as tools from '@langchain/core/tools';", true],
    ["const { tool } = require('@langchain/core/tools');", true],
    ["export { tool } from '@langchain/core/tools';", true],
    ["import type { tool } from '@langchain/core/tools';", false],
    ["import { type tool } from '@langchain/core/tools';", false],
    ["// Wraps a tool.\nimport { StructuredToolInterface } from '@langchain/core/tools';", false],
    // A clause the expression cannot read counts: the parser decides.
    ["import {\n  // the factory\n  tool,\n} from '@langchain/core/tools';", true],
    // Module names outside an import position are ordinary strings.
    ["const provider = 'openai';", false],
    ["import { ai } from './ai';", false],
    ["import OpenAI from 'openai-compatible-client';", false],
  ])('%s → %s', (text, expected) => {
    expect(read(text).hasSignal).toBe(expected);
  });
});

describe('the relative imports genaiSignal reads', () => {
  it('lists each relative module of a file without a signal once, from import, export, require and dynamic import', () => {
    const text = [
      "import { a } from './a.js';",
      "export * from '../b';",
      "const c = require('./c');",
      "const d = await import('./d');",
      "import './a.js';",
      "import { e } from 'e-package';",
      'const f = await import(`./f`);',
      "import g from '..';",
    ].join('\n');
    expect(read(text)).toEqual({ hasSignal: false, relativeImports: ['./a.js', '../b', './c', './d', './f', '..'] });
  });

  it('lists none for a file with a signal: it is parsed, and its parse tells its imports', () => {
    expect(read("import { a } from './a.js';\nimport OpenAI from 'openai';")).toEqual({ hasSignal: true, relativeImports: [] });
  });
});
