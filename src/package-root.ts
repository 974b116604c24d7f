import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The package's root folder, whether running from `dist/src` (built) or `src` (tests). */
export const PACKAGE_ROOT = fileURLToPath(new URL(import.meta.url.includes('/dist/') ? '../../' : '../', import.meta.url));

/** This tool's version, from package.json. */
export const TOOL_VERSION: string = (JSON.parse(readFileSync(`${PACKAGE_ROOT}package.json`, 'utf8')) as { version: string }).version;
