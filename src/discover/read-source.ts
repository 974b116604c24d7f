import type { Diagnostic } from '../model/report.js';
import { fileTooLarge } from './file-too-large.js';

export type ReadResult = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

// Git's own binary sniffing window.
const BINARY_SNIFF_BYTES = 8000;
const MINIFIED_MIN_BYTES = 20 * 1024;
const MINIFIED_MIN_AVERAGE_LINE_LENGTH = 300;
const GENERATED_MARKER_LINES = 5;
const GENERATED_MARKERS = ['@generated', 'DO NOT EDIT'];

// ignoreBOM: false (the default) strips a leading UTF-8 BOM.
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Lines of a text, counted without splitting it, up to `enough`: a caller that only asks whether
 * there are that many lines need not count the rest of a large file.
 */
function lineCount(text: string, enough: number): number {
  let lines = text.endsWith('\n') ? 0 : 1;
  for (let at = text.indexOf('\n'); at !== -1 && lines < enough; at = text.indexOf('\n', at + 1)) lines++;
  return lines;
}

function skipped(code: Diagnostic['code'], severity: Diagnostic['severity'], path: string, message: string): ReadResult {
  return { ok: false, diagnostic: { code, severity, message, file: path } };
}

/**
 * Decides from a file's bytes whether it is scannable source, and decodes it. Pure, so it also
 * serves content that never touched the disk, such as git blobs.
 *
 * @param path - posix path relative to the scan root, used in diagnostics
 * @param bytes - the whole file
 * @param maxFileSize - the size limit in bytes
 * @returns the UTF-8 text without a BOM, or the diagnostic saying why the file is skipped
 */
export function decodeSource(path: string, bytes: Uint8Array, maxFileSize: number): ReadResult {
  if (bytes.length > maxFileSize) return { ok: false, diagnostic: fileTooLarge(path, bytes.length, maxFileSize) };
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
    return skipped('binary-file', 'info', path, `Skipped ${path}: it contains NUL bytes, so it is binary, not source.`);
  }
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return skipped('non-utf8', 'warning', path, `Skipped ${path}: it is not valid UTF-8, and genai-debt reads UTF-8 only.`);
  }
  const header = text.split('\n', GENERATED_MARKER_LINES).join('\n');
  const marker = GENERATED_MARKERS.find((candidate) => header.includes(candidate));
  if (marker !== undefined) {
    return skipped(
      'generated-or-minified',
      'info',
      path,
      `Skipped ${path}: it looks generated ("${marker}" in its first ${GENERATED_MARKER_LINES} lines).`,
    );
  }
  if (bytes.length > MINIFIED_MIN_BYTES) {
    // Lines enough to bring the average down to the limit prove the file is not minified.
    const lines = lineCount(text, Math.ceil(text.length / MINIFIED_MIN_AVERAGE_LINE_LENGTH));
    const averageLineLength = text.length / lines;
    if (averageLineLength > MINIFIED_MIN_AVERAGE_LINE_LENGTH) {
      return skipped(
        'generated-or-minified',
        'info',
        path,
        `Skipped ${path}: it looks minified (${Math.round(averageLineLength)} characters per line on average).`,
      );
    }
  }
  return { ok: true, text };
}
