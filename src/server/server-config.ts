import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Cron } from 'croner';
import * as z from 'zod';
import { ConfigError, formatZodIssues } from '../config/config-error.js';
import { parseYaml } from '../config/parse-yaml.js';

/** The largest upload accepted by default: scan reports of big repositories run to a few megabytes. */
export const DEFAULT_UPLOAD_MAX_BYTES = 20 * 1024 * 1024;

/** When a repository without its own `schedule` is scanned, unless the config sets a global one: nightly at 02:00. */
export const DEFAULT_SCHEDULE = '0 2 * * *';

/** Scans run at once by default: one, so a scan never competes with the dashboard for the second core. */
const DEFAULT_CONCURRENCY = 1;

/**
 * A cron expression croner accepts: five fields (minute precision) or six (with seconds), or a
 * nickname such as `@daily`.
 */
const cronExpression = z.string().superRefine((pattern, context) => {
  try {
    new Cron(pattern, { mode: '5-or-6-parts' });
  } catch (error) {
    const reason = (error as Error).message.replace(/^CronPattern: /, '');
    context.addIssue({ code: 'custom', message: `not a cron expression (${reason}); write five fields such as "0 2 * * *" (02:00 every day)` });
  }
});

/** An IANA time zone name the runtime knows (`Europe/Berlin`, `UTC`). */
const timeZone = z.string().refine(
  (name) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: name });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'not a time zone this runtime knows; write an IANA name such as "Europe/Berlin" or "UTC"' },
);

/**
 * Why `url` may not be mirrored, or undefined when it may. Accepted: `https://`, `ssh://`,
 * scp-like `user@host:path`, and `file://`. Anything git could read as an option (a leading `-`)
 * or as another transport (`ext::`, `fd::`, `http://`, a bare local path) is refused: the config
 * names a remote, and a local checkout goes in `path`.
 */
export function remoteUrlProblem(url: string): string | undefined {
  if (url.startsWith('-')) return 'must not start with "-" (git would read it as an option)';
  if (/[\s\0]/.test(url)) return 'must not contain spaces or control characters';
  const host = '[A-Za-z0-9][A-Za-z0-9.-]*';
  const accepted = [
    new RegExp(`^https://([^/@]+@)?${host}(:\\d+)?(/\\S*)?$`),
    new RegExp(`^ssh://([^/@]+@)?${host}(:\\d+)?/\\S+$`),
    /^file:\/\/\/\S+$/,
    // scp-like syntax (git reads `user@host:path` as SSH); the path may not pose as an option either.
    new RegExp(`^[A-Za-z0-9._]+@${host}:(?!-)[^:]\\S*$`),
  ];
  if (accepted.some((pattern) => pattern.test(url))) return undefined;
  return 'expected an https://, ssh://, git@host:path or file:/// URL';
}

const repositoryName = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^\s\0-\x1f][^\0-\x1f]*$/, 'expected a name without control characters or leading space, such as acme/support-bot');

/** One repository the scheduler scans. */
const scheduledRepositorySchema = z
  .strictObject({
    /** Its name in the store and on the dashboard (`acme/support-bot`); unique in the list. */
    name: repositoryName,
    /** A local clone (relative to the config file); scanned from git objects, its work tree untouched. */
    path: z.string().min(1).optional(),
    /** A remote, mirrored into the mirrors folder and fetched before each scan. */
    url: z
      .string()
      .min(1)
      .superRefine((url, context) => {
        const problem = remoteUrlProblem(url);
        if (problem) context.addIssue({ code: 'custom', message: problem });
      })
      .optional(),
    /** The branch to scan; default: the remote's default branch, or the checkout's current branch. */
    branch: z
      .string()
      .min(1)
      .regex(/^(?!-)(?!.*\.\.)[^\s\0-\x1f~^:?*[\\]+$/, 'expected a branch name such as main')
      .optional(),
    /** The owner of every finding, unless the repository's own config assigns `teams`. */
    team: z.string().min(1).optional(),
    /** Cron expression; default: the global `schedule`. */
    schedule: cronExpression.optional(),
    /** Time zone of `schedule`; default: the global `timezone`. */
    timezone: timeZone.optional(),
  })
  .superRefine((repository, context) => {
    if ((repository.path === undefined) === (repository.url === undefined)) {
      context.addIssue({ code: 'custom', message: 'expected exactly one of path (a local clone) or url (a remote to mirror)' });
    }
  });
export type ScheduledRepositoryConfig = z.infer<typeof scheduledRepositorySchema>;

/**
 * `server.yaml` of `genai-debt serve --config`. Strict, so a misspelt key is an error; each part
 * is its own key (`upload`, the scheduler's `repositories` and their defaults).
 */
const serverConfigSchema = z.strictObject({
  upload: z
    .strictObject({
      /** The bearer token CI runners send; prefer `tokenEnv` so the file holds no secret. */
      token: z.string().min(16, 'expected at least 16 characters').optional(),
      /** The environment variable that holds the token. */
      tokenEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected an environment variable name').optional(),
      maxBytes: z.number().int().positive().default(DEFAULT_UPLOAD_MAX_BYTES),
    })
    .default({ maxBytes: DEFAULT_UPLOAD_MAX_BYTES }),
  /** Repositories the server scans on a schedule; none by default (the server only shows and stores). */
  repositories: z
    .array(scheduledRepositorySchema)
    .default([])
    .superRefine((repositories, context) => {
      const seen = new Set<string>();
      for (const [index, { name }] of repositories.entries()) {
        if (seen.has(name)) context.addIssue({ code: 'custom', path: [index, 'name'], message: `"${name}" is listed twice; names must be unique` });
        seen.add(name);
      }
    }),
  /** The schedule of repositories without their own. */
  schedule: cronExpression.default(DEFAULT_SCHEDULE),
  /** The time zone of schedules without their own; default: the server's local time. */
  timezone: timeZone.optional(),
  /** How many repositories are scanned at once. */
  concurrency: z.number().int().min(1).max(16).default(DEFAULT_CONCURRENCY),
  /** Where remote repositories are mirrored (relative to the config file); default: `mirrors/` beside the database. */
  mirrors: z.string().min(1).optional(),
});
export type ServerConfig = z.infer<typeof serverConfigSchema>;

/**
 * Reads and validates `path`; the defaults when no path is given. Relative `path`s of repositories
 * and `mirrors` are resolved against the config file's folder.
 */
export function loadServerConfig(path: string | undefined): ServerConfig {
  if (path === undefined) return serverConfigSchema.parse({});
  let data: unknown;
  try {
    data = parseYaml(readFileSync(path, 'utf8')) ?? {};
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message.split('\n')[0];
    throw new ConfigError(`Cannot read server config ${path}: ${reason}`);
  }
  return parseServerConfig(data, path);
}

/** Validates server config data read from `path` (which names it in errors and anchors relative paths). */
function parseServerConfig(data: unknown, path: string): ServerConfig {
  const result = serverConfigSchema.safeParse(data);
  if (!result.success) throw new ConfigError(`Invalid server config in ${path}:\n${formatZodIssues(result.error.issues)}`);
  const base = dirname(path);
  const config = result.data;
  return {
    ...config,
    repositories: config.repositories.map((repository) => (repository.path === undefined ? repository : { ...repository, path: resolve(base, repository.path) })),
    ...(config.mirrors === undefined ? {} : { mirrors: resolve(base, config.mirrors) }),
  };
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
