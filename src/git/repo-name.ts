/**
 * A stable repository name from a remote URL: host and path for network remotes, credentials,
 * port and `.git` dropped (`https://user:token@github.com/Acme/Bot.git/` →
 * `github.com/Acme/Bot`, `git@github.com:acme/bot.git` → `github.com/acme/bot`), and the last path
 * segment for local remotes (`file:///srv/git/bot.git`, `/srv/git/bot` → `bot`). Pure.
 *
 * @throws Error when `url` is empty
 */
export function repoNameFromRemote(url: string): string {
  const text = url.trim();
  if (text === '') throw new Error('empty remote URL: pass the URL of a git remote, such as git@github.com:acme/bot.git');

  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text);
  if (scheme) {
    if (scheme[1]!.toLowerCase() === 'file') return lastSegment(text.slice(scheme[0].length));
    const parsed = parseUrl(text);
    if (parsed) return joinHostAndPath(parsed.hostname, decodePath(parsed.pathname));
    // Not a valid URL: drop the scheme and any credentials, then read it like scp syntax.
    const rest = text.slice(scheme[0].length).replace(/^[^@/]*@/, '');
    const slash = rest.indexOf('/');
    const host = (slash === -1 ? rest : rest.slice(0, slash)).replace(/:\d*$/, '');
    return joinHostAndPath(host, slash === -1 ? '' : rest.slice(slash));
  }

  // scp-like syntax: a colon before the first slash, and not a Windows drive letter (C:\repo).
  const scp = /^(?:[^@/]+@)?([^:/]+):(.*)$/.exec(text);
  if (scp && !/^[a-z]$/i.test(scp[1]!)) return joinHostAndPath(scp[1]!, scp[2]!);

  return lastSegment(text);
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function joinHostAndPath(host: string, path: string): string {
  const repoPath = stripGitSuffix(trimSlashes(path));
  const name = host.toLowerCase();
  return repoPath === '' ? name : `${name}/${repoPath}`;
}

/** The repository's folder name of a local path; `/srv/bot/.git` names `bot`. */
function lastSegment(path: string): string {
  const segments = trimSlashes(path)
    .split(/[\\/]+/)
    .filter((segment) => segment !== '');
  const last = segments.at(-1) === '.git' ? segments.at(-2) : segments.at(-1);
  return stripGitSuffix(last ?? trimSlashes(path));
}

function trimSlashes(path: string): string {
  return path.replace(/^[\\/]+|[\\/]+$/g, '');
}

function stripGitSuffix(path: string): string {
  return path.replace(/\.git$/i, '').replace(/\/+$/, '');
}
