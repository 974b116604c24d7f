import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Prompt } from '../../src/model/repo-model.js';
import { scanRepository } from '../../src/scan/scan-repository.js';

// Expected `characters`, `tokens` (o200k) and `textHash` values were computed once, by hand, from
// the prompt texts as written in the fixtures; they are literals here on purpose.

function fixtureRoot(fixture: string): string {
  return fileURLToPath(new URL(`../fixtures/prompts/${fixture}`, import.meta.url));
}

/** Every field of a Prompt, with `name` and `enclosingFunction` absent when unknown. */
function promptSummary(prompt: Prompt): Prompt {
  return {
    file: prompt.file,
    line: prompt.line,
    ...(prompt.name === undefined ? {} : { name: prompt.name }),
    definedIn: prompt.definedIn,
    role: prompt.role,
    usedBy: prompt.usedBy,
    ...(prompt.enclosingFunction === undefined ? {} : { enclosingFunction: prompt.enclosingFunction }),
    textHash: prompt.textHash,
    characters: prompt.characters,
    tokens: prompt.tokens,
    sections: prompt.sections,
    numberedRules: prompt.numberedRules,
    variables: prompt.variables,
    parts: prompt.parts,
    id: prompt.id,
  };
}

/** `shouldExtractAll` parses files without a GenAI import too, to look past file selection. */
async function scanPrompts(fixture: string, options: { shouldExtractAll?: boolean } = {}): Promise<Prompt[]> {
  const report = await scanRepository({ root: fixtureRoot(fixture), ...options });
  return report.inventory.prompts.map(promptSummary);
}

const TRIAGE_PROMPTS: Prompt[] = [
  {
    file: 'src/billing.ts',
    line: 7,
    name: 'TRIAGE_PROMPT',
    definedIn: 'src/prompts/triage.ts',
    role: 'system',
    usedBy: 'anthropic.messages.create',
    enclosingFunction: 'triageInvoiceDispute',
    textHash: '609a5bf938e2ce6a',
    characters: 148,
    tokens: 34,
    sections: 0,
    numberedRules: 0,
    variables: [],
    parts: 1,
    id: 'src/billing.ts|system|TRIAGE_PROMPT',
  },
  {
    file: 'src/support.ts',
    line: 6,
    name: 'TRIAGE_PROMPT',
    definedIn: 'src/prompts/triage.ts',
    role: 'system',
    usedBy: 'ai.generateText',
    enclosingFunction: 'triageSupportTicket',
    textHash: '609a5bf938e2ce6a',
    characters: 148,
    tokens: 34,
    sections: 0,
    numberedRules: 0,
    variables: [],
    parts: 1,
    id: 'src/support.ts|system|TRIAGE_PROMPT',
  },
];

const TUTOR_PROMPT: Prompt = {
  file: 'src/prompts.ts',
  line: 4,
  definedIn: 'src/prompts.ts',
  role: 'system',
  usedBy: 'ChatPromptTemplate.fromMessages',
  textHash: '046fea241f7daf22',
  characters: 58,
  tokens: 13,
  sections: 0,
  numberedRules: 0,
  variables: ['topic'],
  parts: 1,
  id: 'src/prompts.ts|system|ChatPromptTemplate.fromMessages',
};

const SUMMARY_TEMPLATE: Prompt = {
  file: 'src/prompts.ts',
  line: 9,
  definedIn: 'src/prompts.ts',
  role: 'template',
  usedBy: 'PromptTemplate.fromTemplate',
  textHash: 'f467d812cf4db2aa',
  characters: 41,
  tokens: 12,
  sections: 0,
  numberedRules: 0,
  variables: ['text', 'count'],
  parts: 1,
  id: 'src/prompts.ts|template|PromptTemplate.fromTemplate',
};

/** `new SystemMessage(…)` is a system prompt, not a template: LangChain substitutes nothing in it. */
const BANKING_SYSTEM_MESSAGE: Prompt = {
  file: 'src/prompts.ts',
  line: 11,
  definedIn: 'src/prompts.ts',
  role: 'system',
  usedBy: 'SystemMessage',
  textHash: 'bc586e0f0af0de54',
  characters: 82,
  tokens: 16,
  sections: 0,
  numberedRules: 0,
  variables: [],
  parts: 1,
  id: 'src/prompts.ts|system|SystemMessage',
};

const CLAIMS_PROMPT: Prompt = {
  file: 'src/claims-assistant.ts',
  line: 13,
  name: 'SYSTEM',
  definedIn: 'src/claims-assistant.ts',
  role: 'system',
  usedBy: 'anthropic.messages.create',
  enclosingFunction: 'reviewClaim',
  textHash: 'cddb94a817497c4d',
  characters: 212,
  tokens: 43,
  sections: 0,
  numberedRules: 2,
  variables: [],
  parts: 3,
  id: 'src/claims-assistant.ts|system|SYSTEM',
};

