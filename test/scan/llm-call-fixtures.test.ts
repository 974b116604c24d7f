import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { LlmCallKind, TracingMechanism, TracingVerdict } from '../../src/model/repo-model.js';
import { scanRepository } from '../../src/scan/scan-repository.js';

/** What these tests pin down about one LlmCall; `model` and `enclosingFunction` are absent when unknown. */
interface CallSummary {
  file: string;
  line: number;
  api: string;
  sdk: string;
  kind: LlmCallKind;
  model?: string;
  enclosingFunction?: string;
  verdict: TracingVerdict;
  mechanisms: TracingMechanism[];
}

function fixtureRoot(fixture: string): string {
  return fileURLToPath(new URL(`../fixtures/${fixture}`, import.meta.url));
}

async function scanCalls(fixture: string): Promise<CallSummary[]> {
  const report = await scanRepository({ root: fixtureRoot(fixture) });
  return report.inventory.llmCalls.map((call) => ({
    file: call.file,
    line: call.line,
    api: call.api,
    sdk: call.sdk,
    kind: call.kind,
    ...(call.model === undefined ? {} : { model: call.model }),
    ...(call.enclosingFunction === undefined ? {} : { enclosingFunction: call.enclosingFunction }),
    verdict: call.tracing.verdict,
    mechanisms: call.tracing.evidence.map((evidence) => evidence.mechanism),
  }));
}

