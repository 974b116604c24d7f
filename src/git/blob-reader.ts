import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { posix } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { resolveCommit } from './repository-info.js';
import { firstLine, gitEnvironment, GitError, hintFor, runGitBuffer, spawnError, withHint } from './run-git.js';

/** Reads object contents from one repository through a long-lived `git cat-file --batch`. */
export interface BlobReader {
  /**
   * The contents of each blob id. Calls may overlap: they are answered in the order they were made.
   *
   * @throws GitError when an id is missing or not a blob, or the git process fails or has been closed
   */
  read(ids: readonly string[]): Promise<Map<string, Buffer>>;
  /** Lets the git process finish the reads in flight, then waits for it to exit. */
  close(): Promise<void>;
}

/** Options of {@link openBlobReader}. */
export interface BlobReaderOptions {
  /** Milliseconds git may stay silent while a read is in flight before it is killed; default 120 000. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 120_000;
const NEWLINE = 0x0a;
const MAX_STDERR_CHARS = 16_384;

/**
 * Opens a reader of object contents in `repo`. The git process starts on the first `read`; call
 * `close()` when done, or it keeps the Node process alive.
 */
export function openBlobReader(repo: string, options: BlobReaderOptions = {}): BlobReader {
  return new CatFileBatchReader(repo, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
}

/**
 * One file's bytes at a commit, without a checkout (CODEOWNERS or a config file of a past commit).
 *
 * @param path - posix path relative to the repository top level
 * @returns undefined when no file exists at `path` in that commit (a directory is no file)
 * @throws GitError when `commit` does not exist
 */
export async function readFileAt(repo: string, commit: string, path: string): Promise<Buffer | undefined> {
  const id = await resolveCommit(repo, commit);
  const normalized = posix.normalize(path);
  if (normalized.startsWith('/') || normalized === '..' || normalized.startsWith('../') || normalized === '.') {
    throw new GitError(`invalid path ${JSON.stringify(path)}: pass a file path relative to the repository top level, such as .github/CODEOWNERS`);
  }
  try {
    return await runGitBuffer(repo, ['cat-file', 'blob', `${id}:${normalized}`]);
  } catch (error) {
    // git's answers for a path missing from the commit (on disk or not) and for a directory.
    if (error instanceof GitError && /does not exist|exists on disk, but not in|not a valid object name|bad file/i.test(error.stderr)) {
      return undefined;
    }
    throw error;
  }
}

interface ReadJob {
  results: Map<string, Buffer>;
  remaining: number;
  isSettled: boolean;
  resolve: (results: Map<string, Buffer>) => void;
  reject: (error: GitError) => void;
}

/** One id written to git, waiting for its answer; answers come back in request order. */
interface PendingObject {
  id: string;
  job: ReadJob;
}

/** The contents being received: `size` bytes plus the newline git writes after them. */
interface PendingBody {
  type: string;
  buffer: Buffer;
  filled: number;
}

/** `<oid> <type> <size>` (SHA-1 or SHA-256 ids). */
const OBJECT_HEADER = /^([0-9a-f]{40}|[0-9a-f]{64}) (\S+) (\d+)$/;

class CatFileBatchReader implements BlobReader {
  private child: ChildProcessByStdio<Writable, Readable, Readable> | undefined;
  private exited: Promise<void> = Promise.resolve();
  private failure: GitError | undefined;
  private isClosed = false;
  private readonly queue: PendingObject[] = [];
  private headerChunks: Buffer[] = [];
  private body: PendingBody | undefined;
  private stderr = '';
  private hasSpawnFailed = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly repo: string,
    private readonly timeoutMs: number,
  ) {}

  read(ids: readonly string[]): Promise<Map<string, Buffer>> {
    if (this.isClosed) {
      return Promise.reject(new GitError(`the blob reader of ${this.repo} is closed. Open a new one with openBlobReader().`));
    }
    if (this.failure) return Promise.reject(this.failure);
    const unique = [...new Set(ids)];
    const invalid = unique.find((id) => id === '' || /[\n\0]/.test(id));
    if (invalid !== undefined) {
      return Promise.reject(new GitError(`invalid object id ${JSON.stringify(invalid)}: pass blob ids such as TreeEntry.blobId.`));
    }
    if (unique.length === 0) return Promise.resolve(new Map());
    const child = this.start();
    return new Promise((resolve, reject) => {
      const job: ReadJob = { results: new Map(), remaining: unique.length, isSettled: false, resolve, reject };
      for (const id of unique) this.queue.push({ id, job });
      this.armTimer();
      child.stdin.write(`${unique.join('\n')}\n`);
    });
  }

  async close(): Promise<void> {
    if (!this.isClosed) {
      this.isClosed = true;
      this.child?.stdin.end();
    }
    await this.exited;
  }

  private start(): ChildProcessByStdio<Writable, Readable, Readable> {
    if (this.child) return this.child;
    const child = spawn('git', ['cat-file', '--batch'], {
      cwd: this.repo,
      env: gitEnvironment(),
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
    });
    this.child = child;
    this.exited = new Promise((resolve) => {
      child.on('error', (error) => {
        this.hasSpawnFailed = true;
        void spawnError(error, this.repo, 'git cat-file').then((gitError) => this.fail(gitError));
        resolve();
      });
      child.on('close', (code, signal) => {
        this.onExit(code, signal);
        resolve();
      });
    });
    // A write after git died fails with EPIPE; the 'close' handler reports why git died.
    child.stdin.on('error', () => {});
    child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => {
      if (this.stderr.length < MAX_STDERR_CHARS) this.stderr += text;
    });
    return child;
  }

