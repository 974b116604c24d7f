import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCatalog, writeCompiledCatalog } from '../../src/catalog/load-catalog.js';

describe('the compiled catalog', () => {
  let scratch: string | undefined;
  afterEach(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
    scratch = undefined;
  });
  const compiledPath = () => {
    scratch = mkdtempSync(join(tmpdir(), 'genai-debt-catalog-'));
    return join(scratch, 'catalog.json');
  };

  it('holds exactly what validating the YAML files gives', () => {
    const path = compiledPath();
    const fromYaml = loadCatalog(join(scratch!, 'missing.json'));
    writeCompiledCatalog(path);
    const written = JSON.parse(readFileSync(path, 'utf8')) as { catalog: unknown };
    expect(written.catalog).toStrictEqual(fromYaml);
    expect(loadCatalog(path)).toStrictEqual(fromYaml);
  });

  it('is ignored when the YAML files changed since it was written', () => {
    const path = compiledPath();
    writeCompiledCatalog(path);
    const written = JSON.parse(readFileSync(path, 'utf8')) as { fingerprint: string; catalog: { sdks: unknown[] } };
    writeFileSync(path, JSON.stringify({ fingerprint: `${written.fingerprint}-stale`, catalog: { ...written.catalog, sdks: [] } }));
    expect(loadCatalog(path).sdks.length).toBe(written.catalog.sdks.length);
  });
});
