import { describe, expect, it } from 'vitest';
import { repoNameFromRemote } from '../../src/git/repo-name.js';

describe('repoNameFromRemote', () => {
  it.each([
    ['git@github.com:acme/bot.git', 'github.com/acme/bot'],
    ['github.com:acme/bot', 'github.com/acme/bot'],
    ['https://github.com/acme/bot.git', 'github.com/acme/bot'],
    ['https://user:token@github.com/Acme/Bot.git/', 'github.com/Acme/Bot'],
    ['https://GitHub.com/acme/bot', 'github.com/acme/bot'],
    ['http://gitlab.example/group/subgroup/bot.git', 'gitlab.example/group/subgroup/bot'],
    ['ssh://git@host.example:2222/acme/bot.git', 'host.example/acme/bot'],
    ['git+ssh://git@host.example/acme/bot.git', 'host.example/acme/bot'],
    ['git://host.example/acme/bot.git', 'host.example/acme/bot'],
    ['https://dev.azure.com/acme/My%20Project/_git/bot', 'dev.azure.com/acme/My Project/_git/bot'],
    ['file:///srv/git/bot.git', 'bot'],
    ['/srv/git/bot', 'bot'],
    ['/srv/git/bot/', 'bot'],
    ['/srv/git/bot/.git', 'bot'],
    ['../bot.git', 'bot'],
    ['C:\\repos\\bot.git', 'bot'],
    ['  git@github.com:acme/bot.git\n', 'github.com/acme/bot'],
  ])('names %j as %j', (url, name) => {
    expect(repoNameFromRemote(url)).toBe(name);
  });

  it('never keeps credentials', () => {
    expect(repoNameFromRemote('https://x-access-token:ghp_secret@github.com/acme/bot.git')).toBe('github.com/acme/bot');
  });

  it('rejects an empty URL', () => {
    expect(() => repoNameFromRemote('  ')).toThrow('empty remote URL: pass the URL of a git remote, such as git@github.com:acme/bot.git');
  });
});
