import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';

/** Options of one git invocation. */
export interface RunGitOptions {
  /** Milliseconds before git is killed; default 120 000. */
  timeoutMs?: number;
  /** Largest stdout accepted, in bytes; default 512 MiB. */
  maxBuffer?: number;
  /** Variables added to {@link gitEnvironment} (which protocols a fetch may use, how ssh runs). */
  env?: Record<string, string>;
  /** Written to git's stdin (for `--stdin` commands); without it stdin is closed at once. */
  input?: string;
}

/** What a {@link GitError} knows besides its message. */
export interface GitErrorDetails {
  /** git's exit code; undefined when it did not start, was killed, or was never run. */
  exitCode?: number | undefined;
  /** Everything git wrote to stderr. */
  stderr?: string;
  /** The underlying error (from `execFile`, `spawn`, or a GitError being made more precise). */
  cause?: unknown;
}

/** A git command that failed, timed out, could not start, or was called with a bad argument. */
export class GitError extends Error {
  override readonly name = 'GitError';
  /** git's exit code, when it exited on its own. */
  readonly exitCode: number | undefined;
  /** Everything git wrote to stderr ('' when unknown). */
  readonly stderr: string;

  /** @param message - one line naming the command, the directory, the cause and, when known, the fix */
  constructor(message: string, details: GitErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.exitCode = details.exitCode;
    this.stderr = details.stderr ?? '';
  }
}

const DEFAULT_TIMEOUT_MS = 120_000;
const DEFAULT_MAX_BUFFER = 512 * 1024 * 1024;

/**
 * Variables that point git at another repository, work tree or index. Git sets them for hooks, so a
 * scan started from a hook would otherwise read the hook's repository instead of `cwd`.
 */
const REPOSITORY_VARIABLES = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_INDEX_FILE',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_COMMON_DIR',
  'GIT_NAMESPACE',
  'GIT_PREFIX',
];

/**
 * The environment every git process of this layer runs with: the current one, minus variables that
 * redirect git to another repository, plus a C locale (stable messages to parse), no credential
 * prompts (a prompt would hang a scan) and no optional locks (read commands never touch the index).
 */
export function gitEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of REPOSITORY_VARIABLES) delete env[name];
  return { ...env, LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', ...extra };
}

/**
 * Runs `git <args>` in `cwd` (no shell) and returns its stdout as UTF-8.
 *
 * @throws GitError when git is missing, `cwd` does not exist, git exits non-zero, times out or
 *   writes more than `maxBuffer` bytes
 */
export async function runGit(cwd: string, args: string[], options: RunGitOptions = {}): Promise<string> {
  return (await runGitBuffer(cwd, args, options)).toString('utf8');
}

/** {@link runGit}, returning stdout as raw bytes (file contents at a commit). */
export function runGitBuffer(cwd: string, args: string[], options: RunGitOptions = {}): Promise<Buffer> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBuffer = options.maxBuffer ?? DEFAULT_MAX_BUFFER;
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      args,
      { cwd, env: gitEnvironment(options.env), encoding: 'buffer', timeout: timeoutMs, maxBuffer, windowsHide: true },
      (error, stdout, stderr) => {
        if (!error) {
          resolve(stdout);
          return;
        }
        gitErrorFor(error, cwd, args, stderr.toString('utf8'), { timeoutMs, maxBuffer }).then(reject, reject);
      },
    );
    // Closed after the input, if any: git never waits on it.
    child.stdin?.end(options.input);
  });
}

/** The name of the git subcommand in `args`, skipping global options such as `-c key=value`. */
function subcommandOf(args: readonly string[]): string {
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    if (arg === '-c' || arg === '-C') index += 1;
    else if (!arg.startsWith('-')) return arg;
  }
  return '';
}

/** The first non-empty line of `text`, trimmed (git's one-line error, without the usage text after it). */
export function firstLine(text: string): string {
  return text.split(/\r?\n/).find((line) => line.trim() !== '')?.trim() ?? '';
}

const HINTS: Array<[RegExp, string]> = [
  [/bad revision|unknown revision|invalid object name|not a valid object name|needed a single revision|bad object/i, 'Check that the ref exists.'],
  [/not a git repository/i, 'Run it inside a git repository or pass the path of one.'],
  [/dubious ownership/i, 'Mark the repository as safe with `git config --global --add safe.directory <path>`.'],
  [/does not have any commits yet/i, 'Commit at least once first.'],
  [/shallow/i, 'The clone is shallow; fetch more history with `git fetch --unshallow`.'],
];

/** A fix for a git error message, when one is known. */
export function hintFor(stderrLine: string): string | undefined {
  return HINTS.find(([pattern]) => pattern.test(stderrLine))?.[1];
}

/** Joins a message and a hint into one sentence-terminated line. */
export function withHint(message: string, hint: string | undefined): string {
  const sentence = /[.!?]$/.test(message) ? message : `${message}.`;
  return hint === undefined ? sentence : `${sentence} ${hint}`;
}

interface ExecError extends Error {
  code?: string | number | null;
  killed?: boolean;
  signal?: NodeJS.Signals | null;
}

async function gitErrorFor(
  error: ExecError,
  cwd: string,
  args: readonly string[],
  stderr: string,
  limits: { timeoutMs: number; maxBuffer: number },
): Promise<GitError> {
  const command = `git ${subcommandOf(args)}`.trimEnd();
  if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return spawnError(error, cwd, command);
  if (error.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
    return new GitError(`${command} failed in ${cwd}: its output exceeded ${limits.maxBuffer} bytes. Pass a larger maxBuffer.`, { stderr, cause: error });
  }
  if (error.killed && typeof error.code !== 'number') {
    return new GitError(
      `${command} timed out after ${limits.timeoutMs / 1000} s in ${cwd}. Check that the repository is local and not locked, or pass a longer timeout.`,
      { stderr, cause: error },
    );
  }
  const exitCode = typeof error.code === 'number' ? error.code : undefined;
  const line = firstLine(stderr);
  const cause = line !== '' ? line : exitCode !== undefined ? `exit code ${exitCode}` : error.message;
  return new GitError(withHint(`${command} failed in ${cwd}: ${cause}`, hintFor(line)), { exitCode, stderr, cause: error });
}

/**
 * The GitError for a git process that could not start. Node reports a missing `cwd` exactly like
 * a missing executable (ENOENT), so the directory is checked to tell the two apart.
 */
export async function spawnError(error: Error, cwd: string, command: string): Promise<GitError> {
  if (!(await isDirectory(cwd))) {
    return new GitError(`${command} failed: the directory ${cwd} does not exist. Pass the path of a git repository.`, { cause: error });
  }
  return new GitError(`${command} failed in ${cwd}: git is not installed or not on PATH. Install git and try again.`, { cause: error });
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Rejects a ref that git would read as an option (`--output=…`) or that cannot be one ref.
 *
 * @throws GitError naming the ref
 */
export function assertRef(ref: string, what = 'ref'): void {
  if (ref === '' || ref.startsWith('-') || /[\0\n]/.test(ref)) {
    throw new GitError(`invalid ${what} ${JSON.stringify(ref)}: a ${what} must be non-empty, must not start with "-" and must be one line. Pass a branch, tag or commit id.`);
  }
}
