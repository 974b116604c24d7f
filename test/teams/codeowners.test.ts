import { describe, expect, it } from 'vitest';
import {
  CODEOWNERS_LOCATIONS,
  codeownersFor,
  compileCodeowners,
  normalizeRepositoryPath,
  parseCodeowners,
  type CodeownersRule,
} from '../../src/teams/codeowners.js';

/** The example file of GitHub's "About code owners" page, comments shortened. */
const GITHUB_EXAMPLE = [
  '# This is a comment.',
  '# Each line is a file pattern followed by one or more owners.',
  '',
  '*       @global-owner1 @global-owner2',
  '*.js    @js-owner #This is an inline comment.',
  '*.go docs@example.com',
  '*.txt @octo-org/octocats',
  '/build/logs/ @doctocat',
  'docs/*  docs@example.com',
  'apps/ @octocat',
  '/docs/ @doctocat',
  '/scripts/ @doctocat @octocat',
  '**/logs @octocat',
  '/apps/ @octocat',
  '/apps/github',
  '',
].join('\n');

const ruleFor = (pattern: string): CodeownersRule[] => [{ pattern, owners: ['@owner'], line: 1 }];

describe('parseCodeowners', () => {
  it("parses GitHub's example file into rules with owners as written and 1-based line numbers", () => {
    expect(parseCodeowners(GITHUB_EXAMPLE)).toEqual({
      rules: [
        { pattern: '*', owners: ['@global-owner1', '@global-owner2'], line: 4 },
        { pattern: '*.js', owners: ['@js-owner'], line: 5 },
        { pattern: '*.go', owners: ['docs@example.com'], line: 6 },
        { pattern: '*.txt', owners: ['@octo-org/octocats'], line: 7 },
        { pattern: '/build/logs/', owners: ['@doctocat'], line: 8 },
        { pattern: 'docs/*', owners: ['docs@example.com'], line: 9 },
        { pattern: 'apps/', owners: ['@octocat'], line: 10 },
        { pattern: '/docs/', owners: ['@doctocat'], line: 11 },
        { pattern: '/scripts/', owners: ['@doctocat', '@octocat'], line: 12 },
        { pattern: '**/logs', owners: ['@octocat'], line: 13 },
        { pattern: '/apps/', owners: ['@octocat'], line: 14 },
        { pattern: '/apps/github', owners: [], line: 15 },
      ],
      errors: [],
    });
  });

  it('drops a trailing comment after the owners, and a comment right after the pattern', () => {
    expect(parseCodeowners('src/ @acme/core # core team\nlegacy/ # nobody owns this\n')).toEqual({
      rules: [
        { pattern: 'src/', owners: ['@acme/core'], line: 1 },
        { pattern: 'legacy/', owners: [], line: 2 },
      ],
      errors: [],
    });
  });

  it('reads an escaped leading hash as part of the pattern, not as a comment', () => {
    const { rules, errors } = parseCodeowners('# a comment\n\\#release-notes.md @docs-team\n');
    expect(rules).toEqual([{ pattern: '\\#release-notes.md', owners: ['@docs-team'], line: 2 }]);
    expect(errors).toEqual([]);
    expect(codeownersFor(rules, '#release-notes.md')).toEqual(['@docs-team']);
    expect(codeownersFor(rules, 'release-notes.md')).toBeUndefined();
  });

  it('keeps an escaped space inside the pattern', () => {
    const { rules } = parseCodeowners('docs/User\\ Guide/ @writers\n');
    expect(rules).toEqual([{ pattern: 'docs/User\\ Guide/', owners: ['@writers'], line: 1 }]);
    expect(codeownersFor(rules, 'docs/User Guide/install.md')).toEqual(['@writers']);
  });

  it('skips blank and whitespace-only lines, CRLF line ends and a byte order mark', () => {
    expect(parseCodeowners('\uFEFF\r\n   \r\n\t*.py @py-owner\r\n')).toEqual({
      rules: [{ pattern: '*.py', owners: ['@py-owner'], line: 3 }],
      errors: [],
    });
  });

  it('reports a negated pattern and a character range as errors and skips those lines', () => {
    expect(parseCodeowners('* @global-owner\n!foo @octocat\n[abc].js @js-owner\n*.md @docs-team\n')).toEqual({
      rules: [
        { pattern: '*', owners: ['@global-owner'], line: 1 },
        { pattern: '*.md', owners: ['@docs-team'], line: 4 },
      ],
      errors: [
        { line: 2, message: 'Negated pattern "!foo": CODEOWNERS does not support "!"; the line is skipped.' },
        { line: 3, message: 'Character range in "[abc].js": CODEOWNERS does not support "[ ]"; the line is skipped.' },
      ],
    });
  });

  it('accepts an escaped bracket as a literal character', () => {
    expect(parseCodeowners('notes\\[draft\\].md @writers\n').errors).toEqual([]);
  });

  it('reports an owner that is neither @user, @org/team nor an email', () => {
    expect(parseCodeowners('src/ acme-core\n')).toEqual({
      rules: [],
      errors: [{ line: 1, message: 'Invalid owner "acme-core": expected @user, @org/team or an email address; the line is skipped.' }],
    });
  });
});

