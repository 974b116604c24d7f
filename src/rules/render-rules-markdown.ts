import type { AnyRule, RuleExample } from './define-rule.js';

function exampleBlocks(examples: RuleExample[]): string {
  return examples
    .map((example) =>
      typeof example === 'string'
        ? `\`\`\`ts\n${example}\n\`\`\``
        : Object.entries(example)
            .map(([path, text]) => `\`${path}\`\n\n\`\`\`ts\n${text}\n\`\`\``)
            .join('\n\n'),
    )
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
