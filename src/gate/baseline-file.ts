import type { Finding } from '../model/report.js';

/** The baseline file's name in the scanned folder, as `genai-debt baseline` writes it. */
export const BASELINE_FILE_NAME = 'genai-debt-baseline';

/** One known finding in a baseline: what lifecycle matching needs, nothing that churns (no line, no message). */
export interface BaselineEntry {
  file: string;
  ruleId: string;
  fingerprint: string;
  contentFingerprint: string;
  anchorFingerprint: string;
}

/** A baseline file that cannot be read as one; the message names the file, the line and the fix. */
export class BaselineError extends Error {
  override name = 'BaselineError';
}

const HEADER = [
  '# genai-debt baseline: known debt that `genai-debt check` does not fail on. Commit this file.',
  '# One finding per line, sorted, so merges rarely conflict. `genai-debt baseline` only removes lines',
  '# (fixed debt); `genai-debt baseline --force` also adds the current new findings.',
  '# path<TAB>rule<TAB>fingerprint<TAB>content fingerprint<TAB>anchor fingerprint',
];

const FINGERPRINT = /^[0-9a-f]{8,64}$/;
const RULE_ID = /^[a-z0-9][a-z0-9/-]*$/;

export function baselineEntryOf(finding: Finding): BaselineEntry {
  const { file, ruleId, fingerprint, contentFingerprint, anchorFingerprint } = finding;
  return { file, ruleId, fingerprint, contentFingerprint, anchorFingerprint };
}

/**
 * Tabs, line breaks and `%` in paths are percent-encoded so every entry stays one line of five
 * fields, and a leading `#` so the entry is not read as a comment.
 */
function encodePath(path: string): string {
  const hex = (character: string) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
  return path.replace(/[%\t\n\r]/g, hex).replace(/^#/, hex);
}

function decodePath(text: string): string {
  return text.replace(/%(25|09|0A|0D|23)/gi, (_whole, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

function lineOf(entry: BaselineEntry): string {
  return [encodePath(entry.file), entry.ruleId, entry.fingerprint, entry.contentFingerprint, entry.anchorFingerprint].join('\t');
}

/** The file's text: the header, then one line per entry in code-unit order (the same on every platform and locale). */
export function formatBaseline(entries: readonly BaselineEntry[]): string {
  const lines = entries.map(lineOf).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `${[...HEADER, ...lines].join('\n')}\n`;
}

/**
 * Reads a baseline file's text. Blank lines and `#` comments are ignored.
 *
 * @param shownPath - the file as messages name it
 * @throws BaselineError naming the line, for merge conflict markers or a line that is not five fields
 */
export function parseBaseline(text: string, shownPath: string): BaselineEntry[] {
  const entries: BaselineEntry[] = [];
  // A BOM, as some Windows editors write, is not part of the first line.
  for (const [index, rawLine] of text.replace(/^\uFEFF/, '').split('\n').entries()) {
    const line = rawLine.replace(/\r$/, '');
    if (line.trim() === '' || line.startsWith('#')) continue;
    const where = `${shownPath}:${index + 1}`;
    if (/^(<{7}|={7}|>{7})( |$)/.test(line)) {
      throw new BaselineError(
        `${where}: unresolved git merge conflict. Keep the lines of both sides (delete the markers), or run \`genai-debt baseline --force\` to write it afresh.`,
      );
    }
    const fields = line.split('\t');
    const [file, ruleId, fingerprint, contentFingerprint, anchorFingerprint] = fields;
    if (
      fields.length !== 5 ||
      !file ||
      !ruleId ||
      !RULE_ID.test(ruleId) ||
      ![fingerprint, contentFingerprint, anchorFingerprint].every((value) => value !== undefined && FINGERPRINT.test(value))
    ) {
      throw new BaselineError(
        `${where}: expected "path<TAB>rule<TAB>fingerprint<TAB>content fingerprint<TAB>anchor fingerprint", got ${JSON.stringify(line.slice(0, 120))}. Run \`genai-debt baseline --force\` to write it afresh.`,
      );
    }
    entries.push({ file: decodePath(file), ruleId, fingerprint: fingerprint!, contentFingerprint: contentFingerprint!, anchorFingerprint: anchorFingerprint! });
  }
  return entries;
}
