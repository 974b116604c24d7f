import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { builtInRules } from '../../rules/index.js';
import { analyze } from '../analyze/analyze.js';
import { computeTeamMetrics } from '../analyze/team-metrics.js';
import type { Catalog } from '../catalog/catalog-schema.js';
import { loadBuiltInCatalog } from '../catalog/load-catalog.js';
import type { Config } from '../config/config-schema.js';
import { loadConfig } from '../config/load-config.js';
import { discoverFiles } from '../discover/discover-files.js';
import type { GitListedFile } from '../discover/list-git-files.js';
import { selectTreeFiles } from '../discover/select-tree-files.js';
import type { BlobReader } from '../git/blob-reader.js';
import { gitTopLevel } from '../git/repository-info.js';
import { entriesUnder, listTree, type TreeEntry } from '../git/tree.js';
import { CODEOWNERS_LOCATIONS, parseCodeowners } from '../teams/codeowners.js';
import { createTeamResolver } from '../teams/team-resolver.js';
import { extractTestFile } from '../extract/extract-test-file.js';
import { ENV_FILE, isExtractable, isSourceFile } from '../extract/languages.js';
import { createModuleResolver, type ModuleResolver } from '../link/resolve-module.js';
import { promptfooReferences } from '../link/link-evals.js';
import { readTestSuite } from '../link/model-tests.js';
import { promptFileCandidates } from '../link/prompt-files.js';
import { walkFactValues } from '../link/walk-facts.js';
import { sdkForModule, ValueResolver } from '../link/resolve-value.js';
import type { ArgFact, FileFacts } from '../model/facts.js';
import { matchesModulePattern } from '../model/module-specifier.js';
import type { ExtractionCache } from '../model/extraction-cache.js';
import type { RepoHistory, RepoModel } from '../model/repo-model.js';
import type { Diagnostic, ScanReport } from '../model/report.js';
import { TOOL_VERSION } from '../package-root.js';
import { type EnabledRule, resolveRuleSettings } from '../rules/resolve-rule-settings.js';
import { ruleHelpUri } from '../rules/rule-help-uri.js';
import { extractorKey } from './extraction-cache.js';
import { createExtractionPool, defaultParserThreads, type ExtractionPool } from './extraction-pool.js';
import { diskSource, gitSource, withContents } from './file-source.js';
import { genaiSignal } from './genai-signal.js';
import { testSignal } from './test-signal.js';
import { type PromptFileOrigin, promptFileState, readPromptFiles } from './prompt-files.js';
import { type ResultCache, resultKey, type StoredResult } from './result-cache.js';

/** Everything a scan needs before it reads a file; the same for every commit of a history run. */
export interface ScanSettings {
  config: Config;
  /** The config file as messages name it; undefined for the defaults. */
  configShownPath?: string;
  enabledRules: EnabledRule[];
  catalog: Catalog;
  /** sha256 of the validated config: scans with equal hashes used equal settings. */
  configHash: string;
  /** sha256 of the tool version and every enabled rule with its severity and options. */
  rulesHash: string;
  extractorKey: string;
}

/** A past commit to scan from git objects, without a checkout. */
export interface CommitToScan {
  /** The repository's top-level folder. */
  repo: string;
  commit: string;
  /** The scanned folder relative to `repo` (posix; '' for the whole repository). */
  subdir: string;
  reader: BlobReader;
  /** The commit's files (`listTree`), when the caller started listing them ahead (a history run lists the next commit's while it scans this one). */
  tree?: Promise<TreeEntry[]>;
}

export interface ScanOptions {
  /** The folder to scan (for a commit: the work-tree folder whose history it is). */
  root: string;
  /** From {@link loadScanSettings}; loaded from `root` (or `configPath`) when absent. */
  settings?: ScanSettings;
  /** A config file to use instead of the one found in the root (when `settings` is absent). */
  configPath?: string;
  /** Scan this commit's tree from git objects instead of the files on disk. */
  commit?: CommitToScan;
  /** Parser threads for extraction; defaults to one per core but one. Ignored when `pool` is given. */
  workers?: number;
  /**
   * Parser threads started by the caller (the CLI starts them before loading the rest of the
   * program, so the parser loads meanwhile); the caller closes them.
   */
  pool?: ExtractionPool;
  /** Extract every file instead of only those with a GenAI signal (for comparisons and debugging). */
  shouldExtractAll?: boolean;
  /** Facts of files seen before (by path and content); new results are added to it. */
  cache?: ExtractionCache;
  /**
   * Whole results of scans seen before: when the settings, owners, history and every file (path
   * and content) are the same, the stored report is reused without reading, parsing, linking or
   * running rules. New results are added to it.
   */
  resultCache?: ResultCache;
  /** Sizes from earlier stored scans, for rules that compare with the past. */
  history?: RepoHistory;
  /** The git top-level folder of `root`, when the caller knows it (no need to ask git again). */
  top?: string;
  /** git's listing of the work tree (`listGitFiles` of `root`), when the caller started it ahead. */
  gitListing?: Promise<GitListedFile[] | undefined>;
  onProgress?: (done: number, total: number) => void;
  /** The clock, so tests can fix `scannedAt`. */
  now?: () => Date;
}

