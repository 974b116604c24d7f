import { tool } from '@openai/agents';
import { z } from 'zod';

const HELP_CENTER_URL = process.env.HELP_CENTER_URL ?? 'http://help-center.internal';

async function helpCenter<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`${HELP_CENTER_URL}${path}`, init);
  if (!response.ok) throw new Error(`help center: ${response.status} on ${path}`);
  return (await response.json()) as T;
}

export const searchHelpCenter = tool({
  name: 'search_help_center',
  description: 'Search the help center articles; returns titles, ids, snippets and the date each was updated.',
  parameters: z.object({ query: z.string(), language: z.string().default('en') }),
  execute: async ({ query, language }) => helpCenter(`/search?q=${encodeURIComponent(query)}&lang=${language}`),
});

export const getHelpArticle = tool({
  name: 'get_help_article',
  description: 'Read the full text of one help center article by its id, to quote the policy exactly.',
  parameters: z.object({ articleId: z.string() }),
  execute: async ({ articleId }) => helpCenter(`/articles/${encodeURIComponent(articleId)}`),
});

export const reportOutdatedArticle = tool({
  name: 'report_outdated_article',
  description: 'Flag a help center article whose content contradicts a newer article, for the content team.',
  parameters: z.object({ articleId: z.string(), note: z.string() }),
  execute: async ({ articleId, note }) =>
    helpCenter(`/articles/${encodeURIComponent(articleId)}/flags`, { method: 'POST', body: JSON.stringify({ note }) }),
});

export const helpCenterTools = [searchHelpCenter, getHelpArticle, reportOutdatedArticle];