describe('codeownersFor: pattern semantics', () => {
  it.each([
    // `*` matches every file.
    { pattern: '*', path: 'README.md', matches: true },
    { pattern: '*', path: 'src/app/main.ts', matches: true },
    { pattern: '*', path: '.github/workflows/ci.yml', matches: true },
    // `*.js` matches at any depth, and only that extension.
    { pattern: '*.js', path: 'index.js', matches: true },
    { pattern: '*.js', path: 'src/lib/util.js', matches: true },
    { pattern: '*.js', path: 'src/lib/util.jsx', matches: false },
    { pattern: '*.js', path: 'src/lib/util.ts', matches: false },
    { pattern: '*.go', path: 'cmd/server/main.go', matches: true },
    // `/build/logs/`: the root's build/logs directory and everything under it.
    { pattern: '/build/logs/', path: 'build/logs/app.log', matches: true },
    { pattern: '/build/logs/', path: 'build/logs/2024/01/app.log', matches: true },
    { pattern: '/build/logs/', path: 'build/logs', matches: false },
    { pattern: '/build/logs/', path: 'src/build/logs/app.log', matches: false },
    { pattern: '/build/logs/', path: 'build/logs-archive/app.log', matches: false },
    // `docs/*`: direct children of docs/ only (GitHub's documented exception to gitignore).
    { pattern: 'docs/*', path: 'docs/getting-started.md', matches: true },
    { pattern: 'docs/*', path: 'docs/build-app/troubleshooting.md', matches: false },
    { pattern: 'docs/*', path: 'docs', matches: false },
    { pattern: 'docs/*', path: 'guides/docs/intro.md', matches: false },
    { pattern: 'foo/*.txt', path: 'foo/notes.txt', matches: true },
    { pattern: 'foo/*.txt', path: 'foo/bar/notes.txt', matches: false },
    { pattern: '/*', path: 'README.md', matches: true },
    { pattern: '/*', path: 'src/index.ts', matches: false },
    { pattern: 'docs/(drafts)/*', path: 'docs/(drafts)/idea.md', matches: true },
    { pattern: 'docs/User\\ Guide/*', path: 'docs/User Guide/install.md', matches: true },
    { pattern: 'docs/User\\ Guide/*', path: 'docs/User Guide/v2/install.md', matches: false },
    // `apps/`: an apps directory anywhere.
    { pattern: 'apps/', path: 'apps/web/index.ts', matches: true },
    { pattern: 'apps/', path: 'services/apps/api/main.ts', matches: true },
    { pattern: 'apps/', path: 'apps', matches: false },
    { pattern: 'apps/', path: 'myapps/web/index.ts', matches: false },
    // `/docs/`: the root's docs directory only, at any depth below it.
    { pattern: '/docs/', path: 'docs/guide.md', matches: true },
    { pattern: '/docs/', path: 'docs/build-app/troubleshooting.md', matches: true },
    { pattern: '/docs/', path: 'packages/web/docs/guide.md', matches: false },
    { pattern: '/scripts/', path: 'scripts/release.sh', matches: true },
    { pattern: '/scripts/', path: 'scripts/ci/deploy.sh', matches: true },
    { pattern: '/scripts/', path: 'tools/scripts/release.sh', matches: false },
    // `**/logs`: any logs directory (or file) at any depth.
    { pattern: '**/logs', path: 'logs/today.log', matches: true },
    { pattern: '**/logs', path: 'build/logs/today.log', matches: true },
    { pattern: '**/logs', path: 'deeply/nested/logs/a/today.log', matches: true },
    { pattern: '**/logs', path: 'logs', matches: true },
    { pattern: '**/logs', path: 'catalogs/index.ts', matches: false },
    { pattern: '**/logs', path: 'build/logs-old/today.log', matches: false },
    // `/scripts/**`: everything inside the root's scripts directory, not the name itself.
    { pattern: '/scripts/**', path: 'scripts/release.sh', matches: true },
    { pattern: '/scripts/**', path: 'scripts/ci/deploy.sh', matches: true },
    { pattern: '/scripts/**', path: 'scripts', matches: false },
    { pattern: '/scripts/**', path: 'tools/scripts/release.sh', matches: false },
    { pattern: 'docs/**/*.md', path: 'docs/guides/setup/install.md', matches: true },
    { pattern: 'docs/**/*.md', path: 'docs/install.md', matches: true },
    { pattern: 'docs/**/*.md', path: 'docs/install.txt', matches: false },
    // A slash in the middle anchors the pattern to the root.
    { pattern: 'src/app', path: 'src/app', matches: true },
    { pattern: 'src/app', path: 'src/app/main.ts', matches: true },
    { pattern: 'src/app', path: 'packages/web/src/app/main.ts', matches: false },
    { pattern: 'src/app', path: 'src/apple.ts', matches: false },
    // Without a slash a name matches at any depth, as a file or a directory; case-sensitive.
    { pattern: 'README.md', path: 'packages/web/README.md', matches: true },
    { pattern: 'README.md', path: 'readme.md', matches: false },
    { pattern: 'prompts', path: 'src/prompts/system.txt', matches: true },
    { pattern: 'prompts', path: 'src/prompts.ts', matches: false },
  ])('$pattern on $path: $matches', ({ pattern, path, matches }) => {
    expect(codeownersFor(ruleFor(pattern), path)).toEqual(matches ? ['@owner'] : undefined);
  });

  it('reads a leading ./ or / on the path as the repository root', () => {
    expect(codeownersFor(ruleFor('/docs/'), './docs/guide.md')).toEqual(['@owner']);
    expect(codeownersFor(ruleFor('/docs/'), '/docs/guide.md')).toEqual(['@owner']);
  });

  it('does not throw on a path outside the repository', () => {
    expect(codeownersFor(ruleFor('/docs/'), '../docs/guide.md')).toBeUndefined();
  });
});

