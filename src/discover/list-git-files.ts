import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

// ls-files of a large monorepo easily exceeds execFile's 1 MB default.
const MAX_LISTING_BYTES = 512 * 1024 * 1024;

/**
 * Tracked and untracked-but-not-ignored files under `root`, as git sees them.
 *
 * @param root - directory to list; may be a subdirectory of the work tree
 * @returns posix paths relative to `root` (possibly including files deleted on disk), or
 *   `undefined` when git is not installed or `root` is not inside a work tree
 */
export async function listGitFiles(root: string): Promise<string[] | undefined> {
  try {
    await execFileAsync('git', ['-C', root, 'rev-parse', '--show-toplevel']);
    const { stdout } = await execFileAsync(
      'git',
      ['-C', root, 'ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', '.'],
      { maxBuffer: MAX_LISTING_BYTES },
    );
    // Untracked nested repositories are listed as `dir/`; conflicted files once per stage.
    return [...new Set(stdout.split('\0').filter((path) => path !== '').map((path) => path.replace(/\/$/, '')))];
  } catch {
    return undefined;
  }
}
