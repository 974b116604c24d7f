import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ToolDef, ToolSet } from '../../src/model/repo-model.js';
import { scanRepository } from '../../src/scan/scan-repository.js';

function fixtureRoot(fixture: string): string {
  return fileURLToPath(new URL(`../fixtures/tools/${fixture}`, import.meta.url));
}

/** Every field of a ToolDef, with `name` and `description` absent when they are not literals. */
function toolSummary(tool: ToolDef): ToolDef {
  return {
    file: tool.file,
    line: tool.line,
    ...(tool.name === undefined ? {} : { name: tool.name }),
    ...(tool.description === undefined ? {} : { description: tool.description }),
    descriptionLength: tool.descriptionLength,
    sdk: tool.sdk,
    kind: tool.kind,
    id: tool.id,
  };
}

/** Every field of a ToolSet, with `enclosingFunction` and `agentName` absent when unknown. */
function toolSetSummary(set: ToolSet): ToolSet {
  return {
    file: set.file,
    line: set.line,
    holder: set.holder,
    ...(set.enclosingFunction === undefined ? {} : { enclosingFunction: set.enclosingFunction }),
    ...(set.agentName === undefined ? {} : { agentName: set.agentName }),
    toolIds: set.toolIds,
    count: set.count,
    isComplete: set.isComplete,
  };
}

async function scanTools(fixture: string): Promise<{ tools: ToolDef[]; toolSets: ToolSet[] }> {
  const report = await scanRepository({ root: fixtureRoot(fixture) });
  return {
    tools: report.inventory.tools.map(toolSummary),
    toolSets: report.inventory.toolSets.map(toolSetSummary),
  };
}

