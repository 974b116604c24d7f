import type { RepoHistory } from '../model/repo-model.js';
import { hasHistory, type AnyRule, type ExampleCode, type RuleExample } from './define-rule.js';

function codeBlocks(code: ExampleCode): string {
  return typeof code === 'string'
    ? `\`\`\`ts\n${code}\n\`\`\``
    : Object.entries(code)
        .map(([path, text]) => `\`${path}\`\n\n\`\`\`ts\n${text}\n\`\`\``)
        .join('\n\n');
}

/** `Earlier stored sizes (this scan's commit: 2026-04-01): \`id\`: 1,200 tokens on 2026-01-05, …` */
function historyLine(history: RepoHistory): string {
  const prompts = Object.entries(history.prompts).map(
    ([id, samples]) =>
      `\`${id}\`: ${samples.length === 0 ? 'none' : samples.map((sample) => `${sample.tokens.toLocaleString('en-US')} tokens on ${sample.at.slice(0, 10)}`).join(', ')}`,
  );
  return `Earlier stored sizes (this scan's commit: ${history.at.slice(0, 10)}): ${prompts.length === 0 ? 'none' : prompts.join('; ')}.`;
}

function exampleBlocks(examples: RuleExample[]): string {
  return examples
    .map((example) => (hasHistory(example) ? `${historyLine(example.history)}\n\n${codeBlocks(example.code)}` : codeBlocks(example)))
    .join('\n\n');
}

/** The rules reference (docs/rules.md), rendered from the rules' metadata. Pure. */
export function renderRulesMarkdown(rules: readonly AnyRule[]): string {
  const sections = rules.map((rule) =>
    [
      `## ${rule.id}`,
      `${rule.description}`,
      `- Category: ${rule.category}\n- Default severity: ${rule.defaultSeverity}\n- Remediation effort: about ${rule.effortMinutes} minutes\n- Default options: \`${JSON.stringify(rule.defaultOptions)}\``,
      `**Why.** ${rule.rationale}`,
      `Messages:\n\n${Object.values<string>(rule.messages).map((message) => `- ${message}`).join('\n')}`,
      `### Reported\n\n${exampleBlocks(rule.examples.invalid)}`,
      `### Not reported\n\n${exampleBlocks(rule.examples.valid)}`,
    ].join('\n\n'),
  );
  return `# Rules\n\nGenerated from the rules' metadata by \`npm run docs\`; do not edit by hand.\n\n${sections.join('\n\n')}\n`;
}
