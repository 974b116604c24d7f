import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { analyze } from '../../src/analyze/analyze.js';
import { loadBuiltInCatalog } from '../../src/catalog/load-catalog.js';
import { extractFile } from '../../src/extract/extract-file.js';
import type { Finding } from '../../src/model/report.js';
import type { AnyRule, RuleExample } from '../../src/rules/define-rule.js';

/** Runs one rule over example code (one file, or several by path) through extract → link → rules. */
export function findingsFor(rule: AnyRule, example: RuleExample, options: object = rule.defaultOptions): Finding[] {
  const files = typeof example === 'string' ? { 'src/example.ts': example } : example;
  const facts = Object.entries(files).map(([path, text]) => extractFile(path, text));
  return analyze(facts, loadBuiltInCatalog(), [{ rule, severity: rule.defaultSeverity, options }], (text) => countTokens(text)).findings;
}
