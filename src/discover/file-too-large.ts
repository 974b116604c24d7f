import type { Diagnostic } from '../model/report.js';

/** Decimal units, as maxFileSize is written in the config (1000000 = 1 MB). */
function formatSize(bytes: number): string {
  return bytes >= 1e6 ? `${Number((bytes / 1e6).toFixed(1))} MB` : `${Number((bytes / 1e3).toFixed(1))} KB`;
}

/**
 * The diagnostic for a file skipped because it exceeds the size limit.
 *
 * @param path - posix path relative to the scan root
 * @param size - file size in bytes
 * @param maxFileSize - the limit in bytes
 */
export function fileTooLarge(path: string, size: number, maxFileSize: number): Diagnostic {
  return {
    code: 'file-too-large',
    severity: 'warning',
    message:
      `Skipped ${path}: ${formatSize(size)} exceeds the ${formatSize(maxFileSize)} limit. ` +
      'Raise maxFileSize in genai-debt.config.yaml or add the file to ignores.',
    file: path,
  };
}
