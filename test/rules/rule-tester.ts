import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { analyze } from '../../src/analyze/analyze.js';
import { loadBuiltInCatalog } from '../../src/catalog/load-catalog.js';
import { extractFile } from '../../src/extract/extract-file.js';
import type { Finding } from '../../src/model/report.js';
import { hasHistory, type AnyRule, type RuleExample } from '../../src/rules/define-rule.js';

/**
 * Runs one rule over example code (one file, or several by path) through extract → link → rules,
 * with the example's stored history when it has one.
 */
export function findingsFor(rule: AnyRule, example: RuleExample, options: object = rule.defaultOptions): Finding[] {
  const code = hasHistory(example) ? example.code : example;
  const files = typeof code === 'string' ? { 'src/example.ts': code } : code;
  const facts = Object.entries(files).map(([path, text]) => extractFile(path, text));
  const history = hasHistory(example) ? example.history : undefined;
  return analyze(facts, loadBuiltInCatalog(), [{ rule, severity: rule.defaultSeverity, options }], (text) => countTokens(text), history ? { history } : {}).findings;
}
