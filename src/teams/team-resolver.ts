import picomatch from 'picomatch';
import { compileCodeowners, normalizeRepositoryPath, type CodeownersRule } from './codeowners.js';

/** The team of a path that neither the config nor CODEOWNERS assigns. */
export const UNOWNED = '(unowned)';

/** The `teams` key of the config (same shape as the schema's inferred type). */
export interface TeamsConfig {
  /** Team of every path no glob in `paths` matches; takes precedence over CODEOWNERS. */
  default?: string;
  /** picomatch glob (posix, relative to the repository root) to team; the first matching glob wins. */
  paths: Record<string, string>;
}

/**
 * Returns a function from a repository-relative posix path to its owner team, resolved in this
 * order: the first matching glob of `config.paths`; `config.default`; the first owner of the last
 * matching CODEOWNERS rule, as written (e.g. `@acme/payments`); {@link UNOWNED}. A CODEOWNERS rule
 * without owners makes its paths {@link UNOWNED}. `''` or `'.'` (a repository-wide finding) skips
 * the globs and falls back to `config.default`, then to a CODEOWNERS rule for every path (`*`).
 * Matchers are compiled once, so the returned function is cheap to call for every finding.
 */
export function createTeamResolver(options: { config?: TeamsConfig; codeowners?: CodeownersRule[] }): (path: string) => string {
  const globs = Object.entries(options.config?.paths ?? {}).map(([glob, team]) => ({
    team,
    isMatch: picomatch(glob, { dot: true }),
  }));
  const defaultTeam = options.config?.default;
  const ownersOf = compileCodeowners(options.codeowners ?? []);

  return (path) => {
    const relative = normalizeRepositoryPath(path);
    if (relative !== '') {
      const glob = globs.find((candidate) => candidate.isMatch(relative));
      if (glob !== undefined) return glob.team;
    }
    if (defaultTeam !== undefined) return defaultTeam;
    return ownersOf(relative)?.[0] ?? UNOWNED;
  };
}
