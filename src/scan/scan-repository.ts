import { resolve } from 'node:path';
import picomatch from 'picomatch';
import { builtInRules } from '../../rules/index.js';
import { analyze } from '../analyze/analyze.js';
import type { Catalog } from '../catalog/catalog-schema.js';
import { loadBuiltInCatalog } from '../catalog/load-catalog.js';
import type { Config } from '../config/config-schema.js';
import { loadConfig } from '../config/load-config.js';
import { discoverFiles } from '../discover/discover-files.js';
import { isExtractable } from '../extract/languages.js';
import { resolveModule } from '../link/resolve-module.js';
import { ValueResolver } from '../link/resolve-value.js';
import type { ArgFact, FileFacts, ValueRef } from '../model/facts.js';
import type { Diagnostic, ScanReport } from '../model/report.js';
import { TOOL_VERSION } from '../package-root.js';
import { type EnabledRule, resolveRuleSettings } from '../rules/resolve-rule-settings.js';
import { ruleHelpUri } from '../rules/rule-help-uri.js';
import { createExtractionPool, defaultParserThreads, type ExtractionPool } from './extraction-pool.js';
import { genaiSignal } from './genai-signal.js';

export interface ScanOptions {
  /** The folder to scan. */
  root: string;
  /** A config file to use instead of the one found in the root. */
  configPath?: string;
  /** Parser threads for extraction; defaults to one per core but one. Ignored when `pool` is given. */
  workers?: number;
  /**
   * Parser threads started by the caller (the CLI starts them before loading the rest of the
   * program, so the parser loads meanwhile); the caller closes them.
   */
  pool?: ExtractionPool;
  /** Extract every file instead of only those with a GenAI signal (for comparisons and debugging). */
  shouldExtractAll?: boolean;
  onProgress?: (done: number, total: number) => void;
  /** The clock, so tests can fix `scannedAt`. */
  now?: () => Date;
}

export interface ScanStats {
  files: number;
  bytes: number;
  extracted: number;
}

interface Extraction {
  facts: FileFacts[];
  diagnostics: Diagnostic[];
  stats: ScanStats;
  /** The o200k tokenizer, loading since the files were handed to the parser thread. */
  tokenizer: Promise<{ countTokens: (text: string) => number }>;
}

/**
 * Scans one folder: config → discover → extract → link → rules → report. Throws
 * `ConfigError` or `DiscoveryError` for unusable input; a bad file becomes a diagnostic.
 */
export async function scanRepository(options: ScanOptions): Promise<ScanReport & { stats: ScanStats }> {
  // Started first, so that loading the parser on its threads overlaps with reading the config
  // and discovering files.
  const pool = options.pool ?? createExtractionPool(options.workers ?? defaultParserThreads());
  let extraction: Extraction;
  let catalog: Catalog;
  let enabledRules: EnabledRule[];
  try {
    const root = resolve(options.root);
    const { config, shownPath } = loadConfig(root, options.configPath);
    enabledRules = resolveRuleSettings(builtInRules, config.rules, shownPath);
    const builtIn = loadBuiltInCatalog();
    catalog = { ...builtIn, sdks: [...config.sdks, ...builtIn.sdks] };
    extraction = await extractRepository(root, config, catalog, pool, options);
  } finally {
    if (!options.pool) await pool.close();
  }
  const { countTokens } = await extraction.tokenizer;
  const analysis = analyze(extraction.facts, catalog, enabledRules, (text) => countTokens(text));
  return {
    tool: { name: 'genai-debt', version: TOOL_VERSION },
    root: options.root,
    scannedAt: (options.now?.() ?? new Date()).toISOString(),
    inventory: {
      llmCalls: analysis.model.llmCalls,
      tracingSetups: analysis.model.tracingSetups,
      tools: analysis.model.tools,
      toolSets: analysis.model.toolSets,
      prompts: analysis.model.prompts,
      evals: analysis.model.evals,
    },
    findings: analysis.findings,
    metrics: { ...analysis.metrics, filesScanned: extraction.stats.files },
    diagnostics: [...extraction.diagnostics, ...analysis.diagnostics],
    rules: enabledRules.map(({ rule, severity }) => ({
      id: rule.id,
      category: rule.category,
      defaultSeverity: rule.defaultSeverity,
      description: rule.description,
      rationale: rule.rationale,
      effortMinutes: rule.effortMinutes,
      helpUri: ruleHelpUri(rule.id),
      severity,
    })),
    stats: extraction.stats,
  };
}

