import type { AnyRule } from '../src/rules/define-rule.js';
import noUnevaluatedLlmFeature from './evals/no-unevaluated-llm-feature.js';
import requireEvalSuite from './evals/require-eval-suite.js';
import maxPromptGrowth from './prompts/max-prompt-growth.js';
import maxPromptSections from './prompts/max-prompt-sections.js';
import maxPromptTokens from './prompts/max-prompt-tokens.js';
import noDuplicatePrompt from './prompts/no-duplicate-prompt.js';
import maxToolsPerAgent from './tool-sprawl/max-tools-per-agent.js';
import noDuplicateTool from './tool-sprawl/no-duplicate-tool.js';
import noUnusedTool from './tool-sprawl/no-unused-tool.js';
import requireToolDescription from './tool-sprawl/require-tool-description.js';
import noUntracedLlmCall from './tracing/no-untraced-llm-call.js';
import requireTracingSetup from './tracing/require-tracing-setup.js';

/** Every built-in rule, in the order reports list them. */
export const builtInRules: readonly AnyRule[] = [
  noUntracedLlmCall,
  requireTracingSetup,
  maxToolsPerAgent,
  requireToolDescription,
  noDuplicateTool,
  noUnusedTool,
  maxPromptTokens,
  maxPromptSections,
  maxPromptGrowth,
  noDuplicatePrompt,
  requireEvalSuite,
  noUnevaluatedLlmFeature,
] as unknown as AnyRule[];
