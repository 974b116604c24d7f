import type { ValueRef } from './facts.js';

/**
 * The import a value starts from, through members, calls and constructions (`openai` of
 * `openai.chat.completions.create`, `createOpenAI` of `createOpenAI({…})('gpt-4o')`), if it
 * starts from one. Pure.
 */
export function rootImport(value: ValueRef): Extract<ValueRef, { kind: 'import' }> | undefined {
  let current = value;
  for (;;) {
    if (current.kind === 'import') return current;
    if (current.kind === 'member') current = current.object;
    else if (current.kind === 'call' || current.kind === 'new') current = current.callee;
    else return undefined;
  }
}
