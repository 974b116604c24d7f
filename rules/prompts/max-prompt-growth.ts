import * as z from 'zod';
import type { PromptSizeSample, RepoHistory } from '../../src/model/repo-model.js';
import { defineRule } from '../../src/rules/define-rule.js';

/** `12w`, `90d`, `48h`: a whole number of weeks, days or hours. */
const WINDOW = /^[1-9]\d*[hdw]$/;
const UNIT_MS = { h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

const windowMs = (window: string): number => Number(window.slice(0, -1)) * UNIT_MS[window.slice(-1) as keyof typeof UNIT_MS];

/** The sample to compare with: the first stored one, or the newest one at least `window` older than the current scan. */
function baselineOf(samples: PromptSizeSample[], history: RepoHistory, window: string | null): PromptSizeSample | undefined {
  if (window === null) return samples[0];
  const cutoff = Date.parse(history.at) - windowMs(window);
  return samples.findLast((sample) => Date.parse(sample.at) <= cutoff) ?? samples[0];
}

const code = `import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';
const SUPPORT_PROMPT = \`You answer customer questions for Acme Cloud. Be brief and friendly, and link the help article you used.
Never promise refunds; hand billing disputes to a human agent.
Since the March outage: do not guess incident causes; link the status page instead.
Since the April leak: never repeat an API key, even a partial one, back to the customer.
Since the May migration: EU customers' data lives in Frankfurt; never say otherwise.\`;
export const answerCustomer = (question: string) => generateText({ model: openai('gpt-4o'), system: SUPPORT_PROMPT, prompt: question });`;
const promptId = 'src/example.ts|system|SUPPORT_PROMPT';

export default defineRule({
  id: 'max-prompt-growth',
  category: 'prompts',
  defaultSeverity: 'warning',
  description: 'Limit how much a prompt may grow compared with its size in earlier stored scans.',
  rationale:
    'Mega-prompts are rarely written at once: they grow by a paragraph per incident until no one knows which instruction wins, and every call pays for all of them. A prompt that keeps growing needs splitting by task or pruning while its history is still known. Needs the scan history; without it nothing is reported.',
  effortMinutes: 60,
  options: z.strictObject({
    /** Growth above this share of the baseline size is reported. */
    maxGrowthPercent: z.number().positive(),
    /** Growth above this many tokens is reported as well; null: only the share applies. */
    maxGrowthTokens: z.number().int().positive().nullable(),
    /** Compare with the size this long ago (`12w`, `90d`, `48h`); null: with the prompt's first stored size. */
    window: z.string().regex(WINDOW, { message: 'expected a duration such as 12w, 90d or 48h' }).nullable(),
  }),
  defaultOptions: { maxGrowthPercent: 25, maxGrowthTokens: null, window: null },
  messages: {
    grewPercent:
      'Prompt {{name}} grew from {{from}} to {{to}} tokens (+{{percent}}%) since {{since}}; the limit is +{{limit}}%. Split it by task or prune stale instructions.',
    grewTokens:
      'Prompt {{name}} grew from {{from}} to {{to}} tokens (+{{growth}}) since {{since}}; the limit is +{{limit}} tokens. Split it by task or prune stale instructions.',
    grewFromEmpty: 'Prompt {{name}} grew from 0 to {{to}} tokens since {{since}}. Split it by task or prune stale instructions.',
  },
  examples: {
    invalid: [
      {
        code,
        history: {
          at: '2026-05-28T09:00:00Z',
          prompts: {
            [promptId]: [
              { at: '2026-01-12T10:00:00Z', tokens: 34 },
              { at: '2026-03-20T16:30:00Z', tokens: 51 },
              { at: '2026-04-22T11:15:00Z', tokens: 72 },
            ],
          },
        },
      },
    ],
    valid: [{ code, history: { at: '2026-05-28T09:00:00Z', prompts: { [promptId]: [{ at: '2026-04-22T11:15:00Z', tokens: 72 }] } } }],
  },
  check({ model, options, report }) {
    const history = model.history;
    if (!history) return;
    for (const prompt of model.prompts) {
      const samples = history.prompts[prompt.id] ?? [];
      const base = baselineOf(samples, history, options.window);
      if (!base) continue;
      const growth = prompt.tokens - base.tokens;
      const isOverPercent = growth * 100 > base.tokens * options.maxGrowthPercent || (base.tokens === 0 && growth > 0);
      const isOverTokens = options.maxGrowthTokens !== null && growth > options.maxGrowthTokens;
      if (!isOverPercent && !isOverTokens) continue;
      const name = prompt.name ?? `${prompt.role} prompt of ${prompt.usedBy}`;
      const common = { name, from: base.tokens, to: prompt.tokens, since: base.at.slice(0, 10) };
      const where = { file: prompt.file, line: prompt.line, anchor: prompt.id };
      if (isOverPercent && base.tokens === 0) {
        report({ messageId: 'grewFromEmpty', data: common, ...where });
      } else if (isOverPercent) {
        // Rounded up to a tenth, so growth just over the limit never reads as equal to it.
        const percent = Math.ceil((growth * 1000) / base.tokens) / 10;
        report({ messageId: 'grewPercent', data: { ...common, percent, limit: options.maxGrowthPercent }, ...where });
      } else {
        report({ messageId: 'grewTokens', data: { ...common, growth, limit: options.maxGrowthTokens ?? 0 }, ...where });
      }
    }
  },
});
