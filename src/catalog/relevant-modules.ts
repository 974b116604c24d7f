import { isRelativeSpecifier } from '../model/module-specifier.js';
import type { Catalog } from './catalog-schema.js';

/**
 * A test for imports the link stage can use: relative modules (they may export a client), every
 * module of an SDK, tracing library or HTTP client, and the named exports that tool and prompt
 * entries use (`DynamicTool` of `@langchain/core/tools`, not every export of it). Pure.
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
  for (const entry of [...tools.factories, ...tools.methods, ...tools.handlers, ...tools.classes, ...tools.holders, ...catalog.prompts.templates]) {
    const names = someExports.get(entry.module) ?? new Set<string>();
    for (const name of entry.exports) names.add(name);
    someExports.set(entry.module, names);
  }
  return (module, exportName) =>
    isRelativeSpecifier(module) ||
    wholeModules.has(module) ||
    prefixes.some((prefix) => module.startsWith(prefix)) ||
    (someExports.get(module)?.has(exportName) ?? false) ||
    (exportName === '*' && someExports.has(module));
}
