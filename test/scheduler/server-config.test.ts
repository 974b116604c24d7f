import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import { DEFAULT_SCHEDULE, loadServerConfig, remoteUrlProblem } from '../../src/server/server-config.js';
import { createTempDir, removeRepos } from '../git/git-fixture.js';

let folder: string;

beforeAll(() => {
  folder = createTempDir();
});

afterAll(() => removeRepos());

/** Writes `yaml` as a server config and loads it. */
function load(yaml: string) {
  const path = join(folder, 'server.yaml');
  writeFileSync(path, yaml);
  return loadServerConfig(path);
}

/** The ConfigError message loading `yaml` throws, without its first line (which names the file). */
function problems(yaml: string): string {
  try {
    load(yaml);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const [first, ...rest] = (error as Error).message.split('\n');
    expect(first).toBe(`Invalid server config in ${join(folder, 'server.yaml')}:`);
    return rest.join('\n');
  }
  throw new Error('expected a ConfigError');
}

describe('the server config of scheduled repositories', () => {
  it('fills in the defaults and resolves relative paths against the config file', () => {
    const config = load('repositories:\n  - name: acme/support-bot\n    path: ../checkouts/support-bot\n  - name: acme/helpdesk\n    url: https://github.com/acme/helpdesk.git\n    branch: release\n');
    expect(config).toEqual({
      upload: { maxBytes: 20 * 1024 * 1024 },
      schedule: DEFAULT_SCHEDULE,
      concurrency: 1,
      repositories: [
        { name: 'acme/support-bot', path: join(folder, '..', 'checkouts', 'support-bot') },
        { name: 'acme/helpdesk', url: 'https://github.com/acme/helpdesk.git', branch: 'release' },
      ],
    });
  });

  it('accepts schedules with seconds, nicknames and time zones', () => {
    const config = load('schedule: "@hourly"\ntimezone: Europe/Berlin\nconcurrency: 2\nrepositories:\n  - name: a\n    path: .\n    schedule: "*/30 * * * * *"\n    timezone: UTC\n');
    expect(config.repositories[0]).toEqual({ name: 'a', path: folder, schedule: '*/30 * * * * *', timezone: 'UTC' });
    expect([config.schedule, config.timezone, config.concurrency]).toEqual(['@hourly', 'Europe/Berlin', 2]);
  });

  it('refuses a bad cron expression, naming the key path', () => {
    expect(problems('repositories:\n  - name: a\n    path: .\n    schedule: "61 * * * *"\n')).toBe(
      '  repositories.0.schedule: not a cron expression (Invalid value for minute: 61); write five fields such as "0 2 * * *" (02:00 every day)',
    );
    expect(problems('schedule: every night\n')).toBe(
      '  schedule: not a cron expression (invalid configuration format (\'every night\'), exactly five, six, or seven space separated parts are required.); write five fields such as "0 2 * * *" (02:00 every day)',
    );
  });

  it('refuses an unknown time zone', () => {
    expect(problems('timezone: Mars/Olympus_Mons\n')).toBe('  timezone: not a time zone this runtime knows; write an IANA name such as "Europe/Berlin" or "UTC"');
  });

  it('refuses URLs of other schemes and URLs git would read as an option', () => {
    expect(
      problems(
        [
          'repositories:',
          '  - { name: a, url: "ext::sh -c touch% /tmp/pwned" }',
          '  - { name: b, url: "--upload-pack=touch /tmp/pwned" }',
          '  - { name: c, url: "http://example.com/acme/bot.git" }',
          '  - { name: d, url: "/srv/git/bot.git" }',
          '  - { name: e, url: "ssh://-oProxyCommand=touch/bot" }',
          '  - { name: f, url: "git@-oProxyCommand=x:acme/bot" }',
          '',
        ].join('\n'),
      ),
    ).toBe(
      [
        '  repositories.0.url: must not contain spaces or control characters',
        '  repositories.1.url: must not start with "-" (git would read it as an option)',
        '  repositories.2.url: expected an https://, ssh://, git@host:path or file:/// URL',
        '  repositories.3.url: expected an https://, ssh://, git@host:path or file:/// URL',
        '  repositories.4.url: expected an https://, ssh://, git@host:path or file:/// URL',
        '  repositories.5.url: expected an https://, ssh://, git@host:path or file:/// URL',
      ].join('\n'),
    );
  });

  it('accepts the https, ssh, scp-like and file URLs git clones from', () => {
    for (const url of ['https://github.com/acme/bot.git', 'https://ci:token@git.example.com:8443/acme/bot', 'ssh://git@github.com/acme/bot.git', 'git@github.com:acme/bot.git', 'file:///srv/git/bot.git']) {
      expect([url, remoteUrlProblem(url)]).toEqual([url, undefined]);
    }
  });

  it('refuses unknown keys at every level, naming the key path', () => {
    expect(problems('scheduel: "0 2 * * *"\nrepositories:\n  - name: a\n    path: .\n    brnach: main\n')).toBe(
      '  repositories.0: Unrecognized key: "brnach"\n  (root): Unrecognized key: "scheduel"',
    );
  });

  it('wants exactly one of path and url, unique names and a sane concurrency', () => {
    expect(
      problems('concurrency: 0\nrepositories:\n  - name: a\n    path: .\n    url: https://github.com/acme/a.git\n  - name: b\n  - name: a\n    path: ./a\n'),
    ).toBe(
      [
        '  repositories.0: expected exactly one of path (a local clone) or url (a remote to mirror)',
        '  repositories.1: expected exactly one of path (a local clone) or url (a remote to mirror)',
        '  repositories.2.name: "a" is listed twice; names must be unique',
        '  concurrency: Too small: expected number to be >=1',
      ].join('\n'),
    );
  });

  it('refuses a branch that git would read as an option', () => {
    expect(problems('repositories:\n  - name: a\n    path: .\n    branch: --output=/tmp/x\n')).toBe('  repositories.0.branch: expected a branch name such as main');
  });
});
