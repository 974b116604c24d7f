import ignore from 'ignore';
import picomatch from 'picomatch';

/** One rule of a CODEOWNERS file: a gitignore-style pattern and the owners it assigns. */
export interface CodeownersRule {
  /** The pattern as written in the file (gitignore syntax, escapes such as `\#` kept). */
  pattern: string;
  /** `@user`, `@org/team` or an email, as written; `[]` marks the matched paths as explicitly unowned. */
  owners: string[];
  /** 1-based line number in the CODEOWNERS file. */
  line: number;
}

/** A CODEOWNERS line that GitHub would skip, with the reason. */
export interface CodeownersError {
  /** 1-based line number in the CODEOWNERS file. */
  line: number;
  message: string;
}

/** Where GitHub looks for CODEOWNERS, in order; the first file found is the one used. */
export const CODEOWNERS_LOCATIONS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'] as const;

const USER_OR_TEAM = /^@[A-Za-z0-9](?:[A-Za-z0-9_.-]*)(?:\/[A-Za-z0-9_.-]+)?$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/**
 * Parses a GitHub CODEOWNERS file. Blank lines and comments (`# ...`, also after the owners) are
 * skipped; `\#` at the start of a pattern stands for a literal `#`. A pattern without owners is a
 * rule with `owners: []`. Lines GitHub would skip (`!` negation, `[ ]` ranges, malformed owners)
 * are left out of `rules` and reported in `errors`.
 */
export function parseCodeowners(text: string): { rules: CodeownersRule[]; errors: CodeownersError[] } {
  const rules: CodeownersRule[] = [];
  const errors: CodeownersError[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);

  lines.forEach((raw, index) => {
    const line = index + 1;
    const tokens = tokenize(raw);
    const [pattern, ...rest] = tokens;
    if (pattern === undefined || pattern.startsWith('#')) return;

    const commentAt = rest.findIndex((token) => token.startsWith('#'));
    const owners = commentAt === -1 ? rest : rest.slice(0, commentAt);

    const problem = patternProblem(pattern) ?? ownersProblem(owners);
    if (problem !== undefined) {
      errors.push({ line, message: problem });
      return;
    }
    rules.push({ pattern, owners, line });
  });

  return { rules, errors };
}

/**
 * The owners of `path` (posix, relative to the repository root) under GitHub's semantics: the
 * last matching rule wins; `[]` when that rule has no owners; `undefined` when no rule matches.
 * `''` or `'.'` stands for the repository itself, which only the rules for every path match
 * (`*`, `**`, `/**`). Compile once with {@link compileCodeowners} to resolve many paths.
 */
export function codeownersFor(rules: CodeownersRule[], path: string): string[] | undefined {
  return compileCodeowners(rules)(path);
}

/**
 * Compiles the rules once and returns {@link codeownersFor} for them: use it when resolving
 * many paths against the same CODEOWNERS file.
 */
export function compileCodeowners(rules: CodeownersRule[]): (path: string) => string[] | undefined {
  const compiled = rules.map((rule) => ({ owners: rule.owners, matches: compilePattern(rule.pattern) }));
  const wholeRepository = rules.filter((rule) => WHOLE_REPOSITORY_PATTERNS.has(rule.pattern)).at(-1);

  return (path) => {
    const relative = normalizeRepositoryPath(path);
    if (relative === '') return wholeRepository && [...wholeRepository.owners];
    // Last match wins (https://docs.github.com/en/repositories/managing-your-repositorys-settings-and-features/customizing-your-repository/about-code-owners).
    for (let index = compiled.length - 1; index >= 0; index--) {
      const rule = compiled[index]!;
      if (rule.matches(relative)) return [...rule.owners];
    }
    return undefined;
  };
}

const WHOLE_REPOSITORY_PATTERNS = new Set(['*', '**', '/**', '**/*', '/**/*']);

/**
 * A path as the matchers read it: posix, relative to the repository root, without a leading
 * `./` or `/` or a trailing `/`; `''` for the repository itself (`''`, `'.'`, `'./'`, `'/'`).
 */
export function normalizeRepositoryPath(path: string): string {
  let relative = path;
  while (relative.startsWith('./')) relative = relative.slice(2);
  relative = relative.replace(/^\/+/, '').replace(/\/+$/, '');
  return relative === '.' ? '' : relative;
}

/**
 * gitignore semantics come from `ignore` (one instance per rule, so that the last matching rule
 * wins even when an earlier rule matches a parent directory). GitHub departs from gitignore in
 * one place: a pattern ending in a lone `*` segment (`docs/*`, `/*`) matches the direct children
 * only, not files in nested directories, so those are matched with picomatch instead.
 */
function compilePattern(pattern: string): (path: string) => boolean {
  if (endsWithLoneStarSegment(pattern)) {
    const isMatch = picomatch(escapeForPicomatch(pattern.replace(/^\//, '')), {
      dot: true,
      nobrace: true,
      noextglob: true,
    });
    return (path) => isMatch(path);
  }
  const matcher = ignore({ ignorecase: false, allowRelativePaths: true }).add(pattern);
  return (path) => matcher.ignores(path);
}

function endsWithLoneStarSegment(pattern: string): boolean {
  const segments = pattern.split('/');
  return segments.length > 1 && segments.at(-1) === '*';
}

/** Keeps `*`, `?` and backslash escapes; makes picomatch's extra syntax (`( | ) + @ ! $ ^ ,`) literal. */
function escapeForPicomatch(pattern: string): string {
  let glob = '';
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index]!;
    if (char === '\\') {
      glob += pattern.slice(index, index + 2);
      index++;
    } else {
      glob += '()|+@!$^,{}'.includes(char) ? `\\${char}` : char;
    }
  }
  return glob;
}

/** Splits on whitespace that is not escaped with a backslash; escapes are kept. */
function tokenize(line: string): string[] {
  const tokens: string[] = [];
  let current = '';
  for (let index = 0; index < line.length; index++) {
    const char = line[index]!;
    if (char === '\\' && index + 1 < line.length) {
      current += char + line[index + 1]!;
      index++;
    } else if (/\s/.test(char)) {
      if (current !== '') tokens.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  if (current !== '') tokens.push(current);
  return tokens;
}

function patternProblem(pattern: string): string | undefined {
  // GitHub documents both as unsupported gitignore syntax in CODEOWNERS.
  if (pattern.startsWith('!')) {
    return `Negated pattern "${pattern}": CODEOWNERS does not support "!"; the line is skipped.`;
  }
  if (/(^|[^\\])(\\\\)*\[/.test(pattern)) {
    return `Character range in "${pattern}": CODEOWNERS does not support "[ ]"; the line is skipped.`;
  }
  return undefined;
}

function ownersProblem(owners: string[]): string | undefined {
  const invalid = owners.find((owner) => !USER_OR_TEAM.test(owner) && !EMAIL.test(owner));
  if (invalid === undefined) return undefined;
  return `Invalid owner "${invalid}": expected @user, @org/team or an email address; the line is skipped.`;
}
