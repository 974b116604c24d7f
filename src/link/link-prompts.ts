import { createHash } from 'node:crypto';
import type { Catalog } from '../catalog/catalog-schema.js';
import type { ArgFact, CallFact, FileFacts } from '../model/facts.js';
import type { Prompt } from '../model/repo-model.js';
import type { CallWithFacts } from './link-tools.js';
import { promptfooReferences } from './link-evals.js';
import { promptFilePaths } from './prompt-files.js';
import type { ValueResolver } from './resolve-value.js';
import { importedName, isCatalogExport, namedScope } from './call-patterns.js';

/** Counts tokens with a real BPE tokenizer; passed in so this stage stays pure and the scan decides when to load it. */
export type CountTokens = (text: string) => number;

interface PromptText {
  text: string;
  holes: string[];
  parts: number;
  name?: string;
  definedIn: string;
}

const MARKDOWN_HEADING = /^#{1,6}\s+\S/gm;
const NUMBERED_RULE = /^\s*\d{1,3}[.)]\s+\S/gm;
const XML_TAG = /<([A-Za-z][\w-]{1,40})>/g;
/** `{question}` in LangChain templates; `{{ticket}}` in mustache-style ones. */
const TEMPLATE_VARIABLE = /\{\{?\s*([A-Za-z_][\w.]*)\s*\}?\}/g;




/**
 * Prompt texts sent to models: options such as `system` and `instructions` of LLM calls and
 * agents, system and developer messages, and LangChain prompt templates, followed through
 * constants, imports, `[…].join()` and prompt files read at run time (their texts given in
 * `promptFiles`). Measured with the tokenizer given. Pure.
 */
