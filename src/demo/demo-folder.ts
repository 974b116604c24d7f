import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file that marks a folder as made by `genai-debt demo`, so a re-run may empty it. */
export const DEMO_MARKER = '.genai-debt-demo';

/** A data folder the demo may not use; the CLI prints the message as a usage error. */
export class DemoFolderError extends Error {
  override name = 'DemoFolderError';
}

/**
 * Makes `dir` ready for a fresh demo: creates it (with its parents) and the marker, or empties a
 * folder an earlier demo made (everything but the marker). An existing empty folder is adopted.
 *
 * @throws DemoFolderError when `dir` is a file, or a non-empty folder without the marker: the
 *   demo never deletes what it did not make
 */
export function prepareDemoFolder(dir: string): void {
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw new DemoFolderError(`${dir} is a file, not a folder; pass --dir with another path.`);
    const entries = readdirSync(dir);
    if (entries.length > 0 && !entries.includes(DEMO_MARKER)) {
      throw new DemoFolderError(
        `${dir} already exists and was not made by \`genai-debt demo\` (no ${DEMO_MARKER} file in it); the demo deletes its folder's contents on every run, so pass --dir with a new or empty folder.`,
      );
    }
    for (const entry of entries) {
      if (entry !== DEMO_MARKER) rmSync(join(dir, entry), { recursive: true, force: true });
    }
  } else {
    mkdirSync(dir, { recursive: true });
  }
  writeFileSync(join(dir, DEMO_MARKER), 'Made by `genai-debt demo`. Every run of it deletes and rebuilds the contents of this folder.\n');
}
