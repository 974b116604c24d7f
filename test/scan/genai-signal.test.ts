import { describe, expect, it } from 'vitest';
import { loadBuiltInCatalog } from '../../src/catalog/load-catalog.js';
import { genaiSignal } from '../../src/scan/genai-signal.js';

const read = genaiSignal(loadBuiltInCatalog());

describe('genaiSignal', () => {
  it.each([
    ["import OpenAI from 'openai';", true],
    ['const { generateText } = require("ai");', true],
    ["const sdk = await import('@anthropic-ai/sdk');", true],
    ["const client = require ( 'openai' );", true],
    ["import { z } from 'zod';\nimport OpenAI from 'openai';", true],
    ["import { ChatOpenAI } from '@langchain/openai';", true],
    ["fetch('https://api.openai.com/v1/chat/completions', init);", true],
    ["const url = `https://openrouter.ai/api/v1/${path}`;\nconst response = await fetch(url, init);", true],
    ["import axios from 'axios';\nawait axios.post('https://api.anthropic.com/v1/messages', body);", true],
    // An endpoint's host reaches a model only through an HTTP client's call in the same file.
    ["// See https://api.openai.com/v1/chat/completions\nexport const OPENAI_BASE_URL = 'https://api.openai.com/v1';", false],
    ["const url = `https://openrouter.ai/api/v1/${path}`;\nconst response = await http.post(url, body);", false],
    // A catalog module matters only with one of the exports the catalogs read of it.
    ["import { ChatOpenAI, type ChatOpenAIFields } from '@langchain/openai';", true],
    ["import type { ChatOpenAIFields } from '@langchain/openai';", false],
    ["import { AgentInputItem, user } from '@openai/agents';", false],
    ["import { Agent } from '@openai/agents';", true],
    ["import { setTracingDisabled } from '@openai/agents-core';", true],
    // A client export can type a model that someone else made: a type-only import of it counts.
    ["import type { BaseChatModel } from '@langchain/core/language_models/chat_models';", true],
    ["import { type OpenAI } from 'openai';", true],
    // The link stage reads modules exactly as the catalog names them: subpaths are other modules.
    ["import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';", false],
    ["import { Agent } from '@openai/agents-core/sandbox';", false],
    ["import { zodFunction } from 'openai/helpers/zod';", true],
    ["import { Server } from '@modelcontextprotocol/sdk/server/index.js';", true],
    ["import { ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';", false],
    ["import { ChatTogetherAI } from '@langchain/community/chat_models/togetherai';", true],
    // A bare import binds nothing; a default import or namespace may hold any export.
    ["import 'openai/shims/node';", false],
    ["import 'openai';", false],
    ["import lc from '@langchain/core/tools';", true],
    // Modules whose every export the catalog reads: OpenTelemetry's tracers, eval frameworks without marked exports.
    ["import { SpanStatusCode } from '@opentelemetry/api';", true],
    ["import { evalite } from 'evalite';", true],
    ["import { initLogger } from 'braintrust';", false],
    ["import { Eval } from 'braintrust';", true],
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
