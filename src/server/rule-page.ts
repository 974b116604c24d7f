import { builtInRules } from '../../rules/index.js';
import type { AnyRule, RuleExample } from '../rules/define-rule.js';
import { hasHistory } from '../rules/define-rule.js';
import type { DashboardQueries, PlacedFindingRow } from '../store/dashboard-queries.js';
import { comparisonDays } from './overview-page.js';
import { NotFoundError } from './query-params.js';

export interface RuleSummary {
  id: string;
  category: string;
  defaultSeverity: string;
  description: string;
  effortMinutes: number;
}

export interface RulePage {
  rule: RuleSummary & { rationale: string; defaultOptions: object; messages: string[] };
  examples: { invalid: ExampleFiles[]; valid: ExampleFiles[] };
  /** Findings of the rule in each repository's last scan of its main branch. */
  firing: { repository: string; scanId: number; findings: PlacedFindingRow[] }[];
  total: number;
}

/** One example as files; `history` lists earlier prompt sizes the example is scanned against. */
export interface ExampleFiles {
  files: { path: string; code: string }[];
  history?: string;
}

const summarize = (rule: AnyRule): RuleSummary => ({
  id: rule.id,
  category: rule.category,
  defaultSeverity: rule.defaultSeverity,
  description: rule.description,
  effortMinutes: rule.effortMinutes,
});

export function listRules(): RuleSummary[] {
  return builtInRules.map(summarize);
}

function exampleFiles(example: RuleExample): ExampleFiles {
  const code = hasHistory(example) ? example.code : example;
  // A single snippet is scanned as src/example.ts (see ExampleCode).
  const files = typeof code === 'string' ? [{ path: 'src/example.ts', code }] : Object.entries(code).map(([path, text]) => ({ path, code: text }));
  return hasHistory(example) ? { files, history: JSON.stringify(example.history, null, 2) } : { files };
}

export function loadRulePage(queries: DashboardQueries, id: string): RulePage {
  const rule = builtInRules.find((candidate) => candidate.id === id);
  if (!rule) throw new NotFoundError(`No rule with id ${id}; the rules page lists them all.`);
  const latest = comparisonDays(queries)?.rows ?? [];
  const findings = queries.ruleFindings(
    id,
    latest.map((row) => row.scanId),
  );
  const firing = latest
    .map((row) => ({ repository: row.name, scanId: row.scanId, findings: findings.filter((finding) => finding.scanId === row.scanId) }))
    .filter((entry) => entry.findings.length > 0);
  return {
    rule: { ...summarize(rule), rationale: rule.rationale, defaultOptions: rule.defaultOptions, messages: Object.values(rule.messages) },
    examples: { invalid: rule.examples.invalid.map(exampleFiles), valid: rule.examples.valid.map(exampleFiles) },
    firing,
    total: findings.length,
  };
}