describe('prompt inventory of each SDK idiom', () => {
  it('measures an AI SDK system prompt held in a constant: headings and a tag as sections, numbered rules', async () => {
    expect(await scanPrompts('ai-sdk-system')).toEqual([
      {
        file: 'src/support-chat.ts',
        line: 19,
        name: 'SUPPORT_PROMPT',
        definedIn: 'src/support-chat.ts',
        role: 'system',
        usedBy: 'ai.generateText',
        enclosingFunction: 'answerCustomer',
        textHash: '9670ebad8a9f592c',
        characters: 379,
        tokens: 85,
        sections: 3,
        numberedRules: 3,
        variables: [],
        parts: 1,
        id: 'src/support-chat.ts|system|SUPPORT_PROMPT',
      },
    ]);
  });

  it('finds OpenAI system and developer messages and responses instructions, skipping user messages', async () => {
    expect(await scanPrompts('openai-messages')).toEqual([
      {
        file: 'src/banking-assistant.ts',
        line: 6,
        definedIn: 'src/banking-assistant.ts',
        role: 'system',
        usedBy: 'openai.chat.completions.create',
        enclosingFunction: 'answerQuestion',
        textHash: 'bc586e0f0af0de54',
        characters: 82,
        tokens: 16,
        sections: 0,
        numberedRules: 0,
        variables: [],
        parts: 1,
        id: 'src/banking-assistant.ts|system|openai.chat.completions.create',
      },
      {
        file: 'src/banking-assistant.ts',
        line: 17,
        definedIn: 'src/banking-assistant.ts',
        role: 'instructions',
        usedBy: 'openai.responses.create',
        enclosingFunction: 'classifyComplaint',
        textHash: '775c33361b78d4c6',
        characters: 58,
        tokens: 14,
        sections: 0,
        numberedRules: 0,
        variables: [],
        parts: 1,
        id: 'src/banking-assistant.ts|instructions|openai.responses.create',
      },
      {
        file: 'src/banking-assistant.ts',
        line: 17,
        definedIn: 'src/banking-assistant.ts',
        role: 'developer',
        usedBy: 'openai.responses.create',
        enclosingFunction: 'classifyComplaint',
        textHash: '6a159912a856544d',
        characters: 60,
        tokens: 10,
        sections: 0,
        numberedRules: 0,
        variables: [],
        parts: 1,
        id: 'src/banking-assistant.ts|developer|openai.responses.create',
      },
    ]);
  });

  it('reads OpenAI Agents instructions with a parameter hole as a variable, measuring only the static text', async () => {
    expect(await scanPrompts('agents-instructions')).toEqual([
      {
        file: 'src/support-agent.ts',
        line: 4,
        definedIn: 'src/support-agent.ts',
        role: 'instructions',
        usedBy: 'openai-agents.Agent',
        enclosingFunction: 'createSupportAgent',
        textHash: '145285fb6e33e72e',
        characters: 114,
        tokens: 24,
        sections: 0,
        numberedRules: 0,
        variables: ['companyName'],
        parts: 1,
        id: 'src/support-agent.ts|instructions|openai-agents.Agent',
      },
    ]);
  });

  // A prompts module that imports only `@langchain/core/prompts` and `@langchain/core/messages` has a
  // GenAI signal through the template exports it names.
  it('finds LangChain templates in a module that imports only @langchain/core/prompts and messages', async () => {
    expect(await scanPrompts('langchain-templates')).toEqual([TUTOR_PROMPT, SUMMARY_TEMPLATE, BANKING_SYSTEM_MESSAGE]);
  });

  it('reads the system tuple of ChatPromptTemplate.fromMessages and a PromptTemplate, with their {variables}', async () => {
    const prompts = await scanPrompts('langchain-templates', { shouldExtractAll: true });
    expect(prompts.filter((prompt) => prompt.usedBy !== 'SystemMessage')).toEqual([TUTOR_PROMPT, SUMMARY_TEMPLATE]);
  });

  // Not role `template` (and id `…|template|SystemMessage`).
  it('gives a LangChain SystemMessage the role system', async () => {
    const prompts = await scanPrompts('langchain-templates', { shouldExtractAll: true });
    expect(prompts.filter((prompt) => prompt.usedBy === 'SystemMessage')).toEqual([BANKING_SYSTEM_MESSAGE]);
  });

  // The texts are the files' own: a markdown file with a heading and two numbered rules, a
  // .prompt file read from the repository root, a .txt file read by a module the call imports
  // from (parsed in phase two), and no prompt for a JSON file read the same way.
  it('reads prompt files the code reads at run time, from the reading file\'s folder or the repository root', async () => {
    expect(await scanPrompts('prompt-files')).toEqual([
      {
        file: 'src/triage.ts',
        line: 11,
        name: 'TRIAGE_PROMPT',
        definedIn: 'src/prompts/triage.md',
        role: 'system',
        usedBy: 'openai.chat.completions.create',
        enclosingFunction: 'triageTicket',
        textHash: 'c99ee99abd9cb4fe',
        characters: 152,
        tokens: 35,
        sections: 1,
        numberedRules: 2,
        variables: [],
        parts: 1,
        id: 'src/triage.ts|system|TRIAGE_PROMPT',
      },
      {
        file: 'src/triage.ts',
        line: 23,
        name: 'refunds',
        definedIn: 'prompts/refunds.prompt',
        role: 'instructions',
        usedBy: 'openai.responses.create',
        enclosingFunction: 'reviewRefund',
        textHash: 'b185699006dfb9f0',
        characters: 123,
        tokens: 25,
        sections: 0,
        numberedRules: 0,
        variables: [],
        parts: 1,
        id: 'src/triage.ts|instructions|refunds',
      },
      {
        file: 'src/triage.ts',
        line: 27,
        name: 'TONE',
        definedIn: 'src/agents/tone.txt',
        role: 'instructions',
        usedBy: 'openai.responses.create',
        enclosingFunction: 'replyWithTone',
        textHash: 'add93f585a83f4bb',
        characters: 40,
        tokens: 10,
        sections: 0,
        numberedRules: 0,
        variables: [],
        parts: 1,
        id: 'src/triage.ts|instructions|TONE',
      },
    ]);
  });

  // The loop's append is measured once (a lower bound) and its hole listed; four parts: the first
  // text and three appends.
  it('measures a system prompt grown with += (once in a loop) as the text sent, with its holes as variables', async () => {
    expect(await scanPrompts('appended-in-loop')).toEqual([
      {
        file: 'src/support-answer.ts',
        line: 11,
        name: 'system',
        definedIn: 'src/support-answer.ts',
        role: 'system',
        usedBy: 'openai.chat.completions.create',
        enclosingFunction: 'answerCustomer',
        textHash: '547302e7e588fb10',
        characters: 93,
        tokens: 21,
        sections: 0,
        numberedRules: 0,
        variables: ['rule', 'customerName'],
        parts: 4,
        id: 'src/support-answer.ts|system|system',
      },
    ]);
  });

  it('joins a system prompt assembled from three constants and counts its parts', async () => {
    const prompts = await scanPrompts('assembled-from-parts');
    const { name: _name, id: _id, ...withoutName } = CLAIMS_PROMPT;
    expect(prompts.map(({ name: _n, id: _i, ...rest }) => rest)).toEqual([withoutName]);
  });

  // Not a prompt without a `name` whose id falls back to the holder (`…|system|anthropic.messages.create`).
  it('names a joined prompt after the constant that holds it', async () => {
    expect(await scanPrompts('assembled-from-parts')).toEqual([CLAIMS_PROMPT]);
  });

  // A module that only exports a prompt constant has no GenAI signal and imports no provider: it is
  // parsed because a parsed call takes its prompt from it (phase two of extraction).
  it('follows a prompt constant imported by two modules in a default scan', async () => {
    expect(await scanPrompts('imported-constant')).toEqual(TRIAGE_PROMPTS);
  });

  it('follows a prompt constant imported by two modules to the file that defines it, with one hash', async () => {
    const prompts = await scanPrompts('imported-constant', { shouldExtractAll: true });
    expect(prompts).toEqual(TRIAGE_PROMPTS);
    expect(prompts[0]!.textHash).toBe(prompts[1]!.textHash);
  });

  it('gives a system text pasted into two files, once in a constant and once inline, equal hashes', async () => {
    const prompts = await scanPrompts('duplicated-copy');
    expect(prompts).toEqual([
      {
        file: 'src/refund-bot.ts',
        line: 12,
        name: 'REFUND_POLICY_PROMPT',
        definedIn: 'src/refund-bot.ts',
        role: 'system',
        usedBy: 'openai.chat.completions.create',
        enclosingFunction: 'decideRefund',
        textHash: '92c9840b5f7efc6a',
        characters: 383,
        tokens: 75,
        sections: 0,
        numberedRules: 0,
        variables: [],
        parts: 1,
        id: 'src/refund-bot.ts|system|REFUND_POLICY_PROMPT',
      },
      {
        file: 'src/returns-chat.ts',
        line: 5,
        definedIn: 'src/returns-chat.ts',
        role: 'system',
        usedBy: 'ai.streamText',
        enclosingFunction: 'chatAboutReturns',
        textHash: '92c9840b5f7efc6a',
        characters: 383,
        tokens: 75,
        sections: 0,
        numberedRules: 0,
        variables: [],
        parts: 1,
        id: 'src/returns-chat.ts|system|ai.streamText',
      },
    ]);
    expect(prompts[0]!.textHash).toBe(prompts[1]!.textHash);
  });

  it('gives the same text the same hash in two fixtures (an OpenAI system message and a LangChain SystemMessage)', async () => {
    const [openaiSystem] = await scanPrompts('openai-messages');
    const langchain = await scanPrompts('langchain-templates', { shouldExtractAll: true });
    const systemMessage = langchain.find((prompt) => prompt.usedBy === 'SystemMessage');
    expect(systemMessage?.textHash).toBe(openaiSystem!.textHash);
  });
});
