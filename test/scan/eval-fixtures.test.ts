import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/config-schema.js';
import { scanRepository, scanSettingsFor } from '../../src/scan/scan-repository.js';

function fixtureRoot(fixture: string): string {
  return fileURLToPath(new URL(`../fixtures/evals/${fixture}`, import.meta.url));
}

describe('eval suites of each framework idiom, and the coverage they give', () => {
  it('finds evalite, LangSmith evaluate() and vitest helpers, vitest-evals and Mastra scorer suites, not a module that only takes LangSmith types, and covers 5 of 6 calls', async () => {
    const report = await scanRepository({ root: fixtureRoot('frameworks') });
    expect(report.inventory.evals).toEqual([
      { file: 'evals/classify.eval.ts', framework: 'langsmith', reaches: ['src/features/classify.ts'] },
      { file: 'evals/draft-reply.eval.ts', framework: 'mastra-evals', reaches: ['src/features/draft-reply.ts'] },
      { file: 'evals/extract-order.eval.ts', framework: 'vitest-evals', reaches: ['src/features/extract-order.ts'] },
      { file: 'evals/summarize.eval.ts', framework: 'evalite', reaches: ['src/features/summarize.ts'] },
      { file: 'evals/translate.eval.ts', framework: 'langsmith', reaches: ['src/features/translate.ts'] },
    ]);
    expect(report.metrics.evalCoverage).toBe(0.833);
    expect(report.findings.filter((finding) => finding.ruleId.includes('eval')).map(({ ruleId, file }) => ({ ruleId, file }))).toEqual([
      { ruleId: 'no-unevaluated-llm-feature', file: 'src/features/route.ts' },
    ]);
  });

  it('reads a promptfoo config as a suite that reaches its provider module and the calls that send the prompt file it tests, lists the prompt file only it tests, and gives a broken config a parse error', async () => {
    const report = await scanRepository({ root: fixtureRoot('promptfoo') });
    expect(report.inventory.evals).toEqual([
      { file: 'evals/broken/promptfooconfig.yaml', framework: 'promptfoo', reaches: [] },
      // A grader provider named by its relative path; it imports promptfoo for its cached fetch, which makes it no suite.
      { file: 'evals/grading/promptfooconfig.yaml', framework: 'promptfoo', reaches: ['evals/grading/rubric-grader.mjs'] },
      { file: 'promptfooconfig.yaml', framework: 'promptfoo', reaches: ['src/summarize.ts', 'src/triage.ts'] },
      // promptfoo's evaluate() run from code.
      { file: 'scripts/nightly-eval.ts', framework: 'promptfoo', reaches: ['src/summarize.ts'] },
    ]);
    expect(report.inventory.llmCalls.map(({ file, line, api }) => ({ file, line, api }))).toEqual([
      { file: 'evals/grading/rubric-grader.mjs', line: 10, api: 'http.openai.chat.completions' },
      { file: 'src/route.ts', line: 6, api: 'openai.responses.create' },
      { file: 'src/summarize.ts', line: 6, api: 'openai.responses.create' },
      { file: 'src/triage.ts', line: 8, api: 'openai.responses.create' },
    ]);
    expect(report.metrics.evalCoverage).toBe(0.75);
    // The prompt file the code reads is measured once, at the call; the one only the config tests is listed on its own.
    expect(report.inventory.prompts.map(({ file, line, definedIn, role, usedBy, characters, tokens, variables }) => ({ file, line, definedIn, role, usedBy, characters, tokens, variables }))).toEqual([
      { file: 'prompts/route-draft.txt', line: 1, definedIn: 'prompts/route-draft.txt', role: 'template', usedBy: 'promptfoo', characters: 57, tokens: 12, variables: ['ticket'] },
      { file: 'src/triage.ts', line: 8, definedIn: 'prompts/triage.txt', role: 'instructions', usedBy: 'openai.responses.create', characters: 94, tokens: 19, variables: [] },
    ]);
    expect(report.findings.filter((finding) => finding.ruleId.includes('eval')).map(({ ruleId, file }) => ({ ruleId, file }))).toEqual([
      { ruleId: 'no-unevaluated-llm-feature', file: 'src/route.ts' },
    ]);
    expect(report.diagnostics).toEqual([
      {
        code: 'parse-error',
        severity: 'info',
        file: 'evals/broken/promptfooconfig.yaml',
        line: 4,
        message: 'Syntax error at line 4: Missing closing "quote at line 4, column 1. Results for this file may be incomplete.',
      },
    ]);
  });

  it('counts tests that check a real model (named as live, or skipped without a provider key) and an autoevals test as suites, not tests that mock the model, fake its key, reach no LLM call or hold a test in a template', async () => {
    const report = await scanRepository({ root: fixtureRoot('model-tests') });
    expect(report.inventory.evals).toEqual([
      { file: 'tests/classify-intent.test.ts', framework: 'model-test', reaches: ['src/classify-intent.ts'] },
      { file: 'tests/draft-reply-quality.test.ts', framework: 'autoevals', reaches: ['src/draft-reply.ts'] },
      // Through the index module, which re-exports two features: only the one it takes.
      { file: 'tests/summarize-ticket.int.test.ts', framework: 'model-test', reaches: ['src/summarize-ticket.ts'] },
    ]);
    // Test files are not production code: their calls and prompts are not inventoried.
    expect(report.inventory.llmCalls.map(({ file }) => file)).toEqual(['src/classify-intent.ts', 'src/draft-reply.ts', 'src/summarize-ticket.ts', 'src/translate-ticket.ts']);
    expect(report.metrics.evalCoverage).toBe(0.75);
    expect(report.findings.filter((finding) => finding.ruleId.includes('eval')).map(({ ruleId, file }) => ({ ruleId, file }))).toEqual([
      { ruleId: 'no-unevaluated-llm-feature', file: 'src/translate-ticket.ts' },
    ]);
  });

  it('counts no test at all when the config says there are no test files: they are scanned as code', async () => {
    const settings = scanSettingsFor({ config: configSchema.parse({ testFiles: [] }) });
    const report = await scanRepository({ root: fixtureRoot('model-tests'), settings });
    expect(report.inventory.evals).toEqual([{ file: 'tests/draft-reply-quality.test.ts', framework: 'autoevals', reaches: ['src/draft-reply.ts'] }]);
  });

  it('counts a module that defines and runs an eval with the OpenAI evals API as a suite that reaches what it imports, and no LLM call of its own', async () => {
    const report = await scanRepository({ root: fixtureRoot('openai-evals') });
    expect(report.inventory.evals).toEqual([{ file: 'evals/grading-eval.ts', framework: 'openai-evals', reaches: ['src/grade-essay.ts'] }]);
    expect(report.inventory.llmCalls.map(({ file, api }) => ({ file, api }))).toEqual([{ file: 'src/grade-essay.ts', api: 'openai.responses.create' }]);
    expect(report.metrics.evalCoverage).toBe(1);
  });
});