describe('LLM calls of each catalog SDK', () => {
  it('finds OpenAI chat, responses, Azure, legacy completions, beta parse and embeddings through fields, aliases and withOptions', async () => {
    expect(await scanCalls('sdks/openai')).toEqual([
      {
        file: 'src/azure-summaries.ts',
        line: 10,
        api: 'openai.chat.completions.create',
        sdk: 'openai',
        kind: 'generation',
        model: 'gpt-4o',
        enclosingFunction: 'summarizeTicket',
        verdict: 'untraced',
        mechanisms: [],
      },
      {
        file: 'src/search-index.ts',
        line: 6,
        api: 'openai.embeddings.create',
        sdk: 'openai',
        kind: 'embedding',
        model: 'text-embedding-3-small',
        enclosingFunction: 'embedArticles',
        verdict: 'untraced',
        mechanisms: [],
      },
      {
        file: 'src/search-index.ts',
        line: 14,
        api: 'openai.embeddings.create',
        sdk: 'openai',
        kind: 'embedding',
        model: 'text-embedding-3-large',
        enclosingFunction: 'embedSearchQuery',
        verdict: 'untraced',
        mechanisms: [],
      },
      {
        file: 'src/support-bot.ts',
        line: 7,
        api: 'openai.chat.completions.create',
        sdk: 'openai',
        kind: 'generation',
        model: 'gpt-4o-mini',
        enclosingFunction: 'SupportBot.answer',
        verdict: 'untraced',
        mechanisms: [],
      },
      {
        file: 'src/support-bot.ts',
        line: 18,
        api: 'openai.responses.create',
        sdk: 'openai',
        kind: 'generation',
        model: 'gpt-4.1',
        enclosingFunction: 'SupportBot.draftReply',
        verdict: 'untraced',
        mechanisms: [],
      },
      {
        file: 'src/ticket-classifier.ts',
        line: 18,
        api: 'openai.beta.chat.completions.parse',
        sdk: 'openai',
        kind: 'generation',
        model: 'gpt-4o-2024-08-06',
        enclosingFunction: 'TicketClassifier.extractFields',
        verdict: 'untraced',
        mechanisms: [],
      },
      {
        file: 'src/ticket-classifier.ts',
        line: 30,
        api: 'openai.completions.create',
        sdk: 'openai',
        kind: 'generation',
        model: 'gpt-3.5-turbo-instruct',
        enclosingFunction: 'TicketClassifier.completeSubjectLine',
        verdict: 'untraced',
        mechanisms: [],
      },
    ]);
  });

  it('finds Anthropic messages.create, messages.stream, the Bedrock client and beta toolRunner with the api names of the catalog', async () => {
    expect(await scanCalls('sdks/anthropic')).toEqual([
      {
        file: 'src/bedrock-claude.ts',
        line: 6,
        api: 'anthropic.messages.create',
        sdk: 'anthropic',
        kind: 'generation',
        model: 'anthropic.claude-3-5-sonnet-20241022-v2:0',
        enclosingFunction: 'rewriteForTone',
        verdict: 'untraced',
        mechanisms: [],
      },
      {
        file: 'src/refund-agent.ts',
        line: 19,
        api: 'anthropic.beta.messages.toolRunner',
        sdk: 'anthropic',
        kind: 'generation',
        model: 'claude-sonnet-4-5',
        enclosingFunction: 'handleRefundRequest',
        verdict: 'untraced',
        mechanisms: [],
      },
      // A field typed `Anthropic`, assigned from a factory the extractor cannot follow: the type decides.
      {
        file: 'src/summary-model.ts',
        line: 14,
        api: 'anthropic.messages.create',
        sdk: 'anthropic',
        kind: 'generation',
        model: 'claude-3-5-haiku-latest',
        enclosingFunction: 'SummaryModel.summarize',
        verdict: 'unknown',
        mechanisms: ['unresolved-client'],
      },
      {
        file: 'src/triage.ts',
        line: 6,
        api: 'anthropic.messages.create',
        sdk: 'anthropic',
        kind: 'generation',
        model: 'claude-3-5-sonnet-latest',
        enclosingFunction: 'triageEmail',
        verdict: 'untraced',
        mechanisms: [],
      },
      {
        file: 'src/triage.ts',
        line: 17,
        api: 'anthropic.messages.stream',
        sdk: 'anthropic',
        kind: 'generation',
        model: 'claude-3-5-haiku-latest',
        enclosingFunction: 'streamIncidentUpdate',
        verdict: 'untraced',
        mechanisms: [],
      },
    ]);
  });

  it('finds AI SDK functions (named and namespace imports), the aliased Agent class and embeddings, with provider factory model ids', async () => {
    expect(await scanCalls('sdks/vercel-ai')).toEqual([
      {
        file: 'src/app/api/chat/route.ts',
        line: 9,
        api: 'ai.streamText',
        sdk: 'vercel-ai',
        kind: 'generation',
        model: 'gpt-4o',
        enclosingFunction: 'POST',
        verdict: 'untraced',
        mechanisms: [],
      },
      {
        file: 'src/lib/release-notes.ts',
        line: 6,
        api: 'ai.generateText',
        sdk: 'vercel-ai',
        kind: 'generation',
        model: 'claude-3-5-haiku-latest',
        enclosingFunction: 'writeReleaseNotes',
        verdict: 'untraced',
        mechanisms: [],
      },
      {
        file: 'src/lib/release-notes.ts',
        line: 14,
        api: 'ai.generateObject',
        sdk: 'vercel-ai',
        kind: 'generation',
        model: 'openai/gpt-4o-mini',
        enclosingFunction: 'classifyCommit',
        verdict: 'untraced',
        mechanisms: [],
      },
      {
        file: 'src/lib/semantic-search.ts',
        line: 7,
        api: 'ai.embedMany',
        sdk: 'vercel-ai',
        kind: 'embedding',
        model: 'text-embedding-3-small',
        enclosingFunction: 'indexHelpArticles',
        verdict: 'untraced',
        mechanisms: [],
      },
      {
        file: 'src/lib/semantic-search.ts',
        line: 15,
        api: 'ai.embed',
        sdk: 'vercel-ai',
        kind: 'embedding',
        model: 'text-embedding-3-small',
        enclosingFunction: 'findClosestArticle',
        verdict: 'untraced',
        mechanisms: [],
      },
      {
        file: 'src/lib/support-agent.ts',
        line: 19,
        api: 'ai.Agent.generate',
        sdk: 'vercel-ai',
        kind: 'generation',
        model: 'gpt-4o',
        enclosingFunction: 'answerOrderQuestion',
        verdict: 'untraced',
        mechanisms: [],
      },
      {
        file: 'src/lib/support-agent.ts',
        line: 24,
        api: 'ai.Agent.stream',
        sdk: 'vercel-ai',
        kind: 'generation',
        model: 'gpt-4o',
        enclosingFunction: 'streamOrderAnswer',
        verdict: 'untraced',
        mechanisms: [],
      },
    ]);
  });

  it('finds LangChain invoke and stream through pipe, bindTools, withStructuredOutput, createReactAgent and initChatModel, RunnableSequence.from, classic chains, and embeddings', async () => {
    expect(await scanCalls('sdks/langchain')).toEqual([
      {
        file: 'src/agents/order-agent.ts',
        line: 17,
        api: 'langchain.invoke',
        sdk: 'langchain',
        kind: 'generation',
        model: 'claude-3-5-sonnet-latest',
        enclosingFunction: 'answerOrderQuestion',
        verdict: 'untraced',
        mechanisms: [],
      },
      {
        file: 'src/agents/order-agent.ts',
        line: 22,
        api: 'langchain.invoke',
        sdk: 'langchain',
        kind: 'generation',
        model: 'claude-3-5-sonnet-latest',
        enclosingFunction: 'pickToolCalls',
        verdict: 'untraced',
        mechanisms: [],
      },
      // Classic chains: new LLMChain, RetrievalQAChain.fromLLM, loadSummarizationChain; the model is the one their llm was made with.
      {
        file: 'src/chains/classic-chains.ts',
        line: 11,
        api: 'langchain.chain.invoke',
        sdk: 'langchain',
        kind: 'generation',
        model: 'gpt-4o-mini',
        enclosingFunction: 'suggestTitle',
        verdict: 'untraced',
        mechanisms: [],
      },
      {
        file: 'src/chains/classic-chains.ts',
        line: 16,
        api: 'langchain.chain.call',
        sdk: 'langchain',
        kind: 'generation',
        model: 'gpt-4o-mini',
        enclosingFunction: 'answerFromHandbook',
        verdict: 'untraced',
        mechanisms: [],
      },
      {
        file: 'src/chains/classic-chains.ts',
        line: 21,
        api: 'langchain.chain.run',
        sdk: 'langchain',
        kind: 'generation',
        model: 'gpt-4o-mini',
        enclosingFunction: 'summarizeThread',
        verdict: 'untraced',
        mechanisms: [],
      },
      // RunnableSequence.from([prompt, model, parser]) runs the model in the list.
      {
        file: 'src/chains/route-sequence.ts',
        line: 10,
        api: 'langchain.invoke',
        sdk: 'langchain',
        kind: 'generation',
        model: 'gpt-4o-mini',
        enclosingFunction: 'routeTicket',
        verdict: 'untraced',
        mechanisms: [],
      },
      {
        file: 'src/chains/summarize-ticket.ts',
        line: 15,
        api: 'langchain.invoke',
        sdk: 'langchain',
        kind: 'generation',
        model: 'gpt-4o-mini',
        enclosingFunction: 'summarizeTicket',
        verdict: 'untraced',
        mechanisms: [],
      },
      {
        file: 'src/chains/summarize-ticket.ts',
        line: 19,
        api: 'langchain.stream',
        sdk: 'langchain',
        kind: 'generation',
        model: 'gpt-4o-mini',
        enclosingFunction: 'streamTicketSummary',
        verdict: 'untraced',
        mechanisms: [],
      },
      {
        file: 'src/models/universal.ts',
        line: 12,
        api: 'langchain.invoke',
        sdk: 'langchain',
        kind: 'generation',
        enclosingFunction: 'extractTicket',
        verdict: 'untraced',
        mechanisms: [],
      },
      {
        file: 'src/search/embed-docs.ts',
        line: 6,
        api: 'langchain.embedDocuments',
        sdk: 'langchain',
        kind: 'embedding',
        model: 'text-embedding-3-large',
        enclosingFunction: 'embedHandbookSections',
        verdict: 'untraced',
        mechanisms: [],
      },
      {
        file: 'src/search/embed-docs.ts',
        line: 9,
        api: 'langchain.embedQuery',
        sdk: 'langchain',
        kind: 'embedding',
        model: 'text-embedding-3-large',
        enclosingFunction: 'embedQuestion',
        verdict: 'untraced',
        mechanisms: [],
      },
    ]);
  });

  it('finds LangChain calls on a model typed as BaseChatModel, with tracing unknown, and ignores getName()', async () => {
    expect(await scanCalls('sdks/langchain-base-model')).toEqual([
      {
        file: 'src/route-question.ts',
        line: 10,
        api: 'langchain.invoke',
        sdk: 'langchain',
        kind: 'generation',
        enclosingFunction: 'QuestionRouter.route',
        verdict: 'unknown',
        mechanisms: ['unresolved-client'],
      },
      {
        file: 'src/route-question.ts',
        line: 16,
        api: 'langchain.stream',
        sdk: 'langchain',
        kind: 'generation',
        enclosingFunction: 'streamAnswer',
        verdict: 'unknown',
        mechanisms: ['unresolved-client'],
      },
    ]);
  });

  it('finds OpenAI Agents SDK run, Runner.run and RealtimeSession.connect, traced by the framework by default', async () => {
    expect(await scanCalls('sdks/openai-agents')).toEqual([
      {
        file: 'src/triage.ts',
        line: 16,
        api: 'agents.run',
        sdk: 'openai-agents',
        kind: 'generation',
        enclosingFunction: 'triageMessage',
        verdict: 'traced',
        mechanisms: ['framework-default'],
      },
      {
        file: 'src/triage.ts',
        line: 23,
        api: 'agents.Runner.run',
        sdk: 'openai-agents',
        kind: 'generation',
        model: 'gpt-4.1',
        enclosingFunction: 'reviewRefund',
        verdict: 'traced',
        mechanisms: ['framework-default'],
      },
      {
        file: 'src/voice-session.ts',
        line: 10,
        api: 'agents.RealtimeSession.connect',
        sdk: 'openai-agents',
        kind: 'generation',
        enclosingFunction: 'startReceptionCall',
        verdict: 'traced',
        mechanisms: ['framework-default'],
      },
    ]);
  });

  it('finds Google Gen AI models.* calls and chat.sendMessage on a chat from chats.create', async () => {
    expect(await scanCalls('sdks/google-genai')).toEqual([
      {
        file: 'src/onboarding-chat.ts',
        line: 12,
        api: 'genai.chat.sendMessage',
        sdk: 'google-genai',
        kind: 'generation',
        model: 'gemini-2.5-flash',
        enclosingFunction: 'runOnboardingChat',
        verdict: 'untraced',
        mechanisms: [],
      },
      {
        file: 'src/reviews.ts',
        line: 6,
        api: 'genai.models.generateContent',
        sdk: 'google-genai',
        kind: 'generation',
        model: 'gemini-2.5-flash',
        enclosingFunction: 'summarizeReview',
        verdict: 'untraced',
        mechanisms: [],
      },
      {
        file: 'src/reviews.ts',
        line: 14,
        api: 'genai.models.generateContentStream',
        sdk: 'google-genai',
        kind: 'generation',
        model: 'gemini-2.5-pro',
        enclosingFunction: 'streamProductDescription',
        verdict: 'untraced',
        mechanisms: [],
      },
      {
        file: 'src/reviews.ts',
        line: 24,
        api: 'genai.models.embedContent',
        sdk: 'google-genai',
        kind: 'embedding',
        model: 'gemini-embedding-001',
        enclosingFunction: 'embedReview',
        verdict: 'untraced',
        mechanisms: [],
      },
    ]);
  });

  it('finds legacy Google Generative AI calls on models from getGenerativeModel (or over cached content), chained or held, and on a chat from startChat', async () => {
    expect(await scanCalls('sdks/google-generative-ai')).toEqual([
      {
        file: 'src/articles.ts',
        line: 7,
        api: 'generative-ai.generateContent',
        sdk: 'google-generative-ai',
        kind: 'generation',
        model: 'gemini-1.5-flash',
        enclosingFunction: 'suggestTags',
        verdict: 'untraced',
        mechanisms: [],
      },
      {
        file: 'src/articles.ts',
        line: 12,
        api: 'generative-ai.generateContent',
        sdk: 'google-generative-ai',
        kind: 'generation',
        model: 'gemini-1.5-pro',
        enclosingFunction: 'translateFaq',
        verdict: 'untraced',
        mechanisms: [],
      },
      {
        file: 'src/articles.ts',
        line: 22,
        api: 'generative-ai.chat.sendMessage',
        sdk: 'google-generative-ai',
        kind: 'generation',
        model: 'gemini-1.5-flash',
        enclosingFunction: 'practiceInterview',
        verdict: 'untraced',
        mechanisms: [],
      },
      {
        file: 'src/articles.ts',
        line: 30,
        api: 'generative-ai.embedContent',
        sdk: 'google-generative-ai',
        kind: 'embedding',
        model: 'text-embedding-004',
        enclosingFunction: 'embedArticle',
        verdict: 'untraced',
        mechanisms: [],
      },
      // A model over cached content: its model name is in the cache, not in the code.
      {
        file: 'src/articles.ts',
        line: 36,
        api: 'generative-ai.generateContent',
        sdk: 'google-generative-ai',
        kind: 'generation',
        enclosingFunction: 'answerFromManual',
        verdict: 'untraced',
        mechanisms: [],
      },
    ]);
  });

  it('finds Bedrock send() only for model commands (inline or held in a variable) and the aggregated client converse()', async () => {
    expect(await scanCalls('sdks/aws-bedrock')).toEqual([
      {
        file: 'src/product-copy.ts',
        line: 11,
        api: 'bedrock.Converse',
        sdk: 'aws-bedrock',
        kind: 'generation',
        model: 'anthropic.claude-3-5-sonnet-20240620-v1:0',
        enclosingFunction: 'writeProductCopy',
        verdict: 'untraced',
        mechanisms: [],
      },
      {
        file: 'src/product-copy.ts',
        line: 43,
        api: 'bedrock.InvokeModel',
        sdk: 'aws-bedrock',
        kind: 'generation',
        model: 'anthropic.claude-3-haiku-20240307-v1:0',
        enclosingFunction: 'writeTagline',
        verdict: 'untraced',
        mechanisms: [],
      },
      {
        file: 'src/quick-answers.ts',
        line: 6,
        api: 'bedrock.Converse',
        sdk: 'aws-bedrock',
        kind: 'generation',
        model: 'amazon.nova-lite-v1:0',
        enclosingFunction: 'answerFaq',
        verdict: 'untraced',
        mechanisms: [],
      },
    ]);
  });

  it('finds Mistral chat.complete, chat.stream, fim.complete and embeddings.create', async () => {
    expect(await scanCalls('sdks/mistral')).toEqual([
      {
        file: 'src/assistant.ts',
        line: 6,
        api: 'mistral.chat.complete',
        sdk: 'mistral',
        kind: 'generation',
        model: 'mistral-small-latest',
        enclosingFunction: 'detectLanguage',
        verdict: 'untraced',
        mechanisms: [],
      },
      {
        file: 'src/assistant.ts',
        line: 14,
        api: 'mistral.chat.stream',
        sdk: 'mistral',
        kind: 'generation',
        model: 'mistral-large-latest',
        enclosingFunction: 'streamAnswer',
        verdict: 'untraced',
        mechanisms: [],
      },
      {
        file: 'src/assistant.ts',
        line: 24,
        api: 'mistral.embeddings.create',
        sdk: 'mistral',
        kind: 'embedding',
        model: 'mistral-embed',
        enclosingFunction: 'embedSnippets',
        verdict: 'untraced',
        mechanisms: [],
      },
      {
        file: 'src/assistant.ts',
        line: 29,
        api: 'mistral.fim.complete',
        sdk: 'mistral',
        kind: 'generation',
        model: 'codestral-latest',
        enclosingFunction: 'fillInFunctionBody',
        verdict: 'untraced',
        mechanisms: [],
      },
    ]);
  });

  it('finds Cohere chat, chatStream and embed on v1 and v2 clients, but not rerank', async () => {
    expect(await scanCalls('sdks/cohere')).toEqual([
      {
        file: 'src/knowledge-base.ts',
        line: 6,
        api: 'cohere.chat',
        sdk: 'cohere',
        kind: 'generation',
        model: 'command-r-plus-08-2024',
        enclosingFunction: 'answerFromHandbook',
        verdict: 'untraced',
        mechanisms: [],
      },
      {
        file: 'src/knowledge-base.ts',
        line: 15,
        api: 'cohere.embed',
        sdk: 'cohere',
        kind: 'embedding',
        model: 'embed-english-v3.0',
        enclosingFunction: 'embedHandbook',
        verdict: 'untraced',
        mechanisms: [],
      },
      {
        file: 'src/knowledge-base.ts',
        line: 32,
        api: 'cohere.chatStream',
        sdk: 'cohere',
        kind: 'generation',
        model: 'command-r',
        enclosingFunction: 'streamLegacyAnswer',
        verdict: 'untraced',
        mechanisms: [],
      },
    ]);
  });

  it('finds Ollama calls on the default instance and on new Ollama(), but not list()', async () => {
    expect(await scanCalls('sdks/ollama')).toEqual([
      {
        file: 'src/gpu-box.ts',
        line: 6,
        api: 'ollama.generate',
        sdk: 'ollama',
        kind: 'generation',
        model: 'qwen2.5-coder:14b',
        enclosingFunction: 'reviewDiff',
        verdict: 'untraced',
        mechanisms: [],
      },
      {
        file: 'src/local-chat.ts',
        line: 4,
        api: 'ollama.chat',
        sdk: 'ollama',
        kind: 'generation',
        model: 'llama3.1',
        enclosingFunction: 'explainError',
        verdict: 'untraced',
        mechanisms: [],
      },
      {
        file: 'src/local-chat.ts',
        line: 12,
        api: 'ollama.embed',
        sdk: 'ollama',
        kind: 'embedding',
        model: 'nomic-embed-text',
        enclosingFunction: 'embedLogLines',
        verdict: 'untraced',
        mechanisms: [],
      },
    ]);
  });

  it('finds Groq chat.completions.create with default and named imports, at module top level without an enclosing function', async () => {
    expect(await scanCalls('sdks/groq')).toEqual([
      {
        file: 'src/ask.ts',
        line: 7,
        api: 'groq.chat.completions.create',
        sdk: 'groq',
        kind: 'generation',
        model: 'llama-3.3-70b-versatile',
        verdict: 'untraced',
        mechanisms: [],
      },
      {
        file: 'src/moderation.ts',
        line: 6,
        api: 'groq.chat.completions.create',
        sdk: 'groq',
        kind: 'generation',
        model: 'meta-llama/llama-guard-4-12b',
        enclosingFunction: 'isSafeComment',
        verdict: 'untraced',
        mechanisms: [],
      },
    ]);
  });

  it('finds Mastra Agent.generate on an agent from mastra.getAgent and Agent.stream on an agent imported from its module', async () => {
    expect(await scanCalls('sdks/mastra')).toEqual([
      {
        file: 'src/routes/support.ts',
        line: 6,
        api: 'mastra.Agent.generate',
        sdk: 'mastra',
        kind: 'generation',
        enclosingFunction: 'handleSupportMessage',
        verdict: 'untraced',
        mechanisms: [],
      },
      {
        file: 'src/routes/support.ts',
        line: 11,
        api: 'mastra.Agent.stream',
        sdk: 'mastra',
        kind: 'generation',
        model: 'openai/gpt-4o-mini',
        enclosingFunction: 'streamSupportReply',
        verdict: 'untraced',
        mechanisms: [],
      },
    ]);
  });

  it('finds LlamaIndex chat, complete, embeddings and agent run, telling its OpenAI class from the openai SDK', async () => {
    expect(await scanCalls('sdks/llamaindex')).toEqual([
      {
        file: 'src/newsroom.ts',
        line: 10,
        api: 'llamaindex.chat',
        sdk: 'llamaindex',
        kind: 'generation',
        model: 'gpt-4o-mini',
        enclosingFunction: 'rewriteHeadline',
        verdict: 'untraced',
        mechanisms: [],
      },
      {
        file: 'src/newsroom.ts',
        line: 17,
        api: 'llamaindex.complete',
        sdk: 'llamaindex',
        kind: 'generation',
        model: 'gpt-4o-mini',
        enclosingFunction: 'continueLede',
        verdict: 'untraced',
        mechanisms: [],
      },
      {
        file: 'src/newsroom.ts',
        line: 22,
        api: 'llamaindex.getTextEmbedding',
        sdk: 'llamaindex',
        kind: 'embedding',
        model: 'text-embedding-3-small',
        enclosingFunction: 'embedHeadline',
        verdict: 'untraced',
        mechanisms: [],
      },
      {
        file: 'src/newsroom.ts',
        line: 35,
        api: 'llamaindex.agent.run',
        sdk: 'llamaindex',
        kind: 'generation',
        model: 'gpt-4o-mini',
        enclosingFunction: 'askEditor',
        verdict: 'untraced',
        mechanisms: [],
      },
    ]);
  });

  it('finds Portkey calls and traces them as going through the gateway by default', async () => {
    expect(await scanCalls('sdks/portkey')).toEqual([
      {
        file: 'src/billing-assistant.ts',
        line: 9,
        api: 'portkey.chat.completions.create',
        sdk: 'portkey',
        kind: 'generation',
        model: 'gpt-4o-mini',
        enclosingFunction: 'answerBillingQuestion',
        verdict: 'traced',
        mechanisms: ['gateway'],
      },
      {
        file: 'src/billing-assistant.ts',
        line: 17,
        api: 'portkey.embeddings.create',
        sdk: 'portkey',
        kind: 'embedding',
        model: 'text-embedding-3-small',
        enclosingFunction: 'embedInvoiceLine',
        verdict: 'traced',
        mechanisms: ['gateway'],
      },
    ]);
  });

  it('finds fetch and axios.post to LLM endpoints by literal and template URL, but not other paths or axios.get', async () => {
    expect(await scanCalls('sdks/http')).toEqual([
      {
        file: 'src/axios-embeddings.ts',
        line: 6,
        api: 'http.openai.embeddings',
        sdk: 'http',
        kind: 'embedding',
        enclosingFunction: 'embedProductNames',
        verdict: 'untraced',
        mechanisms: [],
      },
      {
        file: 'src/raw-anthropic.ts',
        line: 2,
        api: 'http.anthropic.messages',
        sdk: 'http',
        kind: 'generation',
        enclosingFunction: 'draftChangelog',
        verdict: 'untraced',
        mechanisms: [],
      },
      {
        file: 'src/raw-anthropic.ts',
        line: 20,
        api: 'http.gemini',
        sdk: 'http',
        kind: 'generation',
        enclosingFunction: 'askGemini',
        verdict: 'untraced',
        mechanisms: [],
      },
      {
        file: 'src/raw-openai.ts',
        line: 4,
        api: 'http.openai.chat.completions',
        sdk: 'http',
        kind: 'generation',
        enclosingFunction: 'classifyIntent',
        verdict: 'untraced',
        mechanisms: [],
      },
    ]);
  });
});

