import type { Catalog } from '../catalog/catalog-schema.js';

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A cheap test for "this file may matter": it names a catalog module (SDK, tracing library,
 * HTTP client) in quotes, or an LLM endpoint host. Files without it are parsed only when they
 * import a local module that does matter. Pure.
 */
export function genaiSignal(catalog: Catalog): RegExp {
  const modules = new Set<string>();
  for (const sdk of catalog.sdks) for (const module of sdk.modules) modules.add(module.replace(/\/\*$/, '/'));
  const tracing = catalog.tracing;
  for (const group of [tracing.wrappers, tracing.scopes, tracing.callbacks, tracing.setups]) {
    for (const entry of group) modules.add(entry.module);
  }
  const tools = catalog.tools;
  for (const group of [tools.factories, tools.methods, tools.classes, tools.holders]) for (const entry of group) modules.add(entry.module);
  for (const template of catalog.prompts.templates) modules.add(template.module);
  const quoted = [...modules]
    .sort()
    .map((module) => (module.endsWith('/') ? `${escape(module)}[^'"\`]*` : `${escape(module)}(?:/[^'"\`]*)?`));
  const hosts = [...new Set(catalog.http.endpoints.map((endpoint) => endpoint.host))].map(escape);
  // Only in an import position: the module names `ai`, `openai` or `ollama` are common strings.
  return new RegExp(`(?:\\bfrom|\\brequire\\(|\\bimport\\(?)\\s*['"\`](?:${quoted.join('|')})['"\`]|${hosts.join('|')}`);
}

const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]*|\.{1,2})['"]/g;

/** Relative module specifiers a file imports, found with a regular expression (no parse). */
export function relativeImports(text: string): string[] {
  const specifiers = new Set<string>();
  for (const match of text.matchAll(RELATIVE_IMPORT)) specifiers.add(match[1]!);
  return [...specifiers];
}
