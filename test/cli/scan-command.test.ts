import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import type * as Sarif from 'sarif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanReport } from '../../src/model/report.js';
import {
  assertBuilt,
  CLI_TIMEOUT_MS,
  copySupportBot,
  makeTempDir,
  makeTempTree,
  PACKAGE_VERSION,
  REPO_ROOT,
  removeTempDirs,
  runCli,
  summarizeCalls,
  SUPPORT_BOT,
  writeFiles,
} from './cli-harness.js';

const ANSI = /\u001b\[/;

const UNTRACED_MESSAGE =
  'Untraced LLM call openai.chat.completions.create in answerQuestion. Wrap the client (e.g. wrapOpenAI, observeOpenAI), run it inside a traced function, or enable telemetry.';
const UNUSED_SUPPRESSION_MESSAGE =
  'Unused genai-debt-ignore-next-line directive (no finding of no-untraced-llm-call on line 24); remove it.';

/** The support-bot fixture's LLM calls: the untraced one, the suppressed one, the traceable() one. */
const SUPPORT_BOT_CALLS = [
  { file: 'src/answer.ts', line: 6, api: 'openai.chat.completions.create', verdict: 'untraced' },
  { file: 'src/answer.ts', line: 15, api: 'openai.chat.completions.create', verdict: 'untraced' },
  { file: 'src/summarize.ts', line: 8, api: 'anthropic.messages.create', verdict: 'traced' },
];

function scanJson(args: string[], cwd?: string): { status: number | null; report: ScanReport; stderr: string } {
  const result = runCli(['scan', ...args, '--format', 'json'], { cwd });
  let report: ScanReport;
  try {
    report = JSON.parse(result.stdout) as ScanReport;
  } catch {
    throw new Error(`stdout is not JSON (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return { status: result.status, report, stderr: result.stderr };
}

function findingSummaries(report: ScanReport) {
  return report.findings.map(({ ruleId, file, line, column, severity }) => ({ ruleId, file, line, column, severity }));
}

function scanReportValidator() {
  const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'schemas/scan-report.schema.json'), 'utf8'));
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  ajvFormats.default(ajv);
  return ajv.compile(schema);
}

/** The OASIS schema is draft-04; adapted for Ajv 8 as in test/report/format-sarif.test.ts. */
function sarifValidator() {
  const raw = JSON.parse(readFileSync(join(REPO_ROOT, 'test/data/sarif-schema-2.1.0.json'), 'utf8'));
  const { id, $schema: _draft04, ...rest } = raw;
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajvFormats.default(ajv);
  return ajv.compile({ $id: id, ...rest });
}

beforeAll(assertBuilt);
afterAll(removeTempDirs);

describe('genai-debt scan (built CLI) on the support-bot fixture', { timeout: CLI_TIMEOUT_MS }, () => {
  it('prints the stylish text report without ANSI codes when stdout is not a TTY, and exits 0 on warnings only', () => {
    const result = runCli(['scan', 'test/fixtures/cli/support-bot']);

    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).not.toMatch(ANSI);
    expect(result.stdout.split('\n')).toEqual([
      'src/answer.ts',
      `  6:28  warning  ${UNTRACED_MESSAGE}  no-untraced-llm-call`,
      '',
      'Diagnostics (1)',
      `  warning  src/answer.ts:23: ${UNUSED_SUPPRESSION_MESSAGE}  unused-suppression`,
      '',
      '✖ 1 problem (0 errors, 1 warning)',
      'LLM calls: 3 (traced 1, untraced 2, unknown 0) · eval coverage 100% (1 suites) · traced share 33% · debt 15m · 3 files scanned',
      '',
    ]);
  });

  it('colours the text report when FORCE_COLOR asks for it, and --no-color wins over FORCE_COLOR', () => {
    const forced = runCli(['scan', SUPPORT_BOT], { env: { FORCE_COLOR: '1' } });
    expect(forced.status).toBe(0);
    expect(forced.stdout).toMatch(ANSI);
    // eslint-disable-next-line no-control-regex
    expect(forced.stdout.replace(/\u001b\[[0-9;]*m/g, '')).toBe(runCli(['scan', SUPPORT_BOT]).stdout);

    const disabled = runCli(['scan', SUPPORT_BOT, '--no-color'], { env: { FORCE_COLOR: '1' } });
    expect(disabled.stdout).not.toMatch(ANSI);
  });

  it('--format json reports the tool, the inventory, the findings, the unused suppression and the metrics', () => {
    const { status, report, stderr } = scanJson(['test/fixtures/cli/support-bot']);

    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(report.tool).toEqual({ name: 'genai-debt', version: PACKAGE_VERSION });
    expect(report.root).toBe(SUPPORT_BOT);
    expect(new Date(report.scannedAt).toISOString()).toBe(report.scannedAt);

    expect(summarizeCalls(report)).toEqual(SUPPORT_BOT_CALLS);
    expect(report.inventory.llmCalls[0]).toEqual({
      file: 'src/answer.ts',
      line: 6,
      column: 28,
      sdk: 'openai',
      provider: 'openai',
      api: 'openai.chat.completions.create',
      kind: 'generation',
      model: 'gpt-4o-mini',
      options: ['messages', 'model'],
      enclosingFunction: 'answerQuestion',
      callee: 'openai.chat.completions.create',
      textHash: expect.stringMatching(/^[0-9a-f]{16}$/),
      tracing: { verdict: 'untraced', evidence: [] },
    });
    expect(report.inventory.llmCalls[2]?.tracing).toEqual({
      verdict: 'traced',
      evidence: [{ mechanism: 'enclosing-span', detail: 'inside LangSmith traceable()' }],
    });
    expect(report.inventory.tracingSetups).toEqual([]);

    expect(report.findings).toEqual([
      {
        ruleId: 'no-untraced-llm-call',
        category: 'tracing',
        severity: 'warning',
        message: UNTRACED_MESSAGE,
        file: 'src/answer.ts',
        line: 6,
        column: 28,
        fingerprint: expect.stringMatching(/^[0-9a-f]{20}$/),
        contentFingerprint: expect.stringMatching(/^[0-9a-f]{20}$/),
        anchorFingerprint: expect.stringMatching(/^[0-9a-f]{20}$/),
        effortMinutes: 15,
        team: '(unowned)',
      },
    ]);
    expect(report.owners).toEqual({ 'evals/support-answers.eval.ts': '(unowned)', 'src/answer.ts': '(unowned)', 'src/summarize.ts': '(unowned)' });
    expect(report.teamMetrics['(unowned)']).toMatchObject({ llmCalls: report.metrics.llmCalls, findings: { error: 0, warning: 1 }, debtMinutes: 15 });

    expect(report.diagnostics).toEqual([
      { code: 'unused-suppression', severity: 'warning', message: UNUSED_SUPPRESSION_MESSAGE, file: 'src/answer.ts', line: 23 },
    ]);

    expect(report.metrics).toEqual({
      filesScanned: 3,
      llmCalls: 3,
      embeddingCalls: 0,
      tracedCalls: 1,
      untracedCalls: 2,
      unknownTracingCalls: 0,
      tracedShare: 0.333,
      tools: 0,
      largestToolSet: 0,
      duplicateTools: 0,
      prompts: 0,
      totalPromptTokens: 0,
      largestPromptTokens: 0,
      evalSuites: 1,
      evalCoverage: 1,
      findings: { error: 0, warning: 1 },
      findingsByCategory: { tracing: 1, 'tool-sprawl': 0, prompts: 0, evals: 0, hygiene: 0 },
      debtMinutes: 15,
    });

    expect(report.rules.map(({ id, severity }) => ({ id, severity }))).toEqual([
      { id: 'no-untraced-llm-call', severity: 'warning' },
      { id: 'require-tracing-setup', severity: 'error' },
      { id: 'max-tools-per-agent', severity: 'warning' },
      { id: 'require-tool-description', severity: 'warning' },
      { id: 'no-duplicate-tool', severity: 'warning' },
      { id: 'no-unused-tool', severity: 'warning' },
      { id: 'max-prompt-tokens', severity: 'warning' },
      { id: 'max-prompt-sections', severity: 'warning' },
      { id: 'max-prompt-growth', severity: 'warning' },
      { id: 'no-duplicate-prompt', severity: 'warning' },
      { id: 'require-eval-suite', severity: 'warning' },
      { id: 'no-unevaluated-llm-feature', severity: 'warning' },
    ]);
  });

  it('--format json output validates against schemas/scan-report.schema.json', () => {
    const { report } = scanJson([SUPPORT_BOT]);
    const validate = scanReportValidator();
    const isValid = validate(report);
    expect(validate.errors ?? []).toEqual([]);
    expect(isValid).toBe(true);
  });

  it('--format sarif is a valid SARIF 2.1.0 log with one result per finding, carrying its fingerprint', () => {
    const { report } = scanJson([SUPPORT_BOT]);
    const result = runCli(['scan', SUPPORT_BOT, '--format', 'sarif']);

    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const log = JSON.parse(result.stdout) as Sarif.Log;
    const validate = sarifValidator();
    const isValid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(isValid).toBe(true);

    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0]!;
    expect(run.tool.driver.name).toBe('genai-debt');
    expect(run.tool.driver.rules?.map((rule) => rule.id)).toEqual([
      'max-prompt-growth',
      'max-prompt-sections',
      'max-prompt-tokens',
      'max-tools-per-agent',
      'no-duplicate-prompt',
      'no-duplicate-tool',
      'no-unevaluated-llm-feature',
      'no-untraced-llm-call',
      'no-unused-tool',
      'require-eval-suite',
      'require-tool-description',
      'require-tracing-setup',
    ]);
    expect(run.originalUriBaseIds?.['%SRCROOT%']?.uri).toBe(`file://${SUPPORT_BOT}/`);
    expect(run.results).toHaveLength(report.findings.length);
    expect(run.results).toEqual([
      {
        ruleId: 'no-untraced-llm-call',
        ruleIndex: 7,
        level: 'warning',
        message: { text: UNTRACED_MESSAGE },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'src/answer.ts', uriBaseId: '%SRCROOT%' },
              region: { startLine: 6, startColumn: 28 },
            },
          },
        ],
        partialFingerprints: { 'genaiDebt/v1': report.findings[0]!.fingerprint },
        properties: { effortMinutes: 15, team: '(unowned)' },
      },
    ]);
    expect(run.invocations?.[0]?.toolExecutionNotifications).toEqual([
      {
        message: { text: UNUSED_SUPPRESSION_MESSAGE },
        level: 'warning',
        descriptor: { id: 'unused-suppression' },
        locations: [
          { physicalLocation: { artifactLocation: { uri: 'src/answer.ts', uriBaseId: '%SRCROOT%' }, region: { startLine: 23 } } },
        ],
      },
    ]);
  });

  it('-o writes the report to the file (relative to the working directory) and prints nothing', async () => {
    const cwd = await makeTempDir();
    const result = runCli(['scan', SUPPORT_BOT, '--format', 'json', '-o', 'report.json'], { cwd });

    expect(result).toEqual({ status: 0, stdout: '', stderr: '' });
    const written = JSON.parse(await readFile(join(cwd, 'report.json'), 'utf8')) as ScanReport;
    expect(written.tool.name).toBe('genai-debt');
    expect(summarizeCalls(written)).toEqual(SUPPORT_BOT_CALLS);
    expect(findingSummaries(written)).toEqual([
      { ruleId: 'no-untraced-llm-call', file: 'src/answer.ts', line: 6, column: 28, severity: 'warning' },
    ]);
  });

  it('--output-file never writes colour into the file, even with FORCE_COLOR', async () => {
    const cwd = await makeTempDir();
    const result = runCli(['scan', SUPPORT_BOT, '--output-file', 'report.txt'], { cwd, env: { FORCE_COLOR: '1' } });

    expect(result).toEqual({ status: 0, stdout: '', stderr: '' });
    const written = await readFile(join(cwd, 'report.txt'), 'utf8');
    expect(written).not.toMatch(ANSI);
    expect(written).toBe(runCli(['scan', SUPPORT_BOT]).stdout);
  });

  it('keeps fingerprints when the fixture is copied elsewhere and blank lines move the call down', async () => {
    const original = scanJson([SUPPORT_BOT]).report;
    const copy = await copySupportBot();
    const answerPath = join(copy, 'src/answer.ts');
    const lines = (await readFile(answerPath, 'utf8')).split('\n');
    // Above `export async function answerQuestion` (line 5): the call moves from line 6 to 9.
    lines.splice(4, 0, '', '', '');
    await writeFile(answerPath, lines.join('\n'));

    const { status, report: moved } = scanJson([copy]);

    expect(status).toBe(0);
    expect(summarizeCalls(moved)).toEqual([
      { file: 'src/answer.ts', line: 9, api: 'openai.chat.completions.create', verdict: 'untraced' },
      { file: 'src/answer.ts', line: 18, api: 'openai.chat.completions.create', verdict: 'untraced' },
      { file: 'src/summarize.ts', line: 8, api: 'anthropic.messages.create', verdict: 'traced' },
    ]);
    expect(moved.findings.map(({ line, fingerprint }) => ({ line, fingerprint }))).toEqual([
      { line: 9, fingerprint: original.findings[0]!.fingerprint },
    ]);
    // The suppression directive moved with its call and still suppresses it.
    expect(moved.diagnostics.map(({ code, line }) => ({ code, line }))).toEqual([{ code: 'unused-suppression', line: 26 }]);
  });
});

