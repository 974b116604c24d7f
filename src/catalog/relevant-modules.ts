import { isRelativeSpecifier } from '../model/module-specifier.js';
import type { Catalog } from './catalog-schema.js';

/**
 * A test for imports the link stage can use: relative modules (they may export a client), every
 * module of an SDK, tracing library or HTTP client, and the named exports that tool, prompt and
 * eval entries use (`DynamicTool` of `@langchain/core/tools`, not every export of it). Pure.
 */
export function relevantModules(catalog: Catalog): (module: string, exportName: string) => boolean {
  const wholeModules = new Set<string>();
  const prefixes: string[] = [];
  const addModule = (module: string) => (module.endsWith('/*') ? prefixes.push(module.slice(0, -1)) : wholeModules.add(module));
  for (const sdk of catalog.sdks) sdk.modules.forEach(addModule);
  const tracing = catalog.tracing;
  for (const group of [tracing.wrappers, tracing.scopes, tracing.callbacks, tracing.setups]) for (const entry of group) addModule(entry.module);
  for (const gateway of tracing.gateways) for (const constant of gateway.constants) addModule(constant.module);
  for (const client of catalog.http.clients) addModule(client.module);
  const someExports = new Map<string, Set<string>>();
  const tools = catalog.tools;
  const readSome = (module: string, exports: readonly string[]) => {
    const names = someExports.get(module) ?? new Set<string>();
    for (const name of exports) names.add(name);
    someExports.set(module, names);
  };
  for (const entry of [...tools.factories, ...tools.methods, ...tools.handlers, ...tools.classes, ...tools.holders, ...catalog.prompts.templates]) {
    readSome(entry.module, entry.exports);
  }
  // The call that marks an eval suite (LangSmith's `evaluate`) is kept; a framework without
  // marked exports is known by its import alone.
  for (const framework of catalog.evals.frameworks) {
    if (framework.exports) for (const module of framework.modules) readSome(module, framework.exports);
  }
  return (module, exportName) =>
    isRelativeSpecifier(module) ||
    wholeModules.has(module) ||
    prefixes.some((prefix) => module.startsWith(prefix)) ||
    (someExports.get(module)?.has(exportName) ?? false) ||
    (exportName === '*' && someExports.has(module));
}
