import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

const load = createRequire(import.meta.url);

/**
 * The `yaml` package's `parse` (with its line and column in errors), loaded on first use: most
 * commands read no YAML at all (no config file; the catalog ships compiled to JSON), and loading
 * the parser cost every start-up about 0.01 s.
 */
export function parseYaml(text: string): unknown {
  return (load('yaml') as typeof Yaml).parse(text);
}
