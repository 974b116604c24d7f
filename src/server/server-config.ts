import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { ConfigError, formatZodIssues } from '../config/config-error.js';

/** The largest upload accepted by default: scan reports of big repositories run to a few megabytes. */
export const DEFAULT_UPLOAD_MAX_BYTES = 20 * 1024 * 1024;

/**
 * `server.yaml` of `genai-debt serve --config`. Strict, so a misspelt key is an error; each part
 * is its own object so later parts (a scheduler's `repositories`) are added beside `upload`.
 */
export const serverConfigSchema = z.strictObject({
  upload: z
    .strictObject({
      /** The bearer token CI runners send; prefer `tokenEnv` so the file holds no secret. */
      token: z.string().min(16, 'expected at least 16 characters').optional(),
      /** The environment variable that holds the token. */
      tokenEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected an environment variable name').optional(),
      maxBytes: z.number().int().positive().default(DEFAULT_UPLOAD_MAX_BYTES),
    })
    .default({ maxBytes: DEFAULT_UPLOAD_MAX_BYTES }),
});
export type ServerConfig = z.infer<typeof serverConfigSchema>;

/** Reads and validates `path`; the defaults when no path is given. */
export function loadServerConfig(path: string | undefined): ServerConfig {
  if (path === undefined) return serverConfigSchema.parse({});
  let data: unknown;
  try {
    data = parse(readFileSync(path, 'utf8')) ?? {};
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message.split('\n')[0];
    throw new ConfigError(`Cannot read server config ${path}: ${reason}`);
  }
  const result = serverConfigSchema.safeParse(data);
  if (!result.success) throw new ConfigError(`Invalid server config in ${path}:\n${formatZodIssues(result.error.issues)}`);
  return result.data;
}

/**
 * The upload token: `upload.token`, else the variable `upload.tokenEnv` names, else
 * `GENAI_DEBT_TOKEN`; undefined (read-only server) when none is set.
 */
export function uploadToken(config: ServerConfig, env: Record<string, string | undefined>): string | undefined {
  if (config.upload.token) return config.upload.token;
  if (config.upload.tokenEnv) {
    const value = env[config.upload.tokenEnv];
    if (!value) throw new ConfigError(`upload.tokenEnv names ${config.upload.tokenEnv}, but that environment variable is not set.`);
    return value;
  }
  return env.GENAI_DEBT_TOKEN || undefined;
}
