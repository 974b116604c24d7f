import { describe, expect, it } from 'vitest';
import { extractFile } from '../../src/extract/extract-file.js';
import { isExtractable } from '../../src/extract/languages.js';

describe('extractPromptfoo (through extractFile)', () => {
  it('lists every file:// reference of a YAML config once, without a :function suffix, as written', () => {
    const config = [
      'prompts:',
      '  - file://prompts/triage.txt',
      '  - file://prompts/build.ts:buildPrompt',
      '  - "Inline prompt about {{ticket}}"',
      'providers:',
      '  - openai:gpt-4.1-mini',
      '  - id: file://../providers/summary.ts',
      'tests: file://tests/cases.yaml',
      'defaultTest:',
      '  vars:',
      '    policy: file://prompts/triage.txt',
    ].join('\n');
    const facts = extractFile('evals/promptfooconfig.yaml', config);
    expect(facts.language).toBe('promptfoo');
    expect(facts.promptfoo).toEqual({ references: ['prompts/triage.txt', 'prompts/build.ts', '../providers/summary.ts', 'tests/cases.yaml'] });
    expect(facts.parseErrors).toBeUndefined();
  });

  it('lists a module named by a relative path (a grader provider), not prose or other strings with slashes', () => {
    const config = [
      'prompts:',
      '  - "Answer in ./plain words, see docs/style.md"',
      'providers:',
      '  - ./providers/support.mjs:callApi',
      'tests:',
      '  - assert:',
      '      - type: similar',
      '        value: We refund within 14 days',
      '        provider: ../graders/embedding-grader.ts',
      '      - type: javascript',
      '        value: output.includes("./refunds")',
    ].join('\n');
    expect(extractFile('promptfooconfig.yaml', config).promptfoo).toEqual({ references: ['./providers/support.mjs', '../graders/embedding-grader.ts'] });
  });

  it('lists the references under a tools key apart, with their lines: modules whose tools the config hands to the agent', () => {
    const config = [
      'providers:',
      '  - id: openai:agents:support',
      '    config:',
      '      agent: file://./agents/support.ts',
      '      tools: file://./tools/support-tools.ts',
      '  - id: openai:agents:billing',
      '    config:',
      '      agent: file://./agents/billing.ts',
      '      tools:',
      '        - file://./tools/billing-tools.ts',
    ].join('\n');
    expect(extractFile('promptfooconfig.yaml', config).promptfoo).toEqual({
      references: ['./agents/support.ts', './tools/support-tools.ts', './agents/billing.ts', './tools/billing-tools.ts'],
      toolFiles: [
        { path: './tools/support-tools.ts', line: 5 },
        { path: './tools/billing-tools.ts', line: 10 },
      ],
    });
  });

  it('reads a JSON config the same way', () => {
    const facts = extractFile('promptfooconfig.json', JSON.stringify({ prompts: ['file://system.md'], providers: ['anthropic:messages:claude-sonnet-4-5'] }));
    expect(facts.promptfoo).toEqual({ references: ['system.md'] });
  });

  it('reads configs named with a suffix (promptfooconfig.claude.yaml), not other YAML files', () => {
    const config = 'prompts:\n  - file://prompts/route.txt\n';
    expect(extractFile('evals/promptfooconfig.claude.yaml', config).promptfoo).toEqual({ references: ['prompts/route.txt'] });
    expect(extractFile('evals/promptfooconfig-llm.yml', config).promptfoo).toEqual({ references: ['prompts/route.txt'] });
    expect(isExtractable('evals/my-promptfooconfig.yaml')).toBe(false);
    expect(isExtractable('evals/promptfooconfigs.yaml')).toBe(false);
  });

  it('gives a config the YAML parser rejects a parse error with its line, and no references', () => {
    const facts = extractFile('promptfooconfig.yml', 'prompts:\n  - file://a.txt\n tests: [');
    expect(facts.promptfoo).toEqual({ references: [] });
    expect(facts.parseErrors?.map((error) => error.line)).toEqual([3]);
  });
});