export function linkPrompts(
  files: FileFacts[],
  catalog: Catalog,
  resolver: ValueResolver,
  llmCalls: CallWithFacts[],
  countTokens: CountTokens,
  promptFiles: ReadonlyMap<string, string>,
): Prompt[] {
  const promptCatalog = catalog.prompts;
  const prompts: Prompt[] = [];
  const occurrences = new Map<string, number>();

  const textOf = (arg: ArgFact | undefined, file: string, depth = 0): PromptText | undefined => {
    if (!arg || depth > 8) return undefined;
    if (arg.kind === 'literal') {
      return typeof arg.value === 'string' ? { text: arg.value, holes: [], parts: 1, definedIn: file, ...(arg.name ? { name: arg.name } : {}) } : undefined;
    }
    if (arg.kind === 'template') return { text: arg.text, holes: arg.holes, parts: arg.parts ?? 1, definedIn: file, ...(arg.name ? { name: arg.name } : {}) };
    if (arg.kind !== 'value') return undefined;
    const value = arg.value;
    // `[intro, rules, format].join('\n\n')`
    if (value.kind === 'call' && value.callee.kind === 'member' && value.callee.name === 'join' && value.callee.object.kind === 'array') {
      const separator = value.args[0]?.kind === 'literal' && typeof value.args[0].value === 'string' ? value.args[0].value : ',';
      const parts = value.callee.object.items.map((item) => textOf(item, file, depth + 1));
      return {
        text: parts.map((part) => part?.text ?? '').join(separator),
        holes: parts.flatMap((part, index) => part?.holes ?? [`part ${index + 1}`]),
        parts: parts.length,
        definedIn: file,
        ...(arg.name ? { name: arg.name } : {}),
      };
    }
    if (value.kind === 'text') return textOf(value.text, file, depth + 1);
    // `readFileSync(join(__dirname, 'prompts/triage.md'), 'utf8')`: the file's text, as the scan read it.
    const paths = promptFilePaths(value, file, promptCatalog.files);
    if (paths) {
      const path = paths.find((candidate) => promptFiles.has(candidate));
      return path === undefined ? undefined : { text: promptFiles.get(path)!, holes: [], parts: 1, definedIn: path, ...(arg.name ? { name: arg.name } : {}) };
    }
    const followed = resolver.followValue(value, file);
    if (followed && followed.value !== value) {
      const name = value.kind === 'import' ? value.name : undefined;
      const found = textOf({ kind: 'value', value: followed.value }, followed.file, depth + 1);
      return found && name && !found.name ? { ...found, name } : found;
    }
    return undefined;
  };

  /** `at`: the call that sends the prompt, or for a prompt only an eval config names, its file's first line. */
  const add = (found: PromptText | undefined, role: Prompt['role'], file: string, at: Pick<CallFact, 'line' | 'scopes'>, usedBy: string) => {
    if (!found || found.text.trim().length === 0) return;
    const normalized = found.text.replace(/\s+/g, ' ').trim();
    const variables = [...new Set([...found.holes, ...[...found.text.matchAll(TEMPLATE_VARIABLE)].map((match) => match[1]!)])];
    const anchor = `${file}|${role}|${found.name ?? usedBy}`;
    const occurrence = occurrences.get(anchor) ?? 0;
    occurrences.set(anchor, occurrence + 1);
    const prompt: Prompt = {
      file,
      line: at.line,
      definedIn: found.definedIn,
      role,
      usedBy,
      textHash: createHash('sha256').update(normalized).digest('hex').slice(0, 16),
      characters: found.text.length,
      tokens: countTokens(found.text),
      sections: (found.text.match(MARKDOWN_HEADING)?.length ?? 0) + new Set([...found.text.matchAll(XML_TAG)].map((match) => match[1])).size,
      numberedRules: found.text.match(NUMBERED_RULE)?.length ?? 0,
      variables,
      parts: found.parts,
      id: occurrence === 0 ? anchor : `${anchor}|${occurrence}`,
    };
    if (found.name !== undefined) prompt.name = found.name;
    const enclosing = namedScope(at.scopes);
    if (enclosing !== undefined) prompt.enclosingFunction = enclosing;
    prompts.push(prompt);
  };

  const fromOptions = (options: ArgFact | undefined, file: string, call: CallFact, usedBy: string) => {
    if (options?.kind !== 'object') return;
    for (const option of promptCatalog.options) {
      if (option.holders && !option.holders.includes(usedBy)) continue;
      add(textOf(options.props[option.key], file), option.role, file, call, usedBy);
    }
    for (const key of promptCatalog.messages.keys) {
      const messages = options.props[key];
      if (messages?.kind !== 'array') continue;
      for (const message of messages.items) {
        if (message.kind !== 'object') continue;
        const role = message.props.role;
        const roleText = role?.kind === 'literal' ? role.value : undefined;
        const match = promptCatalog.messages.roles.find((candidate) => candidate === roleText);
        if (match) add(textOf(message.props.content, file), match, file, call, usedBy);
      }
    }
  };

  for (const { llmCall, call, file } of llmCalls) fromOptions(call.args.find((arg) => arg.kind === 'object'), file, call, llmCall.api);
  for (const facts of files) {
    for (const call of facts.calls) {
      const holder = catalog.tools.holders.find((entry) => entry.construct === (call.isNew ? 'new' : 'call') && isCatalogExport(entry, call.callee));
      if (holder) fromOptions(call.args[0], facts.path, call, holder.id);
      const template = promptCatalog.templates.find((entry) => {
        if (entry.construct !== (call.isNew ? 'new' : 'call')) return false;
        if (!entry.method) return isCatalogExport(entry, call.callee);
        return call.callee.kind === 'member' && call.callee.name === entry.method && isCatalogExport(entry, call.callee.object);
      });
      if (!template) continue;
      const usedBy = `${importedName(template.method && call.callee.kind === 'member' ? call.callee.object : call.callee)?.name ?? 'template'}${template.method ? `.${template.method}` : ''}`;
      const argument = call.args[Number(template.argument)];
      if (template.shape === 'text') {
        add(textOf(argument, facts.path), template.role, facts.path, call, usedBy);
        continue;
      }
      if (argument?.kind !== 'array') continue;
      for (const tuple of argument.items) {
        if (tuple.kind !== 'array') continue;
        const [role, text] = tuple.items;
        const roleText = role?.kind === 'literal' ? role.value : undefined;
        if (roleText === 'system' || roleText === 'developer') add(textOf(text, facts.path), roleText, facts.path, call, usedBy);
      }
    }
  }
  // A prompt file a promptfoo config tests, which no code reads: the prompt under test, in its own file.
  const measured = new Set(prompts.map((prompt) => prompt.definedIn));
  for (const facts of files) {
    for (const path of promptfooReferences(facts)) {
      const text = promptFiles.get(path);
      if (text === undefined || measured.has(path)) continue;
      measured.add(path);
      add({ text, holes: [], parts: 1, definedIn: path }, 'template', path, { line: 1, scopes: [] }, 'promptfoo');
    }
  }
  return prompts.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}