export interface ScanStats {
  files: number;
  bytes: number;
  /** Files extracted by a parse (or taken from the cache instead). */
  extracted: number;
  /** Test files read lexically (see `extractTestFile`), not parsed and not counted in `extracted`. */
  testFiles: number;
  /** Files whose facts came from the cache. */
  cached: number;
  /** Bytes of the files parsed by this scan: the extraction work the cache did not save. */
  parsedBytes: number;
  /** Whether the whole report came from the result cache (nothing was read or parsed). */
  reused?: boolean;
}

interface Extraction {
  facts: FileFacts[];
  diagnostics: Diagnostic[];
  stats: ScanStats;
  /** The o200k tokenizer, loading since the files were handed to the parser thread. */
  tokenizer: Promise<{ countTokens: (text: string) => number }>;
}

// Prompts repeat from commit to commit of a history run: count each text once per process.
const tokenCounts = new Map<string, number>();
const MAX_REMEMBERED_TEXTS = 20_000;

function memoized(countTokens: (text: string) => number): (text: string) => number {
  return (text) => {
    let count = tokenCounts.get(text);
    if (count === undefined) {
      if (tokenCounts.size >= MAX_REMEMBERED_TEXTS) tokenCounts.clear();
      count = countTokens(text);
      tokenCounts.set(text, count);
    }
    return count;
  };
}

