import { isRelativeSpecifier } from '../model/module-specifier.js';
import type { Catalog } from './catalog-schema.js';

/**
 * A test for module specifiers the link stage can use: relative modules (they may export a
 * client), and every module the catalog names (SDKs, tracing libraries, HTTP clients). Pure.
 */
export function relevantModules(catalog: Catalog): (module: string) => boolean {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  const add = (module: string) => (module.endsWith('/*') ? prefixes.push(module.slice(0, -1)) : exact.add(module));
  for (const sdk of catalog.sdks) sdk.modules.forEach(add);
  const tracing = catalog.tracing;
  for (const group of [tracing.wrappers, tracing.scopes, tracing.callbacks, tracing.setups]) for (const entry of group) add(entry.module);
  for (const gateway of tracing.gateways) for (const constant of gateway.constants) add(constant.module);
  for (const client of catalog.http.clients) add(client.module);
  const tools = catalog.tools;
  for (const group of [tools.factories, tools.methods, tools.classes, tools.holders]) for (const entry of group) add(entry.module);
  for (const template of catalog.prompts.templates) add(template.module);
  return (module) => isRelativeSpecifier(module) || exact.has(module) || prefixes.some((prefix) => module.startsWith(prefix));
}