describe('LLM calls across modules and file kinds', () => {
  it('follows clients and AI SDK functions through index re-exports, default exports and .js specifiers into .ts, .tsx, .jsx, .mts and require() in .cjs', async () => {
    expect(await scanCalls('sdks/cross-module')).toEqual([
      {
        file: 'src/app/faq/page.tsx',
        line: 5,
        api: 'ai.generateText',
        sdk: 'vercel-ai',
        kind: 'generation',
        model: 'gpt-4o-mini',
        enclosingFunction: 'FaqPage',
        verdict: 'untraced',
        mechanisms: [],
      },
      {
        file: 'src/components/ReplySuggestions.jsx',
        line: 4,
        api: 'openai.chat.completions.create',
        sdk: 'openai',
        kind: 'generation',
        model: 'gpt-4o-mini',
        enclosingFunction: 'ReplySuggestions',
        verdict: 'untraced',
        mechanisms: [],
      },
      // `this.client` of a base class in another module, whose constructor makes the client.
      {
        file: 'src/features/refund-assistant.ts',
        line: 5,
        api: 'openai.chat.completions.create',
        sdk: 'openai',
        kind: 'generation',
        model: 'gpt-4o-mini',
        enclosingFunction: 'RefundAssistant.explainPolicy',
        verdict: 'untraced',
        mechanisms: [],
      },
      {
        file: 'src/features/summarize.ts',
        line: 4,
        api: 'openai.chat.completions.create',
        sdk: 'openai',
        kind: 'generation',
        model: 'gpt-4o-mini',
        enclosingFunction: 'summarizeMeetingNotes',
        verdict: 'untraced',
        mechanisms: [],
      },
      {
        file: 'src/features/summarize.ts',
        line: 12,
        api: 'anthropic.messages.create',
        sdk: 'anthropic',
        kind: 'generation',
        model: 'claude-3-5-sonnet-latest',
        enclosingFunction: 'summarizeLongDocument',
        verdict: 'untraced',
        mechanisms: [],
      },
      // Clients from a factory function another module exports (a declaration, and an arrow that calls it).
      {
        file: 'src/features/tenant-faq.ts',
        line: 5,
        api: 'openai.chat.completions.create',
        sdk: 'openai',
        kind: 'generation',
        model: 'gpt-4o-mini',
        enclosingFunction: 'answerForTenant',
        verdict: 'untraced',
        mechanisms: [],
      },
      {
        file: 'src/features/tenant-faq.ts',
        line: 6,
        api: 'openai.responses.create',
        sdk: 'openai',
        kind: 'generation',
        model: 'gpt-4.1-mini',
        enclosingFunction: 'answerForTenant',
        verdict: 'untraced',
        mechanisms: [],
      },
      {
        file: 'src/features/translate.mts',
        line: 4,
        api: 'openai.responses.create',
        sdk: 'openai',
        kind: 'generation',
        model: 'gpt-4.1-mini',
        enclosingFunction: 'translateReleaseNotes',
        verdict: 'untraced',
        mechanisms: [],
      },
      {
        file: 'src/features/weekly-report.cjs',
        line: 6,
        api: 'openai.chat.completions.create',
        sdk: 'openai',
        kind: 'generation',
        model: 'gpt-4o',
        enclosingFunction: 'buildWeeklyReport',
        verdict: 'untraced',
        mechanisms: [],
      },
    ]);
  });
});

