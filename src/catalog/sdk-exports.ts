import type { SdkEntry } from './catalog-schema.js';

const cache = new WeakMap<SdkEntry, Set<string>>();

/** Exports through which an SDK reaches a model: clients, functions and command classes. Pure. */
export function knownExports(sdk: SdkEntry): Set<string> {
  let known = cache.get(sdk);
  if (!known) {
    known = new Set([
      ...sdk.clients.flatMap((client) => client.exports),
      ...sdk.functions.map((fn) => fn.export),
      ...sdk.clients.flatMap((client) => client.calls.flatMap((call) => Object.keys(call.commands ?? {}))),
    ]);
    cache.set(sdk, known);
  }
  return known;
}
