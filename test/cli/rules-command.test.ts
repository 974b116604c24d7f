import { beforeAll, describe, expect, it } from 'vitest';
import { builtInRules } from '../../rules/index.js';
import { assertBuilt, CLI_TIMEOUT_MS, runCli } from './cli-harness.js';

interface ListedRule {
  id: string;
  category: string;
  defaultSeverity: string;
  effortMinutes: number;
  description: string;
  rationale: string;
  defaultOptions: object;
  helpUri: string;
}

function sourceRule(id: string) {
  const rule = builtInRules.find((candidate) => candidate.id === id);
  if (!rule) throw new Error(`rules/index.ts does not register ${id}`);
  return rule;
}

beforeAll(assertBuilt);

describe('genai-debt rules (built CLI)', { timeout: CLI_TIMEOUT_MS }, () => {
  it('lists every rule with its header, description, rationale and default options', () => {
    const result = runCli(['rules']);

    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const untraced = sourceRule('no-untraced-llm-call');
    expect(result.stdout.split('\n').slice(0, 5)).toEqual([
      'no-untraced-llm-call  (tracing, warning, ~15 min to fix)',
      `  ${untraced.description}`,
      `  Why: ${untraced.rationale}`,
      '  Options: {"reportUnknown":false}',
      '',
    ]);
    expect(result.stdout).toContain('\nmax-tools-per-agent  (tool-sprawl, warning, ~120 min to fix)\n  Limit the number of tools handed to one model call or agent.\n');
    const headers = result.stdout.split('\n').filter((line) => /^[a-z]/.test(line));
    expect(headers).toEqual(builtInRules.map((rule) => `${rule.id}  (${rule.category}, ${rule.defaultSeverity}, ~${rule.effortMinutes} min to fix)`));
  });

  it('rules --format json is an array of the rules with their metadata', () => {
    const result = runCli(['rules', '--format', 'json']);

    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const rules = JSON.parse(result.stdout) as ListedRule[];
    expect(rules.map((rule) => rule.id)).toEqual([
      'no-untraced-llm-call',
      'require-tracing-setup',
      'max-tools-per-agent',
      'require-tool-description',
      'no-duplicate-tool',
      'no-unused-tool',
      'max-prompt-tokens',
      'max-prompt-sections',
      'max-prompt-growth',
      'no-duplicate-prompt',
      'require-eval-suite',
      'no-unevaluated-llm-feature',
    ]);
    expect(rules[0]).toEqual({
      id: 'no-untraced-llm-call',
      category: 'tracing',
      defaultSeverity: 'warning',
      effortMinutes: 15,
      description: sourceRule('no-untraced-llm-call').description,
      rationale: sourceRule('no-untraced-llm-call').rationale,
      defaultOptions: { reportUnknown: false },
      helpUri: 'https://github.com/genai-debt/genai-debt/blob/main/docs/rules.md#no-untraced-llm-call',
    });
    expect(rules.find((rule) => rule.id === 'max-tools-per-agent')?.defaultOptions).toEqual({ warning: 20, error: 40 });
    for (const rule of rules) {
      expect(rule.description, rule.id).toMatch(/^(Disallow|Require|Limit|Enforce) .+\.$/);
      expect(rule.rationale.length, rule.id).toBeGreaterThan(40);
    }
  });

  it('rules --format sarif is not a rules format: exit 2', () => {
    const result = runCli(['rules', '--format', 'sarif']);

    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')[0]).toBe(
      "error: option '-f, --format <format>' argument 'sarif' is invalid. Allowed choices are text, json.",
    );
  });
});

describe('the built CLI', () => {
  it('is executable, so npx genai-debt runs it from the package bin', async () => {
    const { statSync } = await import('node:fs');
    const { fileURLToPath } = await import('node:url');
    const mode = statSync(fileURLToPath(new URL('../../dist/cli/bin.js', import.meta.url))).mode;
    expect(mode & 0o111).not.toBe(0);
  });
});
