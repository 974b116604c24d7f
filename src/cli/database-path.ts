import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CliIo } from './io.js';

/** The history database: `--db`, else `$GENAI_DEBT_DB`, else `~/.genai-debt/genai-debt.db`. */
export function databasePath(io: CliIo, flag: string | undefined): string {
  if (flag) return resolve(io.cwd, flag);
  if (io.env.GENAI_DEBT_DB) return resolve(io.cwd, io.env.GENAI_DEBT_DB);
  return join(io.env.HOME ?? homedir(), '.genai-debt', 'genai-debt.db');
}
