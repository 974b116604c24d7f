// Keeps the layer duties of ARCHITECTURE.md true. Run with `npm run lint`.
// Paths are regular expressions on repository-relative paths; `node:` prefixes are stripped
// by dependency-cruiser, so `fs` also matches `node:fs`.

/** Core modules that reach the disk, other processes, threads or the network. `crypto` is allowed. */
const IO_CORE_MODULES = '^(fs|fs/promises|child_process|worker_threads|net|http|https|http2|dgram|tls|dns|cluster|readline|process)$';

/** The pure core: no IO, output depends only on input. */
const PURE_LAYERS = '^(src/(extract|link|rules|findings|analyze|report|model|teams|gate)|rules)/';

/** The only modules that touch disk, processes, threads or the console. */
const EDGES = [
  '^src/(discover|scan|cli|git|store|server|scheduler)/',
  '^src/demo/',
  '^src/bin[.]ts$',
  '^src/package-root[.]ts$',
  '^src/config/load-config[.]ts$',
  '^src/catalog/load-catalog[.]ts$',
];

/** Any module of this repository (npm packages and core modules excluded). */
const IN_REPO = '^(src|rules)/';

/** Schemas shared by several layers; pure data, no loaders. */
const CATALOG_SCHEMA = '^src/catalog/catalog-schema[.]ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'The pipeline runs one way: a cycle means two modules each need the other. Move the shared part down (usually into src/model).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-io-in-pure-layers',
      severity: 'error',
      comment:
        'extract, link, rules, findings, analyze, report, model and rules/ are pure functions of their input. Do the IO in src/discover, src/config, src/catalog/load-catalog.ts, src/scan or src/cli and pass the data in.',
      from: { path: PURE_LAYERS },
      to: { dependencyTypes: ['core'], path: IO_CORE_MODULES },
    },
    {
      name: 'io-only-at-the-edges',
      severity: 'error',
      comment:
        'Schemas and other shared modules outside the pure layers stay pure too; only the edges (discover, scan, cli, bin, package-root, load-config, load-catalog) do IO.',
      from: { path: '^src/', pathNot: [PURE_LAYERS, ...EDGES] },
      to: { dependencyTypes: ['core'], path: IO_CORE_MODULES },
    },
    {
      name: 'model-is-a-leaf',
      severity: 'error',
      comment: 'src/model holds the types every layer speaks; it imports nothing but itself.',
      from: { path: '^src/model/' },
      to: { pathNot: '^src/model/' },
    },
    {
      name: 'rules-import-only-model-and-factory',
      severity: 'error',
      comment:
        'A rule is data plus one function over the repository model: it may import src/model, src/rules/define-rule.ts, other files in rules/ and zod, nothing else (no AST, no catalog, no IO).',
      from: { path: '^rules/' },
      to: { pathNot: ['^rules/', '^src/model/', '^src/rules/define-rule[.]ts$', '(^|/)node_modules/zod/'] },
    },
    {
      name: 'only-scan-and-cli-import-scan-and-cli',
      severity: 'error',
      comment:
        'src/scan orchestrates the pipeline and src/cli (and src/demo, which backfills the demo, and src/scheduler, which scans on a schedule inside serve) drive it; lower layers never call back up. src/bin.ts is the CLI entry point and only calls execute() from src/cli.',
      from: { path: '^src/', pathNot: ['^src/(scan|cli|scheduler)/', '^src/demo/', '^src/bin[.]ts$'] },
      to: { path: '^src/(scan|cli)/' },
    },
    {
      name: 'demo-runs-below-the-cli',
      severity: 'error',
      comment:
        'src/demo builds the demo repository and backfills it through src/scan and src/store; src/cli prints, serves and picks the exit code, so src/demo never imports src/cli or src/server.',
      from: { path: '^src/demo/' },
      to: { path: ['^src/(cli|server)/', '^src/bin[.]ts$'] },
    },
    {
      name: 'scan-does-not-import-cli',
      severity: 'error',
      comment: 'src/scan returns a ScanReport; printing it, choosing a format and the exit code belong to src/cli.',
      from: { path: '^src/scan/' },
      to: { path: ['^src/cli/', '^src/bin[.]ts$'] },
    },
    {
      name: 'nothing-imports-bin',
      severity: 'error',
      comment: 'src/bin.ts is the process entry point; import execute() from src/cli instead.',
      from: {},
      to: { path: '^src/bin[.]ts$' },
    },
    {
      name: 'discover-lists-files-only',
      severity: 'error',
      comment: 'src/discover finds and reads files; it knows nothing of parsing, the catalog or rules.',
      from: { path: '^src/discover/' },
      to: { path: IN_REPO, pathNot: '^src/(discover|model)/' },
    },
    {
      name: 'config-and-catalog-are-leaves',
      severity: 'error',
      comment: 'src/config and src/catalog turn YAML/JSON into validated data; they depend on no pipeline stage.',
      from: { path: '^src/(config|catalog)/' },
      to: { path: IN_REPO, pathNot: ['^src/(config|catalog|model)/', '^src/package-root[.]ts$'] },
    },
    {
      name: 'extract-sees-only-the-model',
      severity: 'error',
      comment:
        'An extractor is (path, text) -> FileFacts. It may not read the catalog or config: facts stay valid when either changes, so they can be cached by content.',
      from: { path: '^src/extract/' },
      to: { path: IN_REPO, pathNot: '^src/(extract|model)/' },
    },
    {
      name: 'only-extract-parses',
      severity: 'error',
      comment: 'Only src/extract sees an AST; every later layer works on facts, so rules work for every language an extractor supports.',
      from: { path: IN_REPO, pathNot: '^src/extract/' },
      to: { path: '(^|/)node_modules/(ts-morph|@ts-morph/common|typescript|web-tree-sitter|tree-sitter[^/]*)/' },
    },
    {
      name: 'only-scan-runs-extractors',
      severity: 'error',
      comment: 'src/scan feeds files to the extractors (in worker threads); no other layer calls them.',
      from: { path: IN_REPO, pathNot: '^src/(extract|scan)/' },
      to: { path: '^src/extract/' },
    },
    {
      name: 'link-reads-facts-and-catalog-only',
      severity: 'error',
      comment: 'src/link is a pure function of all files\u2019 facts and the catalog data (its schema types and pure readings of it such as sdk-exports.ts, never the loader).',
      from: { path: '^src/link/' },
      to: { path: IN_REPO, pathNot: ['^src/(link|model)/', CATALOG_SCHEMA, '^src/catalog/sdk-exports[.]ts$'] },
    },
    {
      name: 'rule-engine-stays-below-link',
      severity: 'error',
      comment:
        'src/rules runs rules over the repository model: it may use the model, the fingerprint and the config schema (rule settings), not link, extract, reporters or loaders.',
      from: { path: '^src/rules/' },
      to: { path: IN_REPO, pathNot: ['^src/(rules|model)/', '^src/findings/fingerprint[.]ts$', '^src/config/config-(schema|error)[.]ts$'] },
    },
    {
      name: 'findings-see-only-the-model',
      severity: 'error',
      comment: 'src/findings post-processes findings (fingerprints, suppressions) from model data alone.',
      from: { path: '^src/findings/' },
      to: { path: IN_REPO, pathNot: '^src/(findings|model)/' },
    },
    {
      name: 'analyze-composes-link-rules-findings',
      severity: 'error',
      comment:
        'src/analyze is everything after extraction: link -> rules -> suppressions -> metrics. The rule set and catalog are passed in by src/scan.',
      from: { path: '^src/analyze/' },
      to: { path: IN_REPO, pathNot: ['^src/(analyze|link|rules|findings|model)/', CATALOG_SCHEMA] },
    },
    {
      name: 'gate-compares-findings-only',
      severity: 'error',
      comment:
        'src/gate decides what a change adds (findings matched as in the store, budgets, the baseline file format) from data alone; src/cli reads the files, runs git and the scans.',
      from: { path: '^src/gate/' },
      to: { path: IN_REPO, pathNot: ['^src/(gate|model)/', '^src/findings/lifecycle[.]ts$', '^src/config/config-schema[.]ts$'] },
    },
    {
      name: 'reporters-see-only-the-report',
      severity: 'error',
      comment: 'A reporter is ScanReport -> string: it reads src/model only, and src/cli decides where the string goes.',
      from: { path: '^src/report/' },
      to: { path: IN_REPO, pathNot: '^src/(report|model)/' },
    },
    {
      name: 'only-server-serves-http',
      severity: 'error',
      comment: 'express, ejs, helmet and chart.js belong to the dashboard: only src/server imports them, so a scan never loads a web stack.',
      from: { path: IN_REPO, pathNot: '^src/server/' },
      to: { path: '(^|/)node_modules/(express|ejs|helmet|chart[.]js)/' },
    },
    {
      name: 'server-reads-through-the-store',
      severity: 'error',
      comment:
        'src/server renders what src/store reads (and stores uploads through it): it runs no scan, no git and no extractor, and never opens SQLite itself. The scheduler reaches it as an injected SchedulerControl, never as an import.',
      from: { path: '^src/server/' },
      to: { path: ['^src/(scan|cli|git|discover|extract|link|analyze|scheduler)/', '(^|/)node_modules/better-sqlite3/'] },
    },
    {
      name: 'scheduler-scans-below-the-cli',
      severity: 'error',
      comment:
        'src/scheduler runs scans on cron schedules (git mirrors, src/scan, the store) for genai-debt serve; the server sees it only through the SchedulerControl interface of src/server/status-page.ts, and src/cli starts it. It never imports src/cli, express or the server app.',
      from: { path: '^src/scheduler/' },
      to: { path: ['^src/cli/', '^src/bin[.]ts$', '^src/server/(app|upload|[a-z-]+-page)[.]ts$'], pathNot: '^src/server/status-page[.]ts$' },
    },
    {
      name: 'not-to-dev-dep',
      severity: 'error',
      comment:
        'The published CLI installs only "dependencies". Move the package to dependencies, or make the import `import type` when only its types are used (type-only imports are erased by tsc).',
      from: { path: IN_REPO },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-undeclared-deps',
      severity: 'error',
      comment: 'Every package imported from src or rules must be listed in package.json, not reached through another package.',
      from: { path: IN_REPO },
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that cannot be resolved fails at run time; fix the path or add the package.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    // Anchored: an unanchored "dist" would also drop node_modules/*/dist/* (ts-morph, yaml)
    // from the graph and blind the package rules above.
    exclude: { path: ['^dist/', '^test/'] },
    // Resolve package subpath exports (`gpt-tokenizer/encoding/o200k_base`) the way Node does.
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