describe('codeownersFor: last matching rule wins', () => {
  const { rules } = parseCodeowners(GITHUB_EXAMPLE);

  it.each([
    { path: 'README.md', owners: ['@global-owner1', '@global-owner2'] },
    { path: 'src/server.js', owners: ['@js-owner'] },
    { path: 'cmd/main.go', owners: ['docs@example.com'] },
    { path: 'notes/todo.txt', owners: ['@octo-org/octocats'] },
    { path: 'build/logs/app.log', owners: ['@octocat'] }, // `**/logs` comes after `/build/logs/`
    { path: 'build/output/app.js', owners: ['@js-owner'] },
    { path: 'docs/getting-started.md', owners: ['@doctocat'] }, // `/docs/` comes after `docs/*`
    { path: 'docs/build-app/troubleshooting.md', owners: ['@doctocat'] },
    { path: 'services/apps/api/main.ts', owners: ['@octocat'] },
    { path: 'scripts/release.sh', owners: ['@doctocat', '@octocat'] },
    { path: 'scripts/logs/run.log', owners: ['@octocat'] },
    { path: 'apps/web/index.ts', owners: ['@octocat'] },
    { path: 'apps/github/main.ts', owners: [] }, // `/apps/github` has no owners
    { path: 'apps/github', owners: [] },
  ])("GitHub's example assigns $path to $owners", ({ path, owners }) => {
    expect(codeownersFor(rules, path)).toEqual(owners);
  });

  it('lets a later rule win over an earlier one in both orders', () => {
    const jsLast = parseCodeowners('* @global-owner\n*.js @js-owner\n').rules;
    const jsFirst = parseCodeowners('*.js @js-owner\n* @global-owner\n').rules;
    expect(codeownersFor(jsLast, 'src/server.js')).toEqual(['@js-owner']);
    expect(codeownersFor(jsFirst, 'src/server.js')).toEqual(['@global-owner']);
  });

  it('lets a later file pattern win over an earlier rule that matches a parent directory', () => {
    const { rules: buildRules } = parseCodeowners('/build @build-team\n*.log @ops-team\n');
    expect(codeownersFor(buildRules, 'build/out/app.log')).toEqual(['@ops-team']);
    expect(codeownersFor(buildRules, 'build/out/app.js')).toEqual(['@build-team']);
  });

  it('returns undefined when no rule matches and [] for an explicitly unowned match', () => {
    const { rules: docsRules } = parseCodeowners('/docs/ @doctocat\n/docs/drafts/\n');
    expect(codeownersFor(docsRules, 'src/index.ts')).toBeUndefined();
    expect(codeownersFor(docsRules, 'docs/drafts/idea.md')).toEqual([]);
    expect(codeownersFor([], 'src/index.ts')).toBeUndefined();
  });

  it('returns a copy, so callers cannot change the rules', () => {
    const docsRules = ruleFor('/docs/');
    codeownersFor(docsRules, 'docs/guide.md')?.push('@intruder');
    expect(docsRules[0]?.owners).toEqual(['@owner']);
  });
});

