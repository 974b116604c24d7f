import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';

/** The bundled demo application's weekly overlays: `examples/demo/weeks/NN/`. */
export const DEMO_WEEKS_DIR = join(PACKAGE_ROOT, 'examples', 'demo', 'weeks');

/** File names in a week folder that describe the week instead of being part of the application. */
const DELETED_FILE = 'DELETED';
const MESSAGE_FILE = 'MESSAGE';

/** One week of the demo application's history. */
export interface DemoWeek {
  /** The folder name, `01`, `02`, … */
  name: string;
  /** Files added or changed this week: repository path (posix) -> file in the overlay. */
  files: Map<string, string>;
  /** Repository paths (files or folders) removed this week, from the `DELETED` file. */
  deleted: string[];
  /** The commit message, from the `MESSAGE` file (else `Week NN`). */
  message: string;
}

/**
 * Reads the overlays in `weeksDir`, oldest first. Week folders are named by number; the first
 * holds the complete application, each later one only what changed.
 *
 * @throws Error when `weeksDir` has no week folders, or a `DELETED` entry leaves the repository
 */
export function readDemoWeeks(weeksDir: string = DEMO_WEEKS_DIR): DemoWeek[] {
  const names = readdirSync(weeksDir)
    .filter((name) => /^\d+$/.test(name) && statSync(join(weeksDir, name)).isDirectory())
    .sort((a, b) => Number(a) - Number(b));
  if (names.length === 0) throw new Error(`No demo weeks in ${weeksDir}; the package is incomplete.`);
  return names.map((name) => {
    const folder = join(weeksDir, name);
    const files = new Map<string, string>();
    collectFiles(folder, '', files);
    const deleted = files.has(DELETED_FILE) ? lines(readFileSync(files.get(DELETED_FILE)!, 'utf8')) : [];
    for (const path of deleted) {
      if (posix.isAbsolute(path) || posix.normalize(path).startsWith('..')) throw new Error(`${join(folder, DELETED_FILE)}: ${path} is outside the repository.`);
    }
    const message = files.has(MESSAGE_FILE) ? readFileSync(files.get(MESSAGE_FILE)!, 'utf8').trim() : `Week ${name}`;
    files.delete(DELETED_FILE);
    files.delete(MESSAGE_FILE);
    return { name, files, deleted, message };
  });
}

function collectFiles(folder: string, prefix: string, files: Map<string, string>): void {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) collectFiles(join(folder, entry.name), path, files);
    else if (entry.isFile()) files.set(path, join(folder, entry.name));
  }
}

function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}