describe('genai-debt scan with a config file', { timeout: CLI_TIMEOUT_MS }, () => {
  it('picks up genai-debt.config.yaml in the scanned root: no-untraced-llm-call: error exits 1', async () => {
    const root = await copySupportBot();
    await writeFiles(root, { 'genai-debt.config.yaml': 'rules:\n  no-untraced-llm-call: error\n' });

    const text = runCli(['scan', root]);
    expect(text.status).toBe(1);
    expect(text.stderr).toBe('');
    expect(text.stdout.split('\n').slice(0, 2)).toEqual(['src/answer.ts', `  6:28  error  ${UNTRACED_MESSAGE}  no-untraced-llm-call`]);
    expect(text.stdout).toContain('✖ 1 problem (1 error, 0 warnings)\n');

    const { status, report } = scanJson([root]);
    expect(status).toBe(1);
    expect(findingSummaries(report)).toEqual([
      { ruleId: 'no-untraced-llm-call', file: 'src/answer.ts', line: 6, column: 28, severity: 'error' },
    ]);
    expect(report.metrics.findings).toEqual({ error: 1, warning: 0 });
  });

  it('--config other.json (relative to the working directory) is used instead of the root config', async () => {
    const root = await copySupportBot();
    await writeFiles(root, {
      'genai-debt.config.yaml': 'rules:\n  no-untraced-llm-call: error\n',
      'other.json': JSON.stringify({ rules: { 'no-untraced-llm-call': 'off' } }),
    });

    const { status, report, stderr } = scanJson(['.', '--config', 'other.json'], root);

    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(report.rules.map(({ id, severity }) => ({ id, severity }))).toEqual([
      { id: 'require-tracing-setup', severity: 'error' },
      { id: 'max-tools-per-agent', severity: 'warning' },
      { id: 'require-tool-description', severity: 'warning' },
      { id: 'no-duplicate-tool', severity: 'warning' },
      { id: 'no-unused-tool', severity: 'warning' },
      { id: 'max-prompt-tokens', severity: 'warning' },
      { id: 'max-prompt-sections', severity: 'warning' },
      { id: 'max-prompt-growth', severity: 'warning' },
      { id: 'no-duplicate-prompt', severity: 'warning' },
      { id: 'require-eval-suite', severity: 'warning' },
      { id: 'no-unevaluated-llm-feature', severity: 'warning' },
    ]);
    expect(report.findings).toEqual([]);
    expect(summarizeCalls(report)).toEqual(SUPPORT_BOT_CALLS);
    // Both directives name a rule that did not run, so neither suppressed anything.
    expect(report.diagnostics.map(({ code, file, line }) => ({ code, file, line }))).toEqual([
      { code: 'unused-suppression', file: 'src/answer.ts', line: 14 },
      { code: 'unused-suppression', file: 'src/answer.ts', line: 23 },
    ]);
  });

  it('--config naming a missing file exits 2 and names the file', async () => {
    const root = await copySupportBot();
    const result = runCli(['scan', '.', '--config', 'missing.yaml'], { cwd: root });

    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`genai-debt: Cannot read config file ${join(root, 'missing.yaml')}: ENOENT. Check the --config path.\n`);
  });

  const invalidConfigs = [
    {
      name: 'an unknown top-level key',
      text: 'rulez:\n  no-untraced-llm-call: error\n',
      stderr: 'genai-debt: Invalid config in genai-debt.config.yaml:\n  (root): Unrecognized key: "rulez"\n',
      keyPath: 'rulez',
    },
    {
      name: 'an unknown rule id',
      text: 'rules:\n  no-such-rule: error\n',
      stderr: 'genai-debt: Invalid config in genai-debt.config.yaml:\n  rules.no-such-rule: unknown rule; run "genai-debt rules" for the list\n',
      keyPath: 'rules.no-such-rule',
    },
    {
      name: 'a wrong type',
      text: 'maxFileSize: "big"\n',
      stderr: 'genai-debt: Invalid config in genai-debt.config.yaml:\n  maxFileSize: expected number, received string\n',
      keyPath: 'maxFileSize',
    },
    {
      name: 'invalid rule options',
      text: 'rules:\n  no-untraced-llm-call: [error, { reportUnknown: "yes" }]\n',
      stderr: 'genai-debt: Invalid config in genai-debt.config.yaml:\n  rules.no-untraced-llm-call.reportUnknown: expected boolean, received string\n',
      keyPath: 'rules.no-untraced-llm-call.reportUnknown',
    },
    {
      name: 'invalid YAML',
      text: 'rules:\n  no-untraced-llm-call: [error\n',
      stderr:
        'genai-debt: Config file genai-debt.config.yaml is not valid YAML/JSON: Flow sequence in block collection must be sufficiently indented and end with a ] at line 3, column 1:\n',
      keyPath: 'at line 3, column 1',
    },
  ];

  it.each(invalidConfigs)('$name exits 2 with one paragraph on stderr naming $keyPath, without a stack', async ({ text, stderr, keyPath }) => {
    const root = await copySupportBot();
    await writeFiles(root, { 'genai-debt.config.yaml': text });

    const result = runCli(['scan', '.', '--format', 'json'], { cwd: root });

    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(stderr);
    expect(result.stderr).toContain(keyPath);
    expect(result.stderr).not.toContain('    at ');
    expect(result.stderr.trimEnd()).not.toContain('\n\n');
  });

  it('names the config file for an unknown rule id, as it does for every other config error', async () => {
    const root = await copySupportBot();
    await writeFiles(root, { 'genai-debt.config.yaml': 'rules:\n  no-such-rule: error\n' });

    const result = runCli(['scan', '.'], { cwd: root });

    expect(result.stderr).toBe(
      'genai-debt: Invalid config in genai-debt.config.yaml:\n  rules.no-such-rule: unknown rule; run "genai-debt rules" for the list\n',
    );
  });

  const ACME_CONFIG = [
    'sdks: [{ id: acme-llm, provider: acme, modules: [src/lib/llm.ts], clients: [{ id: client, exports: [llm], create: value, calls: [{ path: complete, api: acme.llm.complete }] }] }]',
    '',
  ].join('\n');

  const REPLY = [
    "import { llm } from '../lib/llm';",
    '',
    'export async function draftReply(ticket: string): Promise<string> {',
    '  const result = await llm.complete({ prompt: `Draft a reply to: ${ticket}` });',
    '  return result.text;',
    '}',
    '',
  ].join('\n');

  /** A wrapper built on the OpenAI SDK: the wrapper module itself has a GenAI signal. */
  const OPENAI_WRAPPER = [
    "import OpenAI from 'openai';",
    '',
    'const openai = new OpenAI();',
    '',
    'export const llm = {',
    '  async complete(request: { prompt: string }) {',
    "    const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: request.prompt }] });",
    "    return { text: completion.choices[0]?.message.content ?? '' };",
    '  },',
    '};',
    '',
  ].join('\n');

  /** A wrapper over the company's own HTTP gateway: nothing in it names a catalog module or LLM host. */
  const GATEWAY_WRAPPER = [
    'export const llm = {',
    '  async complete(request: { prompt: string }): Promise<{ text: string }> {',
    "    const response = await fetch('https://llm-gateway.acme.internal/v1/complete', { method: 'POST', body: JSON.stringify(request) });",
    '    return (await response.json()) as { text: string };',
    '  },',
    '};',
    '',
  ].join('\n');

  it('a custom wrapper declared under sdks: makes llm.complete() in another file an LLM call', async () => {
    const root = await makeTempTree({
      'genai-debt.config.yaml': ACME_CONFIG,
      'src/lib/llm.ts': OPENAI_WRAPPER,
      'src/features/reply.ts': REPLY,
    });

    const { status, report } = scanJson([root]);

    expect(summarizeCalls(report)).toEqual([
      { file: 'src/features/reply.ts', line: 4, api: 'acme.llm.complete', verdict: 'untraced' },
      { file: 'src/lib/llm.ts', line: 7, api: 'openai.chat.completions.create', verdict: 'untraced' },
    ]);
    expect(report.inventory.llmCalls[0]).toMatchObject({ sdk: 'acme-llm', provider: 'acme', callee: 'llm.complete', enclosingFunction: 'draftReply' });
    // Every call is untraced and nothing sets tracing up: require-tracing-setup (an error) fires.
    expect(status).toBe(1);
    expect(findingSummaries(report).map(({ ruleId, file, line }) => ({ ruleId, file, line }))).toEqual([
      { ruleId: 'no-untraced-llm-call', file: 'src/features/reply.ts', line: 4 },
      { ruleId: 'require-eval-suite', file: 'src/features/reply.ts', line: 4 },
      { ruleId: 'require-tracing-setup', file: 'src/features/reply.ts', line: 4 },
      { ruleId: 'no-untraced-llm-call', file: 'src/lib/llm.ts', line: 7 },
    ]);
  });

  it('with --all, a custom wrapper over an in-house HTTP gateway makes llm.complete() an LLM call', async () => {
    const root = await makeTempTree({
      'genai-debt.config.yaml': ACME_CONFIG,
      'src/lib/llm.ts': GATEWAY_WRAPPER,
      'src/features/reply.ts': REPLY,
    });

    const { report } = scanJson([root, '--all']);

    expect(summarizeCalls(report)).toEqual([
      { file: 'src/features/reply.ts', line: 4, api: 'acme.llm.complete', verdict: 'untraced' },
    ]);
  });

  it('without --all, a custom wrapper over an in-house HTTP gateway makes llm.complete() an LLM call', async () => {
    const root = await makeTempTree({
      'genai-debt.config.yaml': ACME_CONFIG,
      'src/lib/llm.ts': GATEWAY_WRAPPER,
      'src/features/reply.ts': REPLY,
    });

    const { report } = scanJson([root]);

    expect(summarizeCalls(report)).toEqual([
      { file: 'src/features/reply.ts', line: 4, api: 'acme.llm.complete', verdict: 'untraced' },
    ]);
  });
});
