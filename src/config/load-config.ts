import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ConfigError, formatZodIssues } from './config-error.js';
import { parseYaml } from './parse-yaml.js';
import { type Config, configSchema } from './config-schema.js';

export const CONFIG_FILE_NAMES = ['genai-debt.config.yaml', 'genai-debt.config.yml', 'genai-debt.config.json'];

export interface LoadedConfig {
  config: Config;
  /** The file it came from, or undefined for the defaults. */
  path?: string;
  /** The file as messages name it (relative to the working folder when found in the scanned root). */
  shownPath?: string;
}

/**
 * Reads the config as data (YAML or JSON; never executed): the file given, else the first of
 * {@link CONFIG_FILE_NAMES} in the scanned root, else the defaults.
 */
export function loadConfig(root: string, explicitPath?: string): LoadedConfig {
  const path = explicitPath ?? CONFIG_FILE_NAMES.map((name) => join(root, name)).find((candidate) => existsSync(candidate));
  if (!path) return { config: configSchema.parse({}) };
  const shown = explicitPath ?? relative(process.cwd(), path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`Cannot read config file ${shown}: ${(error as NodeJS.ErrnoException).code ?? String(error)}. Check the --config path.`);
  }
  return { config: parseConfig(text, shown), path, shownPath: shown };
}

/**
 * A config file's text (YAML or JSON) as validated data.
 *
 * @param shown - the file as messages name it
 * @throws ConfigError naming `shown` and each bad key
 */
export function parseConfig(text: string, shown: string): Config {
  let data: unknown;
  try {
    data = parseYaml(text) ?? {};
  } catch (error) {
    throw new ConfigError(`Config file ${shown} is not valid YAML/JSON: ${(error as Error).message.split('\n')[0]}`);
  }
  const result = configSchema.safeParse(data);
  if (!result.success) {
    throw new ConfigError(`Invalid config in ${shown}:\n${formatZodIssues(result.error.issues)}`);
  }
  return result.data;
}