  private onData(chunk: Buffer): void {
    let offset = 0;
    while (offset < chunk.length && this.failure === undefined) {
      if (this.body) {
        const body = this.body;
        const count = Math.min(body.buffer.length - body.filled, chunk.length - offset);
        chunk.copy(body.buffer, body.filled, offset, offset + count);
        body.filled += count;
        offset += count;
        if (body.filled === body.buffer.length) this.finishBody(body);
        continue;
      }
      const newline = chunk.indexOf(NEWLINE, offset);
      if (newline === -1) {
        this.headerChunks.push(chunk.subarray(offset));
        break;
      }
      this.headerChunks.push(chunk.subarray(offset, newline));
      offset = newline + 1;
      const header = Buffer.concat(this.headerChunks).toString('utf8');
      this.headerChunks = [];
      this.onHeader(header);
    }
    // An inactivity timeout, running only while answers are due, so an idle reader never times out.
    if (this.failure === undefined && this.queue.length > 0) this.armTimer();
    else this.clearTimer();
  }

  private onHeader(header: string): void {
    const object = OBJECT_HEADER.exec(header);
    if (object) {
      if (this.queue.length === 0) {
        this.fail(this.protocolError(`an answer nobody asked for (${JSON.stringify(header)})`));
        return;
      }
      // One extra byte for the newline git writes after the contents.
      this.body = { type: object[2]!, buffer: Buffer.allocUnsafe(Number(object[3]) + 1), filled: 0 };
      return;
    }
    const pending = this.queue.shift();
    if (pending === undefined) {
      this.fail(this.protocolError(`an answer nobody asked for (${JSON.stringify(header)})`));
    } else if (header.endsWith(' missing')) {
      this.rejectJob(pending.job, `object ${pending.id} is missing. Check that the id comes from this repository (a shallow or partial clone may lack it).`);
    } else if (header.endsWith(' ambiguous')) {
      this.rejectJob(pending.job, `object id ${pending.id} is ambiguous. Pass the full id.`);
    } else {
      this.fail(this.protocolError(`an unexpected line ${JSON.stringify(header)}`));
    }
  }

  private finishBody(body: PendingBody): void {
    this.body = undefined;
    const pending = this.queue.shift()!;
    if (body.buffer[body.buffer.length - 1] !== NEWLINE) {
      this.fail(this.protocolError(`contents of ${pending.id} without their closing newline`));
      return;
    }
    if (body.type !== 'blob') {
      this.rejectJob(pending.job, `object ${pending.id} is a ${body.type}, not a blob. Pass blob ids such as TreeEntry.blobId.`);
    } else if (!pending.job.isSettled) {
      pending.job.results.set(pending.id, body.buffer.subarray(0, body.buffer.length - 1));
      pending.job.remaining -= 1;
      if (pending.job.remaining === 0) {
        pending.job.isSettled = true;
        pending.job.resolve(pending.job.results);
      }
    }
  }

  /** Rejects one read; the answers still due for its other ids are read and dropped. */
  private rejectJob(job: ReadJob, reason: string): void {
    if (job.isSettled) return;
    job.isSettled = true;
    job.reject(new GitError(`git cat-file failed in ${this.repo}: ${reason}`));
  }

  private onExit(code: number | null, signal: NodeJS.Signals | null): void {
    this.clearTimer();
    // A process that never started is reported by the 'error' handler, with a better message.
    if (this.hasSpawnFailed || (this.queue.length === 0 && this.isClosed)) return;
    const line = firstLine(this.stderr);
    const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
    const cause = line === '' ? `git cat-file ${how}` : `git cat-file ${how}: ${line}`;
    this.fail(new GitError(withHint(`git cat-file failed in ${this.repo}: ${cause}`, hintFor(line)), { exitCode: code ?? undefined, stderr: this.stderr }));
  }

  /** Rejects every read in flight and every later one with `error`, and stops git. */
  private fail(error: GitError): void {
    this.failure ??= error;
    this.clearTimer();
    for (const { job } of this.queue.splice(0)) {
      if (job.isSettled) continue;
      job.isSettled = true;
      job.reject(this.failure);
    }
    this.body = undefined;
    this.headerChunks = [];
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) this.child.kill();
  }

  private protocolError(what: string): GitError {
    return new GitError(`git cat-file --batch in ${this.repo} sent ${what}. Check the git version; the reader has stopped.`);
  }

  private armTimer(): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.fail(
        new GitError(
          `git cat-file timed out after ${this.timeoutMs / 1000} s in ${this.repo}. Check that the repository is local, or pass a longer timeoutMs.`,
        ),
      );
    }, this.timeoutMs);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
