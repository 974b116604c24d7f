import { type Dirent, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { Diagnostic } from '../model/report.js';
import { isDefaultSkipped } from './is-default-skipped.js';
import { unreadable } from './unreadable.js';

/** The rules of one `.gitignore`; `base` is its directory relative to the root ('' for the root). */
interface GitignoreRules {
  base: string;
  rules: Ignore;
}

function isGitignored(relativePath: string, isDirectory: boolean, stack: readonly GitignoreRules[]): boolean {
  // The deepest .gitignore with an opinion wins, so a nested `!pattern` can re-include a file.
  for (let i = stack.length - 1; i >= 0; i--) {
    const { base, rules } = stack[i]!;
    const local = base === '' ? relativePath : relativePath.slice(base.length + 1);
    const result = rules.test(isDirectory ? `${local}/` : local);
    if (result.ignored) return true;
    if (result.unignored) return false;
  }
  return false;
}

/**
 * Lists the files under `root` without git, honouring `.gitignore` files at every level and
 * never descending into default-skipped directories such as `node_modules` or `.git`.
 * Symlinks are listed as entries and never followed, so link cycles cannot recurse.
 *
 * @param root - absolute directory to walk
 * @param isCandidate - regular files it rejects are not listed (and not matched against `.gitignore`)
 * @returns posix paths of files and symlinks relative to `root`, in no particular order
 */
export async function walkDirectory(root: string, isCandidate: (path: string) => boolean): Promise<{ paths: string[]; diagnostics: Diagnostic[] }> {
  const paths: string[] = [];
  const diagnostics: Diagnostic[] = [];

  async function visit(directory: string, stack: readonly GitignoreRules[]): Promise<void> {
    let entries: Dirent[];
    try {
      entries = readdirSync(join(root, directory), { withFileTypes: true });
    } catch (error) {
      diagnostics.push(unreadable(directory === '' ? '.' : directory, error));
      return;
    }
    const prefix = directory === '' ? '' : `${directory}/`;
    if (entries.some((entry) => entry.name === '.gitignore' && entry.isFile())) {
      try {
        const text = readFileSync(join(root, directory, '.gitignore'), 'utf8');
        stack = [...stack, { base: directory, rules: ignore().add(text) }];
      } catch (error) {
        diagnostics.push(unreadable(`${prefix}.gitignore`, error));
      }
    }
    for (const entry of entries) {
      const path = prefix + entry.name;
      if (entry.isDirectory()) {
        if (!isDefaultSkipped(path) && !isGitignored(path, true, stack)) await visit(path, stack);
      } else if (entry.isSymbolicLink() ? !isGitignored(path, false, stack) : entry.isFile() && isCandidate(path) && !isGitignored(path, false, stack)) {
        // Symlinks are listed whatever their name: one may point at a folder and loop.
        paths.push(path);
      }
    }
  }

  await visit('', []);
  return { paths, diagnostics };
}
