import { describe, expect, it } from 'vitest';
import { loadBuiltInCatalog } from '../../src/catalog/load-catalog.js';
import { sdkForModule } from '../../src/link/resolve-value.js';

describe('sdkForModule', () => {
  const catalog = loadBuiltInCatalog();
  const sdkOf = (module: string) => sdkForModule(catalog, module)?.id;

  it('finds the SDK of a package, a subpath, a wildcard pattern and a repository file named like one', () => {
    expect(sdkOf('openai')).toBe('openai');
    expect(sdkOf('@anthropic-ai/sdk')).toBe('anthropic');
    expect(sdkOf('@langchain/community/chat_models/fireworks')).toBe(sdkOf('@langchain/community/chat_models/ollama'));
    expect(sdkOf('@langchain/community/chat_models/fireworks')).toBeDefined();
    expect(sdkOf('./openai.ts')).toBe('openai');
    expect(sdkOf('src/db/messages')).toBeUndefined();
    expect(sdkOf('openai-like')).toBeUndefined();
  });

  it('agrees with a plain search of the catalog, first SDK first, for every pattern and its variants', () => {
    const pathKey = (path: string) => path.replace(/^\.\//, '').replace(/\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/, '');
    const matches = (pattern: string, module: string) => (pattern.endsWith('/*') ? module.startsWith(pattern.slice(0, -1)) : pattern === module);
    const expected = (module: string) =>
      catalog.sdks.find((sdk) => sdk.modules.some((pattern) => matches(pattern, module) || pathKey(pattern) === pathKey(module)))?.id;
    const modules = catalog.sdks.flatMap((sdk) =>
      sdk.modules.flatMap((pattern) => {
        const bare = pattern.replace(/\/\*$/, '');
        return [pattern, bare, `${bare}/sub/path`, `./${bare}.ts`, `${bare}.js`, `${bare}x`];
      }),
    );
    expect(modules.length).toBeGreaterThan(50);
    expect(modules.map(sdkOf)).toEqual(modules.map(expected));
  });
});