describe('codeownersFor: the repository itself', () => {
  it.each([
    { text: '* @global-owner1 @global-owner2\n/apps/ @octocat\n', path: '', owners: ['@global-owner1', '@global-owner2'] },
    { text: '* @global-owner1 @global-owner2\n/apps/ @octocat\n', path: '.', owners: ['@global-owner1', '@global-owner2'] },
    { text: '* @global-owner\n** @platform-team\n*.js @js-owner\n', path: '', owners: ['@platform-team'] },
    { text: '* @global-owner\n*\n', path: '', owners: [] },
    { text: '/apps/ @octocat\n*.js @js-owner\n', path: '', owners: undefined },
    { text: '', path: '', owners: undefined },
  ])('resolves $path in $text to $owners', ({ text, path, owners }) => {
    expect(codeownersFor(parseCodeowners(text).rules, path)).toEqual(owners);
  });
});

describe('compileCodeowners', () => {
  it('resolves many paths with the same answers as codeownersFor', () => {
    const { rules } = parseCodeowners(GITHUB_EXAMPLE);
    const ownersOf = compileCodeowners(rules);
    for (const path of ['README.md', 'src/server.js', 'docs/build-app/troubleshooting.md', 'apps/github/main.ts', '']) {
      expect(ownersOf(path)).toEqual(codeownersFor(rules, path));
    }
  });
});

describe('normalizeRepositoryPath', () => {
  it.each([
    { path: '', expected: '' },
    { path: '.', expected: '' },
    { path: './', expected: '' },
    { path: '/', expected: '' },
    { path: './src/index.ts', expected: 'src/index.ts' },
    { path: '/src/index.ts', expected: 'src/index.ts' },
    { path: 'src/', expected: 'src' },
  ])('turns "$path" into "$expected"', ({ path, expected }) => {
    expect(normalizeRepositoryPath(path)).toBe(expected);
  });
});

describe('CODEOWNERS_LOCATIONS', () => {
  it('lists the places GitHub looks, in the order it looks', () => {
    expect(CODEOWNERS_LOCATIONS).toEqual(['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS']);
  });
});
