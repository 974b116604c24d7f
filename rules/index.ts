import type { AnyRule } from '../src/rules/define-rule.js';
import noUntracedLlmCall from './tracing/no-untraced-llm-call.js';
import requireTracingSetup from './tracing/require-tracing-setup.js';

/** Every built-in rule, in the order reports list them. */
export const builtInRules: readonly AnyRule[] = [noUntracedLlmCall, requireTracingSetup] as unknown as AnyRule[];
