import type { ArgFact, ValueRef } from '../model/facts.js';

/**
 * Decides which imports matter: a whole module (an SDK), or some of its exports (`tool` of
 * `@langchain/core/tools`); `*` asks about a namespace import. The scan builds it from the catalog.
 */
export type IsRelevantModule = (module: string, exportName: string) => boolean;

/** Every module matters: for callers without a catalog at hand. */
export const EVERY_MODULE: IsRelevantModule = () => true;

/** Whether a value names a relevant module anywhere: callee, member chain, or arguments of a nested call. */
export function mentionsValue(value: ValueRef, isRelevant: IsRelevantModule): boolean {
  switch (value.kind) {
    case 'import':
      return isRelevant(value.module, value.name);
    case 'global':
      return true;
    case 'member':
      return mentionsValue(value.object, isRelevant);
    case 'typed':
      return mentionsValue(value.type, isRelevant);
    case 'call':
    case 'new':
      return mentionsValue(value.callee, isRelevant) || value.args.some((arg) => mentionsArg(arg, isRelevant));
    default:
      return false;
  }
}

/** {@link mentionsValue} for an argument. */
export function mentionsArg(arg: ArgFact, isRelevant: IsRelevantModule): boolean {
  switch (arg.kind) {
    case 'value':
      return mentionsValue(arg.value, isRelevant);
    case 'object':
      return Object.values(arg.props).some((prop) => mentionsArg(prop, isRelevant));
    case 'array':
      return arg.items.some((item) => mentionsArg(item, isRelevant));
    default:
      return false;
  }
}