describe('tracing verdicts', () => {
  it('traces calls on a client wrapped by LangSmith wrapOpenAI, lists wrapper before enclosing-span, and leaves the unwrapped client untraced', async () => {
    expect(await scanCalls('tracing/langsmith-wrap-openai')).toEqual([
      {
        file: 'src/support.ts',
        line: 9,
        api: 'openai.chat.completions.create',
        sdk: 'openai',
        kind: 'generation',
        model: 'gpt-4o-mini',
        enclosingFunction: 'answerSupportQuestion',
        verdict: 'traced',
        mechanisms: ['wrapper'],
      },
      {
        file: 'src/support.ts',
        line: 17,
        api: 'openai.chat.completions.create',
        sdk: 'openai',
        kind: 'generation',
        model: 'gpt-4o-mini',
        enclosingFunction: 'suggestSubjectLine',
        verdict: 'untraced',
        mechanisms: [],
      },
      {
        file: 'src/support.ts',
        line: 26,
        api: 'openai.responses.create',
        sdk: 'openai',
        kind: 'generation',
        model: 'gpt-4.1',
        enclosingFunction: 'escalateTicket',
        verdict: 'traced',
        mechanisms: ['wrapper', 'enclosing-span'],
      },
    ]);
  });

  it('traces AI SDK functions destructured from LangSmith wrapAISDK(ai) but not the same function called on the bare namespace', async () => {
    expect(await scanCalls('tracing/langsmith-wrap-ai-sdk')).toEqual([
      {
        file: 'src/marketing.ts',
        line: 8,
        api: 'ai.generateText',
        sdk: 'vercel-ai',
        kind: 'generation',
        model: 'gpt-4o-mini',
        enclosingFunction: 'writeProductTweet',
        verdict: 'traced',
        mechanisms: ['wrapper'],
      },
      {
        file: 'src/marketing.ts',
        line: 16,
        api: 'ai.generateText',
        sdk: 'vercel-ai',
        kind: 'generation',
        model: 'gpt-4o-mini',
        enclosingFunction: 'writeProductSlogan',
        verdict: 'untraced',
        mechanisms: [],
      },
    ]);
  });

  it('traces a call made on observeOpenAI(client) inline and leaves the same client used directly untraced', async () => {
    expect(await scanCalls('tracing/langfuse-observe-openai')).toEqual([
      {
        file: 'src/feedback.ts',
        line: 7,
        api: 'openai.chat.completions.create',
        sdk: 'openai',
        kind: 'generation',
        model: 'gpt-4o-mini',
        enclosingFunction: 'categorizeFeedback',
        verdict: 'traced',
        mechanisms: ['wrapper'],
      },
      {
        file: 'src/feedback.ts',
        line: 15,
        api: 'openai.chat.completions.create',
        sdk: 'openai',
        kind: 'generation',
        model: 'gpt-4o-mini',
        enclosingFunction: 'thankCustomer',
        verdict: 'untraced',
        mechanisms: [],
      },
    ]);
  });

  it('traces OpenAI and Anthropic clients wrapped by Braintrust, not an unwrapped Anthropic client, and ignores initLogger', async () => {
    expect(await scanCalls('tracing/braintrust-wrap')).toEqual([
      {
        file: 'src/review.ts',
        line: 12,
        api: 'openai.chat.completions.create',
        sdk: 'openai',
        kind: 'generation',
        model: 'gpt-4o',
        enclosingFunction: 'reviewPullRequest',
        verdict: 'traced',
        mechanisms: ['wrapper'],
      },
      {
        file: 'src/review.ts',
        line: 20,
        api: 'anthropic.messages.create',
        sdk: 'anthropic',
        kind: 'generation',
        model: 'claude-3-5-sonnet-latest',
        enclosingFunction: 'explainDiff',
        verdict: 'traced',
        mechanisms: ['wrapper'],
      },
      {
        file: 'src/review.ts',
        line: 29,
        api: 'anthropic.messages.create',
        sdk: 'anthropic',
        kind: 'generation',
        model: 'claude-3-5-haiku-latest',
        enclosingFunction: 'nameBranch',
        verdict: 'untraced',
        mechanisms: [],
      },
    ]);
  });

  it('traces a client wrapped by MLflow tracedOpenAI and not a second plain client, mlflow.init alone tracing nothing', async () => {
    expect(await scanCalls('tracing/mlflow-traced-openai')).toEqual([
      {
        file: 'src/grading.ts',
        line: 11,
        api: 'openai.chat.completions.create',
        sdk: 'openai',
        kind: 'generation',
        model: 'gpt-4o',
        enclosingFunction: 'gradeAnswer',
        verdict: 'traced',
        mechanisms: ['wrapper'],
      },
      {
        file: 'src/grading.ts',
        line: 19,
        api: 'openai.chat.completions.create',
        sdk: 'openai',
        kind: 'generation',
        model: 'gpt-4o-mini',
        enclosingFunction: 'writeFeedback',
        verdict: 'untraced',
        mechanisms: [],
      },
    ]);
  });

  it('traces a call inside an arrow passed to LangSmith traceable(), named after the variable holding the result, and not one in a plain function', async () => {
    expect(await scanCalls('tracing/langsmith-traceable')).toEqual([
      {
        file: 'src/threads.ts',
        line: 8,
        api: 'anthropic.messages.create',
        sdk: 'anthropic',
        kind: 'generation',
        model: 'claude-3-5-haiku-latest',
        enclosingFunction: 'summarizeThread',
        verdict: 'traced',
        mechanisms: ['enclosing-span'],
      },
      {
        file: 'src/threads.ts',
        line: 19,
        api: 'anthropic.messages.create',
        sdk: 'anthropic',
        kind: 'generation',
        model: 'claude-3-5-haiku-latest',
        enclosingFunction: 'titleThread',
        verdict: 'untraced',
        mechanisms: [],
      },
    ]);
  });

  it('traces a call in a function declaration passed to traceable() by name and not one in a sibling function', async () => {
    expect(await scanCalls('tracing/traceable-by-name')).toEqual([
      {
        file: 'src/hiring.ts',
        line: 7,
        api: 'openai.chat.completions.create',
        sdk: 'openai',
        kind: 'generation',
        model: 'gpt-4o',
        enclosingFunction: 'rankCandidatesImpl',
        verdict: 'traced',
        mechanisms: ['enclosing-span'],
      },
      {
        file: 'src/hiring.ts',
        line: 18,
        api: 'openai.chat.completions.create',
        sdk: 'openai',
        kind: 'generation',
        model: 'gpt-4o-mini',
        enclosingFunction: 'draftRejectionEmail',
        verdict: 'untraced',
        mechanisms: [],
      },
    ]);
  });

  it('traces a call inside an arrow passed to Langfuse observe() and not one in a plain exported function', async () => {
    expect(await scanCalls('tracing/langfuse-observe')).toEqual([
      {
        file: 'src/complaints.ts',
        line: 7,
        api: 'anthropic.messages.create',
        sdk: 'anthropic',
        kind: 'generation',
        model: 'claude-3-5-sonnet-latest',
        enclosingFunction: 'classifyComplaint',
        verdict: 'untraced',
        mechanisms: [],
      },
      {
        file: 'src/complaints.ts',
        line: 17,
        api: 'anthropic.messages.create',
        sdk: 'anthropic',
        kind: 'generation',
        model: 'claude-3-5-sonnet-latest',
        enclosingFunction: 'draftApology',
        verdict: 'traced',
        mechanisms: ['enclosing-span'],
      },
    ]);
  });

  it('traces a call inside a Langfuse startActiveObservation callback, named after the enclosing function declaration', async () => {
    expect(await scanCalls('tracing/langfuse-start-active-observation')).toEqual([
      {
        file: 'src/answers.ts',
        line: 9,
        api: 'openai.chat.completions.create',
        sdk: 'openai',
        kind: 'generation',
        model: 'gpt-4o',
        enclosingFunction: 'answerWithSources',
        verdict: 'traced',
        mechanisms: ['enclosing-span'],
      },
      {
        file: 'src/answers.ts',
        line: 20,
        api: 'openai.chat.completions.create',
        sdk: 'openai',
        kind: 'generation',
        model: 'gpt-4o-mini',
        enclosingFunction: 'rephraseQuestion',
        verdict: 'untraced',
        mechanisms: [],
      },
    ]);
  });

  it('traces a call inside traceloop.withWorkflow on the namespace import and not one outside it', async () => {
    expect(await scanCalls('tracing/traceloop-with-workflow')).toEqual([
      {
        file: 'src/trips.ts',
        line: 8,
        api: 'openai.chat.completions.create',
        sdk: 'openai',
        kind: 'generation',
        model: 'gpt-4o',
        enclosingFunction: 'planTrip',
        verdict: 'traced',
        mechanisms: ['enclosing-span'],
      },
      {
        file: 'src/trips.ts',
        line: 17,
        api: 'openai.chat.completions.create',
        sdk: 'openai',
        kind: 'generation',
        model: 'gpt-4o-mini',
        enclosingFunction: 'suggestPackingList',
        verdict: 'untraced',
        mechanisms: [],
      },
    ]);
  });

  it('traces a call inside a function passed to mlflow.trace() and not one outside it', async () => {
    expect(await scanCalls('tracing/mlflow-trace')).toEqual([
      {
        file: 'src/essays.ts',
        line: 8,
        api: 'openai.responses.create',
        sdk: 'openai',
        kind: 'generation',
        model: 'gpt-4.1',
        enclosingFunction: 'gradeEssay',
        verdict: 'traced',
        mechanisms: ['enclosing-span'],
      },
      {
        file: 'src/essays.ts',
        line: 18,
        api: 'openai.responses.create',
        sdk: 'openai',
        kind: 'generation',
        model: 'gpt-4.1-mini',
        enclosingFunction: 'suggestEssayTitle',
        verdict: 'untraced',
        mechanisms: [],
      },
    ]);
  });

  it('traces a call inside tracer.startActiveSpan of an OpenTelemetry tracer and not one outside any span', async () => {
    expect(await scanCalls('tracing/otel-start-active-span')).toEqual([
      {
        file: 'src/recipes.ts',
        line: 10,
        api: 'genai.models.generateContent',
        sdk: 'google-genai',
        kind: 'generation',
        model: 'gemini-2.5-flash',
        enclosingFunction: 'suggestRecipe',
        verdict: 'traced',
        mechanisms: ['enclosing-span'],
      },
      {
        file: 'src/recipes.ts',
        line: 25,
        api: 'genai.models.generateContent',
        sdk: 'google-genai',
        kind: 'generation',
        model: 'gemini-2.5-flash',
        enclosingFunction: 'suggestWinePairing',
        verdict: 'untraced',
        mechanisms: [],
      },
    ]);
  });

  it('traces an AI SDK call only when experimental_telemetry.isEnabled is true, registerOTel alone tracing nothing', async () => {
    expect(await scanCalls('tracing/ai-sdk-telemetry')).toEqual([
      {
        file: 'src/copywriting.ts',
        line: 5,
        api: 'ai.generateText',
        sdk: 'vercel-ai',
        kind: 'generation',
        model: 'gpt-4o-mini',
        enclosingFunction: 'writeProductBlurb',
        verdict: 'traced',
        mechanisms: ['per-call-telemetry'],
      },
      {
        file: 'src/copywriting.ts',
        line: 14,
        api: 'ai.generateText',
        sdk: 'vercel-ai',
        kind: 'generation',
        model: 'gpt-4o-mini',
        enclosingFunction: 'writeTagline',
        verdict: 'untraced',
        mechanisms: [],
      },
      {
        file: 'src/copywriting.ts',
        line: 23,
        api: 'ai.streamText',
        sdk: 'vercel-ai',
        kind: 'generation',
        model: 'gpt-4o',
        enclosingFunction: 'streamProductStory',
        verdict: 'untraced',
        mechanisms: [],
      },
    ]);
  });

  it('traces LangChain calls with a callback handler in the call options or the model constructor, not a call on the same model without one', async () => {
    expect(await scanCalls('tracing/langchain-callbacks')).toEqual([
      {
        file: 'src/moderation.ts',
        line: 14,
        api: 'langchain.invoke',
        sdk: 'langchain',
        kind: 'generation',
        model: 'gpt-4o-mini',
        enclosingFunction: 'moderateComment',
        verdict: 'traced',
        mechanisms: ['callback'],
      },
      {
        file: 'src/moderation.ts',
        line: 21,
        api: 'langchain.invoke',
        sdk: 'langchain',
        kind: 'generation',
        model: 'claude-3-5-haiku-latest',
        enclosingFunction: 'explainModeration',
        verdict: 'traced',
        mechanisms: ['callback'],
      },
      {
        file: 'src/moderation.ts',
        line: 26,
        api: 'langchain.invoke',
        sdk: 'langchain',
        kind: 'generation',
        model: 'gpt-4o-mini',
        enclosingFunction: 'rewriteComment',
        verdict: 'untraced',
        mechanisms: [],
      },
    ]);
  });

  it('traces OpenAI calls anywhere in the repository after traceloop.initialize(), but not AI SDK calls it does not cover', async () => {
    expect(await scanCalls('tracing/traceloop-initialize')).toEqual([
      {
        file: 'src/answers.ts',
        line: 8,
        api: 'openai.chat.completions.create',
        sdk: 'openai',
        kind: 'generation',
        model: 'gpt-4o-mini',
        enclosingFunction: 'answerCustomer',
        verdict: 'traced',
        mechanisms: ['global-instrumentation'],
      },
      {
        file: 'src/answers.ts',
        line: 16,
        api: 'ai.generateText',
        sdk: 'vercel-ai',
        kind: 'generation',
        model: 'gpt-4o-mini',
        enclosingFunction: 'suggestFollowUp',
        verdict: 'untraced',
        mechanisms: [],
      },
    ]);
  });

  it('traces OpenAI calls once new OpenAIInstrumentation() is set up, but not Anthropic calls', async () => {
    expect(await scanCalls('tracing/openinference-register-instrumentations')).toEqual([
      {
        file: 'src/assistant.ts',
        line: 8,
        api: 'openai.chat.completions.create',
        sdk: 'openai',
        kind: 'generation',
        model: 'gpt-4o',
        enclosingFunction: 'draftEmail',
        verdict: 'traced',
        mechanisms: ['global-instrumentation'],
      },
      {
        file: 'src/assistant.ts',
        line: 16,
        api: 'anthropic.messages.create',
        sdk: 'anthropic',
        kind: 'generation',
        model: 'claude-3-5-haiku-latest',
        enclosingFunction: 'proofreadEmail',
        verdict: 'untraced',
        mechanisms: [],
      },
    ]);
  });

  it('traces clients whose base URL or headers route through Helicone or Cloudflare AI Gateway, not one pointed at another provider', async () => {
    expect(await scanCalls('tracing/helicone-base-url')).toEqual([
      {
        file: 'src/assistants.ts',
        line: 27,
        api: 'openai.chat.completions.create',
        sdk: 'openai',
        kind: 'generation',
        model: 'gpt-4o-mini',
        enclosingFunction: 'answerPricingQuestion',
        verdict: 'traced',
        mechanisms: ['gateway'],
      },
      {
        file: 'src/assistants.ts',
        line: 32,
        api: 'openai.chat.completions.create',
        sdk: 'openai',
        kind: 'generation',
        model: 'gpt-4o',
        enclosingFunction: 'answerSecurityQuestion',
        verdict: 'traced',
        mechanisms: ['gateway'],
      },
      {
        file: 'src/assistants.ts',
        line: 37,
        api: 'langchain.invoke',
        sdk: 'langchain',
        kind: 'generation',
        model: 'gpt-4o-mini',
        enclosingFunction: 'answerShippingQuestion',
        verdict: 'traced',
        mechanisms: ['gateway'],
      },
      {
        file: 'src/assistants.ts',
        line: 42,
        api: 'openai.chat.completions.create',
        sdk: 'openai',
        kind: 'generation',
        model: 'meta-llama/Llama-3.3-70B-Instruct-Turbo',
        enclosingFunction: 'answerTriviaQuestion',
        verdict: 'untraced',
        mechanisms: [],
      },
    ]);
  });

  it('traces an OpenAI client whose baseURL is the PORTKEY_GATEWAY_URL constant and not a direct client', async () => {
    expect(await scanCalls('tracing/portkey-gateway-constant')).toEqual([
      {
        file: 'src/gateway-client.ts',
        line: 13,
        api: 'openai.chat.completions.create',
        sdk: 'openai',
        kind: 'generation',
        model: 'gpt-4o-mini',
        enclosingFunction: 'generateInvoiceReminder',
        verdict: 'traced',
        mechanisms: ['gateway'],
      },
      {
        file: 'src/gateway-client.ts',
        line: 21,
        api: 'openai.chat.completions.create',
        sdk: 'openai',
        kind: 'generation',
        model: 'gpt-4o-mini',
        enclosingFunction: 'generateWelcomeNote',
        verdict: 'untraced',
        mechanisms: [],
      },
    ]);
  });

  it('traces Agents SDK runs by default, despite setTracingDisabled with a non-literal argument, except on a Runner with tracingDisabled: true', async () => {
    expect(await scanCalls('tracing/agents-default')).toEqual([
      {
        file: 'src/policy-agent.ts',
        line: 12,
        api: 'agents.run',
        sdk: 'openai-agents',
        kind: 'generation',
        model: 'gpt-4.1-mini',
        enclosingFunction: 'answerPolicyQuestion',
        verdict: 'traced',
        mechanisms: ['framework-default'],
      },
      {
        file: 'src/policy-agent.ts',
        line: 19,
        api: 'agents.Runner.run',
        sdk: 'openai-agents',
        kind: 'generation',
        model: 'gpt-4.1-mini',
        enclosingFunction: 'answerPrivateQuestion',
        verdict: 'untraced',
        mechanisms: ['disabled'],
      },
    ]);
  });

  it('marks Agents SDK runs untraced when setTracingDisabled(true) runs in another file, leaving OpenAI SDK calls alone', async () => {
    expect(await scanCalls('tracing/agents-disabled')).toEqual([
      {
        file: 'src/itinerary-agent.ts',
        line: 12,
        api: 'agents.run',
        sdk: 'openai-agents',
        kind: 'generation',
        enclosingFunction: 'buildItinerary',
        verdict: 'untraced',
        mechanisms: ['disabled'],
      },
      {
        file: 'src/itinerary-agent.ts',
        line: 17,
        api: 'openai.responses.create',
        sdk: 'openai',
        kind: 'generation',
        model: 'gpt-4.1-mini',
        enclosingFunction: 'nameTrip',
        verdict: 'untraced',
        mechanisms: [],
      },
    ]);
  });

  it('marks Agents SDK runs untraced when .env sets OPENAI_AGENTS_DISABLE_TRACING=true', async () => {
    expect(await scanCalls('tracing/agents-disabled-env')).toEqual([
      {
        file: 'src/faq-agent.ts',
        line: 10,
        api: 'agents.run',
        sdk: 'openai-agents',
        kind: 'generation',
        model: 'gpt-4.1-nano',
        enclosingFunction: 'answerFaq',
        verdict: 'untraced',
        mechanisms: ['disabled'],
      },
    ]);
  });

  it('traces LangChain calls as framework-default when .env.example sets LANGSMITH_TRACING=true, but not OpenAI SDK calls', async () => {
    expect(await scanCalls('tracing/langsmith-env')).toEqual([
      {
        file: 'src/support-chain.ts',
        line: 10,
        api: 'langchain.invoke',
        sdk: 'langchain',
        kind: 'generation',
        model: 'gpt-4o-mini',
        enclosingFunction: 'answerCustomer',
        verdict: 'traced',
        mechanisms: ['framework-default'],
      },
      {
        file: 'src/support-chain.ts',
        line: 15,
        api: 'openai.chat.completions.create',
        sdk: 'openai',
        kind: 'generation',
        model: 'gpt-4o-mini',
        enclosingFunction: 'detectSentiment',
        verdict: 'untraced',
        mechanisms: [],
      },
    ]);
  });

  it('gives unknown to calls on clients known only from a parameter type, unless an enclosing span traces them', async () => {
    expect(await scanCalls('tracing/typed-parameter-unknown')).toEqual([
      {
        file: 'src/report-writer.ts',
        line: 7,
        api: 'openai.responses.create',
        sdk: 'openai',
        kind: 'generation',
        model: 'gpt-4.1',
        enclosingFunction: 'ReportWriter.writeQuarterlySummary',
        verdict: 'unknown',
        mechanisms: ['unresolved-client'],
      },
      {
        file: 'src/summaries.ts',
        line: 5,
        api: 'openai.chat.completions.create',
        sdk: 'openai',
        kind: 'generation',
        model: 'gpt-4o-mini',
        enclosingFunction: 'summarizeWithClient',
        verdict: 'unknown',
        mechanisms: ['unresolved-client'],
      },
      {
        file: 'src/summaries.ts',
        line: 13,
        api: 'openai.chat.completions.create',
        sdk: 'openai',
        kind: 'generation',
        model: 'gpt-4o-mini',
        enclosingFunction: 'summarizeTraced',
        verdict: 'traced',
        mechanisms: ['enclosing-span'],
      },
      {
        file: 'src/summaries.ts',
        line: 23,
        api: 'openai.chat.completions.create',
        sdk: 'openai',
        kind: 'generation',
        model: 'gpt-4o-mini',
        enclosingFunction: 'summarizeWithDefaultClient',
        verdict: 'untraced',
        mechanisms: [],
      },
    ]);
  });
});

describe('look-alikes that are not LLM calls', () => {
  it('finds nothing in Prisma, job queues, a local generateText, a local OpenAI class, object-literal stubs, GitHub fetch, Lambda invoke or ListFoundationModelsCommand', async () => {
    expect(await scanCalls('look-alikes')).toEqual([]);
  });
});
