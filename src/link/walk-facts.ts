import type { ArgFact, ValueRef } from '../model/facts.js';

/** A value as the facts hold it: an argument or a symbolic value. */
export type FactValue = ArgFact | ValueRef;

/**
 * Visits `root` and every value inside it (a call's callee and arguments, a member's object, object
 * and array items and spreads, an argument's value, what an inline function returns), each object
 * once: facts share arguments between a chain's calls. `visit` returns true to skip what is
 * inside the value it was given. Pure.
 */
export function walkFactValues(root: FactValue, visit: (value: FactValue) => boolean | void): void {
  const seen = new Set<FactValue>();
  const walk = (value: FactValue): void => {
    if (seen.has(value)) return;
    seen.add(value);
    if (visit(value) === true) return;
    switch (value.kind) {
      case 'call':
      case 'new':
        walk(value.callee);
        value.args.forEach(walk);
        return;
      case 'member':
        walk(value.object);
        return;
      case 'object':
        Object.values(value.props).forEach(walk);
        value.spreads.forEach(walk);
        return;
      case 'array':
        value.items.forEach(walk);
        value.spreads.forEach(walk);
        return;
      case 'value':
        walk(value.value);
        return;
      case 'function':
        if ('returns' in value && value.returns) walk(value.returns);
        return;
      default:
        return;
    }
  };
  walk(root);
}
