import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/catalog/catalog-schema.js';
import { loadBuiltInCatalog } from '../../src/catalog/load-catalog.js';
import type * as PoolModule from '../../src/scan/extraction-pool.js';
import type * as SourceModule from '../../src/scan/file-source.js';

// The compiled modules (`npm test` builds first): from TypeScript sources the pool extracts in-process.
const REPO_ROOT = join(import.meta.dirname, '../..');
const { createExtractionPool } = (await import(join(REPO_ROOT, 'dist/src/scan/extraction-pool.js'))) as typeof PoolModule;
const { diskSource } = (await import(join(REPO_ROOT, 'dist/src/scan/file-source.js'))) as typeof SourceModule;

const folder = mkdtempSync(join(tmpdir(), 'genai-debt-pool-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const text = `import { complete } from 'acme-llm';\nexport const answer = () => complete('Say hello');\n`;
writeFileSync(join(folder, 'answer.ts'), text);
const file = { path: 'answer.ts', absolutePath: join(folder, 'answer.ts'), size: text.length };

const builtIn = loadBuiltInCatalog();
const withAcme: Catalog = {
  ...builtIn,
  sdks: [{ id: 'acme', provider: 'acme', modules: ['acme-llm'], clients: [], functions: [{ export: 'complete', api: 'acme.complete', kind: 'generation' }], composers: [] }, ...builtIn.sdks],
};

describe('extraction on a parser thread', () => {
  it('uses the catalog of each request, also when it changes between requests to one thread', async () => {
    const pool = createExtractionPool(1);
    try {
      const calleesWith = async (catalog: Catalog) => {
        const { facts } = await pool.extract([file], { catalog, maxFileSize: 1_000_000, source: diskSource });
        return facts.flatMap((facts) => facts.calls.map((call) => call.calleeText));
      };
      // Only calls that mention a module of the catalog are kept: `acme-llm` is one only in `withAcme`.
      expect(await calleesWith(builtIn)).toEqual([]);
      expect(await calleesWith(withAcme)).toEqual(['complete']);
      expect(await calleesWith(withAcme)).toEqual(['complete']);
      expect(await calleesWith(builtIn)).toEqual([]);
    } finally {
      await pool.close();
    }
  });
});
