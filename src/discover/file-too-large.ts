import type { Diagnostic } from '../model/report.js';

const MB = 1024 * 1024;

function formatSize(bytes: number): string {
  return bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
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
