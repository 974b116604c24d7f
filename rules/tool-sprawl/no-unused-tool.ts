import * as z from 'zod';
import { defineRule } from '../../src/rules/define-rule.js';

export default defineRule({
  id: 'no-unused-tool',
  category: 'tool-sprawl',
  defaultSeverity: 'warning',
  description: 'Disallow tools that are defined but never handed to a model or agent.',
  rationale:
    'An unused tool is dead code that still looks alive: it gets reviewed, copied and maintained. Delete it, or hand it to the agent that needs it.',
  effortMinutes: 10,
  options: z.strictObject({
    /**
     * Report even when some tool set could not be followed completely (then an "unused" tool may
     * sit in that set): off by default to avoid false reports.
     */
    reportWhenSetsIncomplete: z.boolean(),
  }),
  defaultOptions: { reportWhenSetsIncomplete: false },
  messages: {
    unused: 'Tool {{name}} is not handed to any model or agent; remove it or add it to a tool set.',
  },
  examples: {
    invalid: [
      `import { generateText, tool } from 'ai';
import { openai } from '@ai-sdk/openai';
import { z } from 'zod';
const getWeather = tool({ description: 'Get the current weather for a city.', inputSchema: z.object({ city: z.string() }), execute: async () => 'sunny' });
const getForecast = tool({ description: 'Get the weather forecast for the next five days.', inputSchema: z.object({ city: z.string() }), execute: async () => 'rain' });
export const answer = (prompt: string) => generateText({ model: openai('gpt-4o'), prompt, tools: { getWeather } });`,
    ],
    valid: [
      `import { generateText, tool } from 'ai';
import { openai } from '@ai-sdk/openai';
import { z } from 'zod';
const getWeather = tool({ description: 'Get the current weather for a city.', inputSchema: z.object({ city: z.string() }), execute: async () => 'sunny' });
const getForecast = tool({ description: 'Get the weather forecast for the next five days.', inputSchema: z.object({ city: z.string() }), execute: async () => 'rain' });
export const answer = (prompt: string) => generateText({ model: openai('gpt-4o'), prompt, tools: { getWeather, getForecast } });`,
    ],
  },
  check({ model, options, report }) {
    if (!options.reportWhenSetsIncomplete && model.toolSets.some((set) => !set.isComplete)) return;
    const used = new Set(model.toolSets.flatMap((set) => set.toolIds));
    for (const tool of model.tools) {
      // MCP tools are served to clients outside the repository.
      if (tool.kind === 'mcp' || used.has(tool.id)) continue;
      report({ messageId: 'unused', data: { name: tool.name ?? tool.variable ?? '(unnamed)' }, file: tool.file, line: tool.line, anchor: tool.id });
    }
  },
});
