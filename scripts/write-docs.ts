/** `npm run docs`: writes docs/rules.md from the rules' metadata. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { builtInRules } from '../rules/index.js';
import { renderRulesMarkdown } from '../src/rules/render-rules-markdown.js';

const target = fileURLToPath(new URL('../../docs/rules.md', import.meta.url));
writeFileSync(target, renderRulesMarkdown(builtInRules));
process.stdout.write(`wrote ${target}\n`);
