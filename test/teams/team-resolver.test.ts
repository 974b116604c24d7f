import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/config-schema.js';
import { parseCodeowners } from '../../src/teams/codeowners.js';
import { UNOWNED, createTeamResolver, type TeamsConfig } from '../../src/teams/team-resolver.js';

const { rules: codeowners } = parseCodeowners(
  [
    '*                  @acme/platform @acme/sre',
    '/src/payments/     @acme/payments @acme/billing',
    '/src/payments/legacy/',
    '*.prompt.md        @acme/ai-guild',
  ].join('\n'),
);

describe('createTeamResolver', () => {
  it('returns UNOWNED without config or CODEOWNERS', () => {
    const teamOf = createTeamResolver({});
    expect(teamOf('src/index.ts')).toBe(UNOWNED);
    expect(teamOf('')).toBe(UNOWNED);
    expect(UNOWNED).toBe('(unowned)');
  });

  it.each([
    { path: 'src/index.ts', team: '@acme/platform' },
    { path: 'src/payments/charge.ts', team: '@acme/payments' },
    { path: 'src/payments/legacy/refund.ts', team: UNOWNED },
    { path: 'src/payments/prompts/refund.prompt.md', team: '@acme/ai-guild' },
  ])('uses the first owner of the last matching CODEOWNERS rule: $path -> $team', ({ path, team }) => {
    expect(createTeamResolver({ codeowners })(path)).toBe(team);
  });

  it('returns UNOWNED when no CODEOWNERS rule matches', () => {
    const { rules } = parseCodeowners('/src/payments/ @acme/payments\n');
    expect(createTeamResolver({ codeowners: rules })('scripts/seed.ts')).toBe(UNOWNED);
  });

  it('puts config globs before CODEOWNERS, and CODEOWNERS before UNOWNED', () => {
    const teamOf = createTeamResolver({ config: { paths: { 'src/payments/**': 'payments-team' } }, codeowners });
    expect(teamOf('src/payments/legacy/refund.ts')).toBe('payments-team');
    expect(teamOf('src/search/index.ts')).toBe('@acme/platform');
  });

  it('puts the config default before CODEOWNERS, but after the globs', () => {
    const teamOf = createTeamResolver({
      config: { default: 'platform-team', paths: { 'src/payments/**': 'payments-team' } },
      codeowners,
    });
    expect(teamOf('src/payments/charge.ts')).toBe('payments-team');
    expect(teamOf('src/search/index.ts')).toBe('platform-team');
    expect(teamOf('src/payments.prompt.md')).toBe('platform-team');
  });

  it('uses the first matching glob in the order written', () => {
    const specificFirst = createTeamResolver({ config: { paths: { 'src/payments/**': 'payments-team', 'src/**': 'web-team' } } });
    const broadFirst = createTeamResolver({ config: { paths: { 'src/**': 'web-team', 'src/payments/**': 'payments-team' } } });
    expect(specificFirst('src/payments/charge.ts')).toBe('payments-team');
    expect(specificFirst('src/search/index.ts')).toBe('web-team');
    expect(broadFirst('src/payments/charge.ts')).toBe('web-team');
  });

  it('matches globs against dot folders and ignores a leading ./', () => {
    const teamOf = createTeamResolver({ config: { paths: { '**/*.yml': 'devops-team', 'src/*.ts': 'web-team' } } });
    expect(teamOf('.github/workflows/ci.yml')).toBe('devops-team');
    expect(teamOf('./src/index.ts')).toBe('web-team');
    expect(teamOf('src/lib/index.ts')).toBe(UNOWNED);
  });

  it.each([
    {
      scenario: 'the config default',
      options: { config: { default: 'platform-team', paths: { '**': 'web-team' } }, codeowners },
      team: 'platform-team',
    },
    { scenario: 'the first owner of the CODEOWNERS rule for every path', options: { config: { paths: { '**': 'web-team' } }, codeowners }, team: '@acme/platform' },
    { scenario: 'UNOWNED without a rule for every path', options: { codeowners: parseCodeowners('/src/ @acme/web\n').rules }, team: UNOWNED },
    { scenario: 'UNOWNED when the rule for every path has no owners', options: { codeowners: parseCodeowners('* @acme/web\n*\n').rules }, team: UNOWNED },
  ])('resolves a repository-wide finding (path "" or ".") to $scenario', ({ options, team }) => {
    const teamOf = createTeamResolver(options);
    expect(teamOf('')).toBe(team);
    expect(teamOf('.')).toBe(team);
  });
});

describe('teams config', () => {
  it('parses into a TeamsConfig the resolver accepts', () => {
    const config = configSchema.parse({ teams: { default: 'platform-team', paths: { 'src/payments/**': 'payments-team' } } });
    const teams: TeamsConfig | undefined = config.teams;
    expect(teams).toEqual({ default: 'platform-team', paths: { 'src/payments/**': 'payments-team' } });
    expect(createTeamResolver({ config: teams, codeowners })('src/payments/charge.ts')).toBe('payments-team');
  });

  it('is optional, and paths default to {}', () => {
    expect(configSchema.parse({}).teams).toBeUndefined();
    expect(configSchema.parse({ teams: { default: 'platform-team' } }).teams).toEqual({ default: 'platform-team', paths: {} });
  });

  it('rejects unknown keys and empty team names', () => {
    expect(configSchema.safeParse({ teams: { paths: {}, owners: {} } }).success).toBe(false);
    expect(configSchema.safeParse({ teams: { default: '' } }).success).toBe(false);
    expect(configSchema.safeParse({ teams: { paths: { 'src/**': '' } } }).success).toBe(false);
  });
});
