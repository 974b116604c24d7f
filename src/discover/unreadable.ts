import type { Diagnostic } from '../model/report.js';

/**
 * The diagnostic for a file or directory that the file system refused to read.
 *
 * @param path - posix path relative to the scan root
 * @param error - the error thrown by the `node:fs` call
 */
export function unreadable(path: string, error: unknown): Diagnostic {
  const reason = (error as NodeJS.ErrnoException).code ?? String(error);
  return { code: 'unreadable', severity: 'warning', message: `Skipped ${path}: cannot read it (${reason}).`, file: path };
}