function sha256(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/**
 * Reads the config and resolves rules and catalog. Throws `ConfigError` for a bad config, before
 * any file is read.
 */
export function loadScanSettings(root: string, configPath?: string): ScanSettings {
  return scanSettingsFor(loadConfig(resolve(root), configPath));
}

/** {@link loadScanSettings} of a config already read (from git objects, say). Throws `ConfigError` for bad rule settings. */
export function scanSettingsFor({ config, shownPath }: { config: Config; shownPath?: string }): ScanSettings {
  const enabledRules = resolveRuleSettings(builtInRules, config.rules, shownPath);
  const builtIn = loadBuiltInCatalog();
  const catalog: Catalog = {
    ...builtIn,
    sdks: [...config.sdks, ...builtIn.sdks],
    tools: { ...builtIn.tools, factories: [...config.tools.factories, ...builtIn.tools.factories], holders: [...config.tools.holders, ...builtIn.tools.holders] },
    prompts: { ...builtIn.prompts, files: { ...builtIn.prompts.files, readers: [...config.prompts.fileReaders, ...builtIn.prompts.files.readers] } },
  };
  return {
    config,
    configShownPath: shownPath,
    enabledRules,
    catalog,
    configHash: sha256(config),
    rulesHash: sha256([TOOL_VERSION, enabledRules.map(({ rule, severity, options }) => [rule.id, severity, options])]),
    extractorKey: extractorKey(catalog),
  };
}

/**
 * Scans one folder, or one commit of it: discover → extract → link → rules → owners → report.
 * Throws `DiscoveryError` (or `GitError` for a commit) for unusable input; a bad file becomes a
 * diagnostic.
 */
export async function scanRepository(options: ScanOptions): Promise<ScanReport & { stats: ScanStats }> {
  // Started first, so that loading the parser on its threads overlaps with reading the config
  // and discovering files.
  const pool = options.pool ?? createExtractionPool(options.workers ?? defaultParserThreads());
  let settings: ScanSettings;
  let extraction: Extraction;
  let ownerOf: (path: string) => string;
  let key: string | undefined;
  let promptFiles: { paths: string[]; texts: Map<string, string> };
  try {
    settings = options.settings ?? loadScanSettings(options.root, options.configPath);
    const root = resolve(options.root);
    // A commit's tree is listed once: its files and its CODEOWNERS come from the one listing.
    const tree = options.commit && (await (options.commit.tree ?? listTree(options.commit.repo, options.commit.commit)));
    const promptOrigin: PromptFileOrigin = options.commit && tree ? { tree: entriesUnder(tree, options.commit.subdir), reader: options.commit.reader } : { root };
    const [owners, discovered] = await Promise.all([findOwners(root, settings.config, options.commit, tree, options.top), discover(root, settings, options.commit, tree, options.gitListing)]);
    ownerOf = owners.ownerOf;
    if (options.resultCache) {
      const keyed = await resultKey(discovered.files, discovered.source, {
        settings: [settings.configHash, settings.rulesHash, settings.extractorKey],
        shouldExtractAll: options.shouldExtractAll === true,
        owners: owners.key,
        history: options.history,
        diagnostics: discovered.diagnostics,
      });
      key = keyed.key;
      discovered.source = withContents(discovered.source, keyed.read);
      const stored = key === undefined ? undefined : options.resultCache.get(key);
      const result = stored === undefined ? undefined : (JSON.parse(stored) as StoredResult<ScanStats>);
      // The prompt files the code read must hold what they held then.
      if (result && (await promptFilesUnchanged(result.promptFiles, promptOrigin, settings.config.maxFileSize))) {
        const { tool, ...rest } = result.report;
        const scannedAt = (options.now?.() ?? new Date()).toISOString();
        // tool, root and scannedAt first, in the order a fresh report has them.
        return { tool, root: options.root, scannedAt, ...rest, stats: { ...result.stats, cached: result.stats.extracted, parsedBytes: 0, reused: true } };
      }
    }
    extraction = await extractRepository(settings, pool, options, discovered);
    const paths = promptFileCandidates(extraction.facts, settings.catalog.prompts.files);
    promptFiles = { paths, texts: await readPromptFiles(paths, promptOrigin, settings.config.maxFileSize) };
  } finally {
    if (!options.pool) await pool.close();
  }
  const report = await analyzeExtraction(options, settings, extraction, ownerOf, promptFiles.texts);
  if (key !== undefined) {
    const { root: _root, scannedAt: _scannedAt, stats, ...rest } = report;
    const stored: StoredResult<ScanStats> = { report: rest, stats, promptFiles: promptFileState(promptFiles.paths, promptFiles.texts) };
    options.resultCache?.set(key, JSON.stringify(stored));
  }
  return report;
}

async function analyzeExtraction(
  options: ScanOptions,
  settings: ScanSettings,
  extraction: Extraction,
  ownerOf: (path: string) => string,
  promptFiles: ReadonlyMap<string, string>,
): Promise<ScanReport & { stats: ScanStats }> {
  const { countTokens } = await extraction.tokenizer;
  const analysis = analyze(extraction.facts, settings.catalog, settings.enabledRules, memoized(countTokens), { history: options.history, promptFiles });
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
    findings: analysis.findings.map((finding) => ({ ...finding, team: ownerOf(finding.file) })),
    metrics: { ...analysis.metrics, filesScanned: extraction.stats.files },
    owners: ownersOf(analysis, ownerOf),
    teamMetrics: computeTeamMetrics(analysis.model, analysis.findings, ownerOf),
    diagnostics: [...extraction.diagnostics, ...analysis.diagnostics],
    rules: settings.enabledRules.map(({ rule, severity }) => ({
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

function ownersOf({ model, findings }: { model: RepoModel; findings: readonly { file: string }[] }, ownerOf: (path: string) => string): Record<string, string> {
  const files = new Set<string>();
  for (const items of [model.llmCalls, model.tracingSetups, model.tools, model.toolSets, model.prompts, model.evals, findings]) {
    for (const item of items) files.add(item.file);
  }
  return Object.fromEntries([...files].sort().map((file) => [file, ownerOf(file)]));
}

/**
 * The owner team of a path relative to the scanned folder: config `teams`, else CODEOWNERS of the
 * repository (at the scanned commit), else `(unowned)`.
 */
async function findOwners(
  root: string,
  config: Config,
  commit: CommitToScan | undefined,
  tree: readonly TreeEntry[] | undefined,
  knownTop: string | undefined,
): Promise<{ ownerOf: (path: string) => string; key: string }> {
  const top = commit?.repo ?? knownTop ?? (await gitTopLevel(root)) ?? root;
  const prefix = commit ? commit.subdir : relative(top, root).split(sep).join('/');
  const bytes = commit && tree ? await codeownersAt(commit, tree) : CODEOWNERS_LOCATIONS.map((location) => readIfExists(join(top, location))).find(Boolean);
  const codeowners = bytes && new TextDecoder().decode(bytes);
  const resolveTeam = createTeamResolver({ config: config.teams, codeowners: codeowners === undefined ? undefined : parseCodeowners(codeowners).rules });
  return {
    ownerOf: (path) => resolveTeam(prefix && path ? `${prefix}/${path}` : path || prefix),
    // The config's teams are part of the config hash.
    key: sha256([prefix, codeowners ?? null]),
  };
}

/** The first CODEOWNERS file of a commit's tree, read through the blob reader. */
async function codeownersAt(commit: CommitToScan, tree: readonly TreeEntry[]): Promise<Uint8Array | undefined> {
  const blobs = new Map(tree.filter((entry) => entry.mode !== '120000').map((entry) => [entry.path, entry.blobId]));
  const id = CODEOWNERS_LOCATIONS.map((location) => blobs.get(location)).find(Boolean);
  return id ? (await commit.reader.read([id])).get(id) : undefined;
}

function readIfExists(path: string): Uint8Array | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** Whether every prompt file a stored result read still holds the same text (and no file appeared where there was none). */
async function promptFilesUnchanged(state: StoredResult<ScanStats>['promptFiles'], origin: PromptFileOrigin, maxFileSize: number): Promise<boolean> {
  const paths = Object.keys(state);
  if (paths.length === 0) return true;
  const now = promptFileState(paths, await readPromptFiles(paths, origin, maxFileSize));
  return paths.every((path) => now[path] === state[path]);
}

async function discover(
  root: string,
  settings: ScanSettings,
  commit: CommitToScan | undefined,
  tree: readonly TreeEntry[] | undefined,
  gitListing: Promise<GitListedFile[] | undefined> | undefined,
) {
  const { config } = settings;
  const isTestFile = picomatch(config.testFiles, { dot: true });
  const discoverOptions = {
    // Test files are read (lexically) for tests of a real model; a test folder's env file is not production's.
    isCandidate: (path: string) => isExtractable(path) && !(ENV_FILE.test(path) && isTestFile(path)),
    ignores: config.ignores,
    maxFileSize: config.maxFileSize,
    maxFiles: config.maxFiles,
    ...(gitListing ? { gitListing } : {}),
  };
  if (!commit || !tree) return { ...(await discoverFiles(root, discoverOptions)), source: diskSource };
  return { ...selectTreeFiles(entriesUnder(tree, commit.subdir), discoverOptions), source: gitSource(commit.reader) };
}

async function extractRepository(
  settings: ScanSettings,
  pool: ExtractionPool,
  options: ScanOptions,
  discovered: Awaited<ReturnType<typeof discover>>,
): Promise<Extraction> {
  const { config, catalog } = settings;
  // `--all` parses files without a signal as if they had one: not something to remember.
  const cache = options.cache && !options.shouldExtractAll ? { cache: options.cache, extractorKey: settings.extractorKey } : undefined;
  const extractOptions = { catalog, maxFileSize: config.maxFileSize, source: discovered.source, cache };
  const signal = options.shouldExtractAll ? undefined : genaiSignal(catalog);
  const resolveModule = createModuleResolver(new Set(discovered.files.map((file) => file.path)));
  const isTestFile = picomatch(config.testFiles, { dot: true });
  const tests = discovered.files.filter((file) => isSourceFile(file.path) && isTestFile(file.path));
  const testPaths = new Set(tests.map((file) => file.path));
  // Smallest first: V8 optimizes the parser sooner on many small files than on a few large ones.
  const bySize = discovered.files.filter((file) => !testPaths.has(file.path)).sort((a, b) => a.size - b.size);
  // A test file is not parsed but read on this thread (see extractTestFile), under its own cache key.
  const mayTestModel = testSignal(catalog);
  const readHere = {
    files: tests,
    extract: (path: string, text: string) => extractTestFile(path, text, mayTestModel),
    cache: cache && { ...cache, extractorKey: `${cache.extractorKey}:test` },
  };
  const parsing = pool.extract(bySize, { ...extractOptions, signal, resolveModule, onProgress: options.onProgress, readHere });
  // It takes a third of a second to load: the main thread is idle while the parser thread works.
  const tokenizer = import('gpt-tokenizer/encoding/o200k_base');
  // Repository modules the catalog names as SDKs (a config's own wrapper): asked here, while the
  // parser thread works, rather than after it.
  const sdkFiles = new Set(bySize.flatMap((file) => (sdkForModule(catalog, file.path) ? [file.path] : [])));
  const first = await parsing;
  const facts: FileFacts[] = [...first.facts];
  const diagnostics: Diagnostic[] = [...discovered.diagnostics, ...first.diagnostics];
  let cached = first.cached;
  let parsedBytes = first.parsedBytes;

  // Files without a signal matter when they import a module that exports an LLM client or SDK
  // value (directly or through a barrel). Extract those, until no new file is pulled in.
  // One level only: the files that files with a GenAI signal take values from.
  const { referenced, testedFiles } = referencedFiles(facts, resolveModule, catalog);
  // Test files export nothing: the resolver needs the others only.
  const parsed = facts.filter((file) => file.language !== 'test');
  // A test imports many files: only those that import a parsed file may lead it to LLM calls.
  const parsedPaths = new Set(parsed.map((file) => file.path));
  let pending = first.deferred;
  for (;;) {
    const resolver = new ValueResolver(parsed, catalog);
    const isProvider = new Map<string, boolean>();
    const provides = (target: string) => {
      let known = isProvider.get(target);
      if (known === undefined) {
        known = sdkFiles.has(target) || resolver.exportsLlmValue(target);
        isProvider.set(target, known);
      }
      return known;
    };
    const pulled = pending.filter(
      ({ file, targets }) =>
        referenced.has(file.path) || sdkFiles.has(file.path) || (testedFiles.has(file.path) && targets.some((target) => parsedPaths.has(target))) || targets.some(provides),
    );
    if (pulled.length === 0) break;
    const next = await pool.extract(
      pulled.map(({ file }) => file),
      extractOptions,
    );
    facts.push(...next.facts);
    parsed.push(...next.facts);
    for (const file of next.facts) parsedPaths.add(file.path);
    diagnostics.push(...next.diagnostics);
    cached += next.cached;
    parsedBytes += next.parsedBytes;
    const pulledPaths = new Set(pulled.map(({ file }) => file.path));
    pending = pending.filter(({ file }) => !pulledPaths.has(file.path));
  }
  facts.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const testFiles = facts.filter((file) => file.language === 'test').length;
  return { facts, diagnostics, stats: { files: discovered.files.length, bytes: first.bytes, extracted: facts.length - testFiles, testFiles, cached, parsedBytes }, tokenizer };
}

/**
 * Repository files that parsed calls take prompts or tools from (`system: TRIAGE_PROMPT` imported
 * from a prompts module, `tools: crmTools` from a tools module, also in what a handler passed to
 * the call returns), and the modules eval suites import: they must be parsed too, even without a
 * GenAI signal of their own. Apart, the files that tests of a real model import (`testedFiles`).
 */
function referencedFiles(facts: FileFacts[], resolveModule: ModuleResolver, catalog: Catalog): { referenced: Set<string>; testedFiles: Set<string> } {
  const keys = new Set(['tools', ...catalog.prompts.options.map((option) => option.key), ...catalog.prompts.messages.keys]);
  const evalModules = catalog.evals.frameworks.flatMap((framework) => framework.modules);
  const referenced = new Set<string>();
  const testedFiles = new Set<string>();
  for (const file of facts) {
    // A promptfoo config reaches features through the modules it names (providers, prompt functions).
    for (const reference of promptfooReferences(file)) referenced.add(reference);
    // An eval suite reaches features through what it imports (often an index module); so does a test of a real model.
    if (file.language === 'test' ? readTestSuite(file, catalog) !== undefined : file.moduleSpecifiers.some((module) => matchesModulePattern(evalModules, module))) {
      for (const module of file.moduleSpecifiers) {
        const target = resolveModule(file.path, module);
        if (target) (file.language === 'test' ? testedFiles : referenced).add(target);
      }
    }
    // `system: TRIAGE_PROMPT` imported from a prompts module: the module holds the prompt.
    const visitArg = (arg: ArgFact): void =>
      walkFactValues(arg, (value) => {
        if (value.kind !== 'import') return false;
        const target = resolveModule(file.path, value.module);
        if (target) referenced.add(target);
        return true;
      });
    for (const call of file.calls) {
      for (const arg of call.args) {
        // Options, or what a handler returns (an MCP server's `() => ({ tools: SHIPPING_TOOLS })`).
        const object = arg.kind === 'object' ? arg : arg.kind === 'function' ? arg.returns : undefined;
        if (!object) continue;
        for (const [key, value] of Object.entries(object.props)) if (keys.has(key)) visitArg(value);
      }
    }
  }
  return { referenced, testedFiles };
}