describe('tool inventory of each SDK idiom', () => {
  it('names AI SDK tools after their key in the tools object, inline, shorthand or renamed, and identifies an unlisted tool by its variable', async () => {
    const { tools, toolSets } = await scanTools('ai-sdk-tools-object');
    expect(tools).toEqual([
      {
        file: 'src/travel-assistant.ts',
        line: 5,
        name: 'convertCurrency',
        description: 'Convert an amount between two ISO 4217 currencies',
        descriptionLength: 49,
        sdk: 'ai-sdk',
        kind: 'factory',
        id: 'src/travel-assistant.ts#convertCurrency',
      },
      {
        file: 'src/travel-assistant.ts',
        line: 11,
        name: 'search_flights',
        description: 'Search direct flights between two airports on a given date',
        descriptionLength: 58,
        sdk: 'ai-sdk',
        kind: 'factory',
        id: 'src/travel-assistant.ts#search_flights',
      },
      {
        file: 'src/travel-assistant.ts',
        line: 18,
        description: 'Book a hotel room for the traveller',
        descriptionLength: 35,
        sdk: 'ai-sdk',
        kind: 'factory',
        id: 'src/travel-assistant.ts#bookHotel',
      },
      {
        file: 'src/travel-assistant.ts',
        line: 29,
        name: 'getWeather',
        description: 'Get the current weather for a city',
        descriptionLength: 34,
        sdk: 'ai-sdk',
        kind: 'factory',
        id: 'src/travel-assistant.ts#getWeather',
      },
    ]);
    expect(toolSets).toEqual([
      {
        file: 'src/travel-assistant.ts',
        line: 25,
        holder: 'ai.generateText',
        enclosingFunction: 'planTrip',
        toolIds: [
          'src/travel-assistant.ts#getWeather',
          'src/travel-assistant.ts#convertCurrency',
          'src/travel-assistant.ts#search_flights',
        ],
        count: 3,
        isComplete: true,
      },
    ]);
  });

  it('follows AI SDK tool objects exported from two modules and spread into one streamText tools object', async () => {
    const { tools, toolSets } = await scanTools('ai-sdk-spread-across-modules');
    expect(tools).toEqual([
      {
        file: 'src/tools/crm.ts',
        line: 5,
        name: 'lookupCustomer',
        description: 'Look up a customer record by email address',
        descriptionLength: 42,
        sdk: 'ai-sdk',
        kind: 'factory',
        id: 'src/tools/crm.ts#lookupCustomer',
      },
      {
        file: 'src/tools/search.ts',
        line: 5,
        name: 'searchDocs',
        description: 'Search the product documentation',
        descriptionLength: 32,
        sdk: 'ai-sdk',
        kind: 'factory',
        id: 'src/tools/search.ts#searchDocs',
      },
      {
        file: 'src/tools/search.ts',
        line: 10,
        name: 'searchTickets',
        description: 'Search past support tickets by keyword',
        descriptionLength: 38,
        sdk: 'ai-sdk',
        kind: 'factory',
        id: 'src/tools/search.ts#searchTickets',
      },
    ]);
    expect(toolSets).toEqual([
      {
        file: 'src/agent.ts',
        line: 7,
        holder: 'ai.streamText',
        enclosingFunction: 'answerSupportQuestion',
        toolIds: ['src/tools/search.ts#searchDocs', 'src/tools/search.ts#searchTickets', 'src/tools/crm.ts#lookupCustomer'],
        count: 3,
        isComplete: true,
      },
    ]);
  });

  it('finds OpenAI Agents SDK tool() and agent.asTool(), and a tool set per new Agent() with its name, empty or not, incomplete with MCP servers attached', async () => {
    const { tools, toolSets } = await scanTools('openai-agents');
    expect(tools).toEqual([
      {
        file: 'src/support-agents.ts',
        line: 4,
        name: 'lookup_order',
        description: 'Look up an order by its number and return its shipping status',
        descriptionLength: 61,
        sdk: 'openai-agents',
        kind: 'factory',
        id: 'src/support-agents.ts#lookup_order',
      },
      {
        file: 'src/support-agents.ts',
        line: 22,
        name: 'refund',
        description: 'Ask the refunds specialist whether an order can be refunded',
        descriptionLength: 59,
        sdk: 'openai-agents',
        kind: 'agent-as-tool',
        id: 'src/support-agents.ts#refund',
      },
    ]);
    expect(toolSets).toEqual([
      { file: 'src/docs-agents.ts', line: 6, holder: 'openai-agents.Agent', agentName: 'Docs', toolIds: [], count: 0, isComplete: false },
      { file: 'src/docs-agents.ts', line: 13, holder: 'openai-agents.Agent', agentName: 'Greeter', toolIds: [], count: 0, isComplete: true },
      {
        file: 'src/support-agents.ts',
        line: 11,
        holder: 'openai-agents.Agent',
        agentName: 'Refunds',
        toolIds: [],
        count: 0,
        isComplete: true,
      },
      {
        file: 'src/support-agents.ts',
        line: 17,
        holder: 'openai-agents.Agent',
        agentName: 'Support',
        toolIds: ['src/support-agents.ts#lookup_order', 'src/support-agents.ts#refund'],
        count: 2,
        isComplete: true,
      },
    ]);
  });

  it('finds the tools of a tool factory and the tool set of an agent the config declares, and the prompt its prompt loader reads', async () => {
    const { tools, toolSets } = await scanTools('company-tool-factory');
    expect(tools).toEqual([
      {
        file: 'src/billing-assistant.ts',
        line: 6,
        name: 'find_invoice',
        description: 'Find an invoice by its number and return its amount and due date',
        descriptionLength: 64,
        sdk: 'acme-agent-kit',
        kind: 'factory',
        id: 'src/billing-assistant.ts#find_invoice',
      },
      {
        file: 'src/billing-assistant.ts',
        line: 12,
        name: 'refund_invoice',
        description: 'Refund',
        descriptionLength: 6,
        sdk: 'acme-agent-kit',
        kind: 'factory',
        id: 'src/billing-assistant.ts#refund_invoice',
      },
    ]);
    expect(toolSets).toEqual([
      {
        file: 'src/billing-assistant.ts',
        line: 18,
        holder: 'acme.Assistant',
        agentName: 'Billing',
        toolIds: ['src/billing-assistant.ts#find_invoice', 'src/billing-assistant.ts#refund_invoice'],
        count: 2,
        isComplete: true,
      },
    ]);
    const report = await scanRepository({ root: fixtureRoot('company-tool-factory') });
    expect(report.inventory.prompts.map(({ file, line, definedIn, role, usedBy, characters, tokens }) => ({ file, line, definedIn, role, usedBy, characters, tokens }))).toEqual([
      { file: 'src/billing-assistant.ts', line: 24, definedIn: 'src/prompts/billing.md', role: 'instructions', usedBy: 'openai.responses.create', characters: 74, tokens: 15 },
    ]);
    expect(report.findings.filter((finding) => finding.ruleId === 'require-tool-description').map(({ line }) => line)).toEqual([12]);
  });

  it('finds LangChain tool(), DynamicStructuredTool and a StructuredTool subclass, handed to createReactAgent and bindTools from another module', async () => {
    const { tools, toolSets } = await scanTools('langchain');
    expect(tools).toEqual([
      {
        file: 'src/market-tools.ts',
        line: 4,
        name: 'get_stock_price',
        description: 'Get the latest trading price for a stock ticker',
        descriptionLength: 47,
        sdk: 'langchain',
        kind: 'factory',
        id: 'src/market-tools.ts#get_stock_price',
      },
      {
        file: 'src/market-tools.ts',
        line: 13,
        name: 'get_weather',
        description: 'Get the weather forecast for a city',
        descriptionLength: 35,
        sdk: 'langchain',
        kind: 'factory',
        id: 'src/market-tools.ts#get_weather',
      },
      {
        file: 'src/market-tools.ts',
        line: 20,
        name: 'calculator',
        description: 'Add two numbers and return the sum',
        descriptionLength: 34,
        sdk: 'langchain',
        kind: 'class',
        id: 'src/market-tools.ts#calculator',
      },
    ]);
    expect(toolSets).toEqual([
      {
        file: 'src/market-agent.ts',
        line: 7,
        holder: 'langgraph.createReactAgent',
        toolIds: ['src/market-tools.ts#get_stock_price', 'src/market-tools.ts#get_weather', 'src/market-tools.ts#calculator'],
        count: 3,
        isComplete: true,
      },
      {
        file: 'src/market-agent.ts',
        line: 13,
        holder: 'langchain.bindTools',
        enclosingFunction: 'quoteTicker',
        toolIds: ['src/market-tools.ts#get_stock_price'],
        count: 1,
        isComplete: true,
      },
    ]);
  });

  it('finds OpenAI function tools written inline in chat.completions.create and responses.create, at the line of the tool object', async () => {
    const { tools, toolSets } = await scanTools('openai-function-literals');
    expect(tools).toEqual([
      {
        file: 'src/booking-desk.ts',
        line: 7,
        name: 'hold_seat',
        description: 'Hold a seat on a flight for fifteen minutes while the traveller decides',
        descriptionLength: 71,
        sdk: 'openai-function',
        kind: 'factory',
        id: 'src/booking-desk.ts#hold_seat',
      },
      {
        file: 'src/travel-desk.ts',
        line: 10,
        name: 'get_weather',
        description: 'Get the current weather for a city',
        descriptionLength: 34,
        sdk: 'openai-function',
        kind: 'literal',
        id: 'src/travel-desk.ts#get_weather',
      },
      {
        file: 'src/travel-desk.ts',
        line: 32,
        name: 'search_flights',
        description: 'Search flights between two airports on a given date',
        descriptionLength: 51,
        sdk: 'openai-function',
        kind: 'literal',
        id: 'src/travel-desk.ts#search_flights',
      },
    ]);
    expect(toolSets).toEqual([
      {
        file: 'src/booking-desk.ts',
        line: 14,
        holder: 'openai.chat.completions.parse',
        enclosingFunction: 'bookSeat',
        toolIds: ['src/booking-desk.ts#hold_seat'],
        count: 1,
        isComplete: true,
      },
      {
        file: 'src/travel-desk.ts',
        line: 6,
        holder: 'openai.chat.completions.create',
        enclosingFunction: 'answerWeatherQuestion',
        toolIds: ['src/travel-desk.ts#get_weather'],
        count: 1,
        isComplete: true,
      },
      {
        file: 'src/travel-desk.ts',
        line: 28,
        holder: 'openai.responses.create',
        enclosingFunction: 'findFlights',
        toolIds: ['src/travel-desk.ts#search_flights'],
        count: 1,
        isComplete: true,
      },
    ]);
  });

  it('finds Anthropic input_schema tools inline (one without a description) and a betaZodTool handed to toolRunner', async () => {
    const { tools, toolSets } = await scanTools('anthropic-tools');
    expect(tools).toEqual([
      {
        file: 'src/order-desk.ts',
        line: 11,
        name: 'get_order_status',
        description: 'Get the shipping status of an order by its id',
        descriptionLength: 45,
        sdk: 'anthropic',
        kind: 'literal',
        id: 'src/order-desk.ts#get_order_status',
      },
      {
        file: 'src/order-desk.ts',
        line: 20,
        name: 'cancel_order',
        descriptionLength: 0,
        sdk: 'anthropic',
        kind: 'literal',
        id: 'src/order-desk.ts#cancel_order',
      },
      {
        file: 'src/refund-runner.ts',
        line: 7,
        name: 'refund_payment',
        description: 'Refund a captured payment, fully or partially',
        descriptionLength: 45,
        sdk: 'anthropic',
        kind: 'factory',
        id: 'src/refund-runner.ts#refund_payment',
      },
    ]);
    expect(toolSets).toEqual([
      {
        file: 'src/order-desk.ts',
        line: 6,
        holder: 'anthropic.messages.create',
        enclosingFunction: 'handleOrderQuestion',
        toolIds: ['src/order-desk.ts#get_order_status', 'src/order-desk.ts#cancel_order'],
        count: 2,
        isComplete: true,
      },
      {
        file: 'src/refund-runner.ts',
        line: 15,
        holder: 'anthropic.beta.messages.toolRunner',
        enclosingFunction: 'processRefund',
        toolIds: ['src/refund-runner.ts#refund_payment'],
        count: 1,
        isComplete: true,
      },
    ]);
  });

  it('finds MCP server.tool() and server.registerTool() on a McpServer, which make no tool set', async () => {
    const { tools, toolSets } = await scanTools('mcp-server');
    expect(tools).toEqual([
      {
        file: 'src/crm-server.ts',
        line: 9,
        name: 'find_contact',
        description: 'Find a CRM contact by email',
        descriptionLength: 27,
        sdk: 'mcp',
        kind: 'mcp',
        id: 'src/crm-server.ts#find_contact',
      },
      {
        file: 'src/crm-server.ts',
        line: 16,
        name: 'create_note',
        description: 'Attach a note to a CRM contact',
        descriptionLength: 30,
        sdk: 'mcp',
        kind: 'mcp',
        id: 'src/crm-server.ts#create_note',
      },
    ]);
    expect(toolSets).toEqual([]);
  });

  it('names a Mastra createTool after its id, not the key it is listed under in the Agent tools object', async () => {
    const { tools, toolSets } = await scanTools('mastra');
    expect(tools).toEqual([
      {
        file: 'src/mastra/tools/fetch-invoice.ts',
        line: 4,
        name: 'fetch-invoice',
        description: 'Fetch an invoice by its number, with line items and payment status',
        descriptionLength: 66,
        sdk: 'mastra',
        kind: 'factory',
        id: 'src/mastra/tools/fetch-invoice.ts#fetch-invoice',
      },
    ]);
    expect(toolSets).toEqual([
      {
        file: 'src/mastra/agents/billing.ts',
        line: 5,
        holder: 'mastra.Agent',
        agentName: 'Billing',
        toolIds: ['src/mastra/tools/fetch-invoice.ts#fetch-invoice'],
        count: 1,
        isComplete: true,
      },
    ]);
  });

  it('reads the tools an MCP server lists in its ListTools handler, inline and spread from another module, and marks a list it cannot read incomplete', async () => {
    const { tools, toolSets } = await scanTools('mcp-list-tools');
    expect(tools).toEqual([
      {
        file: 'src/shipping-tools.ts',
        line: 2,
        name: 'book_pickup',
        description: 'Book a carrier pickup for packed orders at a loading dock',
        descriptionLength: 57,
        sdk: 'mcp',
        kind: 'mcp',
        id: 'src/shipping-tools.ts#book_pickup',
      },
      {
        file: 'src/warehouse-server.ts',
        line: 10,
        name: 'count_stock',
        description: 'Count the units of a product on hand in one warehouse',
        descriptionLength: 53,
        sdk: 'mcp',
        kind: 'mcp',
        id: 'src/warehouse-server.ts#count_stock',
      },
      {
        file: 'src/warehouse-server.ts',
        line: 15,
        name: 'reserve_stock',
        descriptionLength: 0,
        sdk: 'mcp',
        kind: 'mcp',
        id: 'src/warehouse-server.ts#reserve_stock',
      },
    ]);
    expect(toolSets).toEqual([
      {
        file: 'src/plugin-server.ts',
        line: 7,
        holder: 'mcp.ListTools',
        enclosingFunction: 'startPluginServer',
        toolIds: [],
        count: 0,
        isComplete: false,
      },
      {
        file: 'src/warehouse-server.ts',
        line: 8,
        holder: 'mcp.ListTools',
        toolIds: ['src/warehouse-server.ts#count_stock', 'src/warehouse-server.ts#reserve_stock', 'src/shipping-tools.ts#book_pickup'],
        count: 3,
        isComplete: true,
      },
    ]);
  });

  it('reads LlamaIndex tools whose options come alone or after the function, and the agent they are handed to', async () => {
    const { tools, toolSets } = await scanTools('llamaindex');
    expect(tools).toEqual([
      {
        file: 'src/field-tools.ts',
        line: 6,
        name: 'lookup_parcel',
        description: 'Find a parcel by its tracking code and return where it is now',
        descriptionLength: 61,
        sdk: 'llamaindex',
        kind: 'factory',
        id: 'src/field-tools.ts#lookup_parcel',
      },
      {
        file: 'src/field-tools.ts',
        line: 14,
        name: 'reschedule_delivery',
        description: 'Move a delivery to another day of the week',
        descriptionLength: 42,
        sdk: 'llamaindex',
        kind: 'factory',
        id: 'src/field-tools.ts#reschedule_delivery',
      },
      {
        file: 'src/field-tools.ts',
        line: 24,
        name: 'cancel_delivery',
        descriptionLength: 0,
        sdk: 'llamaindex',
        kind: 'factory',
        id: 'src/field-tools.ts#cancel_delivery',
      },
    ]);
    expect(toolSets).toEqual([
      {
        file: 'src/courier-agent.ts',
        line: 6,
        holder: 'llamaindex.agent',
        enclosingFunction: 'answerCourierQuestion',
        toolIds: ['src/field-tools.ts#lookup_parcel', 'src/field-tools.ts#reschedule_delivery', 'src/field-tools.ts#cancel_delivery'],
        count: 3,
        isComplete: true,
      },
    ]);
  });

  it('marks tool sets incomplete for a tools value returned by a call and a spread from a package, and counts a package item without an id', async () => {
    const { tools, toolSets } = await scanTools('incomplete-sets');
    expect(tools).toEqual([
      {
        file: 'src/ops-agent.ts',
        line: 5,
        name: 'restart_service',
        description: 'Restart a service in the staging cluster',
        descriptionLength: 40,
        sdk: 'openai-agents',
        kind: 'factory',
        id: 'src/ops-agent.ts#restart_service',
      },
    ]);
    expect(toolSets).toEqual([
      {
        file: 'src/assistant.ts',
        line: 10,
        holder: 'ai.generateText',
        enclosingFunction: 'runAssistant',
        toolIds: [],
        count: 0,
        isComplete: false,
      },
      {
        file: 'src/ops-agent.ts',
        line: 12,
        holder: 'openai-agents.Agent',
        agentName: 'Ops',
        toolIds: ['src/ops-agent.ts#restart_service'],
        count: 1,
        isComplete: false,
      },
      {
        file: 'src/ops-agent.ts',
        line: 18,
        holder: 'openai-agents.Agent',
        agentName: 'Paging',
        toolIds: [],
        count: 1,
        isComplete: true,
      },
    ]);
  });

  it('reads the tools a promptfoo config hands to the agent it evaluates from a module, once each, and reports a tool nothing hands on', async () => {
    const report = await scanRepository({ root: fixtureRoot('promptfoo-agent') });
    const tools = report.inventory.tools.map(toolSummary);
    const toolSets = report.inventory.toolSets.map(toolSetSummary);
    expect(tools.map(({ id, line }) => ({ id, line }))).toEqual([
      { id: 'tools/billing-tools.ts#lookup_invoice', line: 4 },
      { id: 'tools/billing-tools.ts#refund_invoice', line: 11 },
      { id: 'tools/legacy-tools.ts#fax_invoice', line: 4 },
    ]);
    // Named exports and a default export listing the same two tools; the helper function is no tool.
    expect(toolSets).toEqual([
      {
        file: 'promptfooconfig.yaml',
        line: 8,
        holder: 'promptfoo.tools',
        toolIds: ['tools/billing-tools.ts#lookup_invoice', 'tools/billing-tools.ts#refund_invoice'],
        count: 2,
        isComplete: true,
      },
    ]);
    expect(report.findings.filter((finding) => finding.ruleId === 'no-unused-tool').map(({ file, line }) => ({ file, line }))).toEqual([
      { file: 'tools/legacy-tools.ts', line: 4 },
    ]);
  });

  it('reads the tool set of a classic LangChain AgentExecutor, made with new or fromAgentAndTools, and its runs as LLM calls with the model of the agent it runs', async () => {
    const report = await scanRepository({ root: fixtureRoot('langchain-classic-agent') });
    const tools = report.inventory.tools.map(toolSummary);
    const toolSets = report.inventory.toolSets.map(toolSetSummary);
    expect(tools.map(({ id, line }) => ({ id, line }))).toEqual([
      { id: 'src/order-executor.ts#lookup_order', line: 7 },
      { id: 'src/order-executor.ts#cancel_order', line: 14 },
    ]);
    expect(toolSets).toEqual([
      {
        file: 'src/order-executor.ts',
        line: 26,
        holder: 'langchain.AgentExecutor',
        enclosingFunction: 'answerOrderQuestion',
        toolIds: ['src/order-executor.ts#lookup_order', 'src/order-executor.ts#cancel_order'],
        count: 2,
        isComplete: true,
      },
      {
        file: 'src/order-executor.ts',
        line: 32,
        holder: 'langchain.AgentExecutor',
        enclosingFunction: 'lookUpOnly',
        toolIds: ['src/order-executor.ts#lookup_order'],
        count: 1,
        isComplete: true,
      },
    ]);
    expect(report.inventory.llmCalls.map(({ line, api, model, enclosingFunction }) => ({ line, api, model, enclosingFunction }))).toEqual([
      { line: 27, api: 'langchain.agentExecutor.invoke', model: 'gpt-4o-mini', enclosingFunction: 'answerOrderQuestion' },
      { line: 33, api: 'langchain.agentExecutor.invoke', model: 'gpt-4o-mini', enclosingFunction: 'lookUpOnly' },
    ]);
  });

  it('counts 25 distinct tools on one agent', async () => {
    const { tools, toolSets } = await scanTools('twenty-five-tools');
    expect(tools).toEqual([
      { file: 'src/kitchen-sink.ts', line: 6, name: 'tool_01', description: 'List the open support tickets', descriptionLength: 29, sdk: 'openai-agents', kind: 'factory', id: 'src/kitchen-sink.ts#tool_01' },
      { file: 'src/kitchen-sink.ts', line: 7, name: 'tool_02', description: 'Read one support ticket by id', descriptionLength: 29, sdk: 'openai-agents', kind: 'factory', id: 'src/kitchen-sink.ts#tool_02' },
      { file: 'src/kitchen-sink.ts', line: 8, name: 'tool_03', description: 'Reply to a support ticket', descriptionLength: 25, sdk: 'openai-agents', kind: 'factory', id: 'src/kitchen-sink.ts#tool_03' },
      { file: 'src/kitchen-sink.ts', line: 9, name: 'tool_04', description: 'Close a support ticket', descriptionLength: 22, sdk: 'openai-agents', kind: 'factory', id: 'src/kitchen-sink.ts#tool_04' },
      { file: 'src/kitchen-sink.ts', line: 10, name: 'tool_05', description: 'Look up an order by its number', descriptionLength: 30, sdk: 'openai-agents', kind: 'factory', id: 'src/kitchen-sink.ts#tool_05' },
      { file: 'src/kitchen-sink.ts', line: 11, name: 'tool_06', description: 'Cancel an unshipped order', descriptionLength: 25, sdk: 'openai-agents', kind: 'factory', id: 'src/kitchen-sink.ts#tool_06' },
      { file: 'src/kitchen-sink.ts', line: 12, name: 'tool_07', description: 'Refund a payment', descriptionLength: 16, sdk: 'openai-agents', kind: 'factory', id: 'src/kitchen-sink.ts#tool_07' },
      { file: 'src/kitchen-sink.ts', line: 13, name: 'tool_08', description: 'Look up a customer by email', descriptionLength: 27, sdk: 'openai-agents', kind: 'factory', id: 'src/kitchen-sink.ts#tool_08' },
      { file: 'src/kitchen-sink.ts', line: 14, name: 'tool_09', description: 'Update a customer shipping address', descriptionLength: 34, sdk: 'openai-agents', kind: 'factory', id: 'src/kitchen-sink.ts#tool_09' },
      { file: 'src/kitchen-sink.ts', line: 15, name: 'tool_10', description: 'Search the knowledge base', descriptionLength: 25, sdk: 'openai-agents', kind: 'factory', id: 'src/kitchen-sink.ts#tool_10' },
      { file: 'src/kitchen-sink.ts', line: 16, name: 'tool_11', description: 'Create a knowledge base article', descriptionLength: 31, sdk: 'openai-agents', kind: 'factory', id: 'src/kitchen-sink.ts#tool_11' },
      { file: 'src/kitchen-sink.ts', line: 17, name: 'tool_12', description: 'Translate a message', descriptionLength: 19, sdk: 'openai-agents', kind: 'factory', id: 'src/kitchen-sink.ts#tool_12' },
      { file: 'src/kitchen-sink.ts', line: 18, name: 'tool_13', description: 'Summarize a conversation', descriptionLength: 24, sdk: 'openai-agents', kind: 'factory', id: 'src/kitchen-sink.ts#tool_13' },
      { file: 'src/kitchen-sink.ts', line: 19, name: 'tool_14', description: 'Send an email to a customer', descriptionLength: 27, sdk: 'openai-agents', kind: 'factory', id: 'src/kitchen-sink.ts#tool_14' },
      { file: 'src/kitchen-sink.ts', line: 20, name: 'tool_15', description: 'Send an SMS to a customer', descriptionLength: 25, sdk: 'openai-agents', kind: 'factory', id: 'src/kitchen-sink.ts#tool_15' },
      { file: 'src/kitchen-sink.ts', line: 21, name: 'tool_16', description: 'Schedule a callback', descriptionLength: 19, sdk: 'openai-agents', kind: 'factory', id: 'src/kitchen-sink.ts#tool_16' },
      { file: 'src/kitchen-sink.ts', line: 22, name: 'tool_17', description: 'Check warehouse stock for a product', descriptionLength: 35, sdk: 'openai-agents', kind: 'factory', id: 'src/kitchen-sink.ts#tool_17' },
      { file: 'src/kitchen-sink.ts', line: 23, name: 'tool_18', description: 'Reserve stock for an order', descriptionLength: 26, sdk: 'openai-agents', kind: 'factory', id: 'src/kitchen-sink.ts#tool_18' },
      { file: 'src/kitchen-sink.ts', line: 24, name: 'tool_19', description: 'Create a return label', descriptionLength: 21, sdk: 'openai-agents', kind: 'factory', id: 'src/kitchen-sink.ts#tool_19' },
      { file: 'src/kitchen-sink.ts', line: 25, name: 'tool_20', description: 'Track a parcel', descriptionLength: 14, sdk: 'openai-agents', kind: 'factory', id: 'src/kitchen-sink.ts#tool_20' },
      { file: 'src/kitchen-sink.ts', line: 26, name: 'tool_21', description: 'Apply a discount code', descriptionLength: 21, sdk: 'openai-agents', kind: 'factory', id: 'src/kitchen-sink.ts#tool_21' },
      { file: 'src/kitchen-sink.ts', line: 27, name: 'tool_22', description: 'Check the status of a subscription', descriptionLength: 34, sdk: 'openai-agents', kind: 'factory', id: 'src/kitchen-sink.ts#tool_22' },
      { file: 'src/kitchen-sink.ts', line: 28, name: 'tool_23', description: 'Pause a subscription', descriptionLength: 20, sdk: 'openai-agents', kind: 'factory', id: 'src/kitchen-sink.ts#tool_23' },
      { file: 'src/kitchen-sink.ts', line: 29, name: 'tool_24', description: 'Escalate to a human agent', descriptionLength: 25, sdk: 'openai-agents', kind: 'factory', id: 'src/kitchen-sink.ts#tool_24' },
      { file: 'src/kitchen-sink.ts', line: 30, name: 'tool_25', description: 'Log feedback from the customer', descriptionLength: 30, sdk: 'openai-agents', kind: 'factory', id: 'src/kitchen-sink.ts#tool_25' },
    ]);
    expect(toolSets).toEqual([
      {
        file: 'src/kitchen-sink.ts',
        line: 32,
        holder: 'openai-agents.Agent',
        agentName: 'Kitchen sink',
        toolIds: [
          'src/kitchen-sink.ts#tool_01', 'src/kitchen-sink.ts#tool_02', 'src/kitchen-sink.ts#tool_03', 'src/kitchen-sink.ts#tool_04', 'src/kitchen-sink.ts#tool_05',
          'src/kitchen-sink.ts#tool_06', 'src/kitchen-sink.ts#tool_07', 'src/kitchen-sink.ts#tool_08', 'src/kitchen-sink.ts#tool_09', 'src/kitchen-sink.ts#tool_10',
          'src/kitchen-sink.ts#tool_11', 'src/kitchen-sink.ts#tool_12', 'src/kitchen-sink.ts#tool_13', 'src/kitchen-sink.ts#tool_14', 'src/kitchen-sink.ts#tool_15',
          'src/kitchen-sink.ts#tool_16', 'src/kitchen-sink.ts#tool_17', 'src/kitchen-sink.ts#tool_18', 'src/kitchen-sink.ts#tool_19', 'src/kitchen-sink.ts#tool_20',
          'src/kitchen-sink.ts#tool_21', 'src/kitchen-sink.ts#tool_22', 'src/kitchen-sink.ts#tool_23', 'src/kitchen-sink.ts#tool_24', 'src/kitchen-sink.ts#tool_25',
        ],
        count: 25,
        isComplete: true,
      },
    ]);
  });
});
