import { describe, expect, it } from 'vitest';
import { loadBuiltInCatalog } from '../../src/catalog/load-catalog.js';
import { extractTypeScript } from '../../src/extract/extract-typescript.js';
import { linkRepository } from '../../src/link/link-repository.js';

const catalog = loadBuiltInCatalog();

function setupsOf(files: Record<string, string>) {
  const facts = Object.entries(files).map(([path, text]) => extractTypeScript(path, text));
  return linkRepository(facts, catalog, (text) => text.length).tracingSetups.map(({ id, file, line, mechanism }) => ({ id, file, line, mechanism }));
}

describe('tracing setups', () => {
  it('finds a setup called directly, through a namespace, and imported under another name', () => {
    expect(
      setupsOf({
        'src/direct.ts': "import { initialize } from '@traceloop/node-server-sdk';\ninitialize({ appName: 'support' });\n",
        'src/namespace.ts': "import * as traceloop from '@traceloop/node-server-sdk';\n\ntraceloop.initialize({ appName: 'support' });\n",
        'src/renamed.ts': "import { initialize as startTracing } from '@traceloop/node-server-sdk';\n\n\nstartTracing({ appName: 'support' });\n",
      }),
    ).toEqual([
      { id: 'traceloop', file: 'src/direct.ts', line: 2, mechanism: 'global-instrumentation' },
      { id: 'traceloop', file: 'src/namespace.ts', line: 3, mechanism: 'global-instrumentation' },
      { id: 'traceloop', file: 'src/renamed.ts', line: 4, mechanism: 'global-instrumentation' },
    ]);
  });

  it('ignores other calls of a setup module', () => {
    expect(setupsOf({ 'src/app.ts': "import { Agent, run } from '@openai/agents';\nconst agent = new Agent({ name: 'a', instructions: 'b' });\nawait run(agent, 'hi');\n" })).toEqual([]);
  });
});