async function extractRepository(root: string, config: Config, catalog: Catalog, pool: ExtractionPool, options: ScanOptions): Promise<Extraction> {
  const isTestFile = picomatch(config.testFiles, { dot: true });
  const discovered = await discoverFiles(root, {
    isCandidate: (path) => isExtractable(path) && !isTestFile(path),
    ignores: config.ignores,
    maxFileSize: config.maxFileSize,
    maxFiles: config.maxFiles,
  });
  const signal = options.shouldExtractAll ? undefined : genaiSignal(catalog);
  const parsing = pool.extract(discovered.files, { catalog, maxFileSize: config.maxFileSize, signal, onProgress: options.onProgress });
  // It takes a third of a second to load: the main thread is idle while the parser thread works.
  const tokenizer = import('gpt-tokenizer/encoding/o200k_base');
  const first = await parsing;
  const facts: FileFacts[] = [...first.facts];
  const diagnostics: Diagnostic[] = [...discovered.diagnostics, ...first.diagnostics];

  // Files without a signal matter when they import a module that exports an LLM client or SDK
  // value (directly or through a barrel). Extract those, until no new file is pulled in.
  const allPaths = new Set(discovered.files.map((file) => file.path));
  // One level only: the files that files with a GenAI signal take values from.
  const referenced = referencedFiles(first.facts, allPaths, catalog);
  let pending = first.deferred.map(({ file, imports }) => ({
    file,
    targets: imports.map((specifier) => resolveModule(file.path, specifier, allPaths)).filter((target) => target !== undefined),
  }));
  for (;;) {
    const resolver = new ValueResolver(facts, catalog);
    const isProvider = new Map<string, boolean>();
    const provides = (target: string) => {
      let known = isProvider.get(target);
      if (known === undefined) {
        known = resolver.sdkForModule(target) !== undefined || resolver.exportsLlmValue(target);
        isProvider.set(target, known);
      }
      return known;
    };
    const pulled = pending.filter(
      ({ file, targets }) => referenced.has(file.path) || resolver.sdkForModule(file.path) !== undefined || targets.some(provides),
    );
    if (pulled.length === 0) break;
    const next = await pool.extract(
      pulled.map(({ file }) => file),
      { catalog, maxFileSize: config.maxFileSize },
    );
    facts.push(...next.facts);
    diagnostics.push(...next.diagnostics);
    const pulledPaths = new Set(pulled.map(({ file }) => file.path));
    pending = pending.filter(({ file }) => !pulledPaths.has(file.path));
  }
  facts.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { facts, diagnostics, stats: { files: discovered.files.length, bytes: first.bytes, extracted: facts.length }, tokenizer };
}

/**
 * Repository files that parsed calls take prompts or tools from (`system: TRIAGE_PROMPT` imported
 * from a prompts module, `tools: crmTools` from a tools module), and the modules eval suites
 * import: they must be parsed too, even without a GenAI signal of their own.
 */
function referencedFiles(facts: FileFacts[], allPaths: ReadonlySet<string>, catalog: Catalog): Set<string> {
  const keys = new Set(['tools', ...catalog.prompts.options.map((option) => option.key), ...catalog.prompts.messages.keys]);
  const evalModules = new Set(catalog.evals.frameworks.flatMap((framework) => framework.modules));
  const referenced = new Set<string>();
  for (const file of facts) {
    // An eval suite reaches features through what it imports (often an index module).
    if (file.moduleSpecifiers.some((module) => evalModules.has(module))) {
      for (const module of file.moduleSpecifiers) {
        const target = resolveModule(file.path, module, allPaths);
        if (target) referenced.add(target);
      }
    }
    const visitValue = (value: ValueRef): void => {
      switch (value.kind) {
        case 'import': {
          const target = resolveModule(file.path, value.module, allPaths);
          if (target) referenced.add(target);
          return;
        }
        case 'member':
          visitValue(value.object);
          return;
        case 'call':
        case 'new':
          visitValue(value.callee);
          value.args.forEach(visitArg);
          return;
        case 'object':
          Object.values(value.props).forEach(visitArg);
          value.spreads.forEach(visitArg);
          return;
        case 'array':
          value.items.forEach(visitArg);
          value.spreads.forEach(visitArg);
          return;
        default:
          return;
      }
    };
    const visitArg = (arg: ArgFact): void => {
      if (arg.kind === 'value') visitValue(arg.value);
      else if (arg.kind === 'object') {
        Object.values(arg.props).forEach(visitArg);
        arg.spreads.forEach(visitArg);
      } else if (arg.kind === 'array') {
        arg.items.forEach(visitArg);
        arg.spreads.forEach(visitArg);
      }
    };
    for (const call of file.calls) {
      for (const arg of call.args) {
        if (arg.kind !== 'object') continue;
        for (const [key, value] of Object.entries(arg.props)) if (keys.has(key)) visitArg(value);
      }
    }
  }
  return referenced;
}

