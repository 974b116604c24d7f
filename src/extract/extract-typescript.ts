import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ts as TS } from 'ts-morph';

// A plain copy: the compiler's exports are getters, and `ts.isIdentifier`, `ts.SyntaxKind` and
// `ts.forEachChild` run for every node (about 0.05 s less per 1,300 files).
const ts = { ...loadCompiler() };

/**
 * The TypeScript compiler that ts-morph re-exports. ts-morph is CommonJS; `require` skips the ESM
 * loader's scan of its source for export names (about 0.1 s of start-up). Requiring the
 * compiler file of ts-morph's own `@ts-morph/common` skips ts-morph's 4 MB of project code on
 * top (about 0.07 s of every parser thread's start-up); ts-morph itself is the fallback.
 */
function loadCompiler(): typeof TS {
  const require = createRequire(import.meta.url);
  try {
    const common = createRequire(require.resolve('ts-morph')).resolve('@ts-morph/common');
    return require(join(dirname(common), 'typescript.js')) as typeof TS;
  } catch {
    return (require('ts-morph') as { ts: typeof TS }).ts;
  }
}
import type {
  ArgFact,
  CallFact,
  ClassFact,
  ExportFact,
  FileFacts,
  ReExportFact,
  ScopeFact,
  ValueRef,
  WrappedFunctionFact,
} from '../model/facts.js';
import { isRelativeSpecifier } from '../model/module-specifier.js';
import { rootImport } from '../model/root-import.js';
import { extractSuppressions } from './extract-suppressions.js';
import { EVERY_MODULE, type IsRelevantModule, mentionsArg, mentionsValue } from './relevance.js';

const UNKNOWN: ValueRef = { kind: 'unknown' };
/** Shared by every object and array without spreads: most have none, and each empty array is garbage. */
const NO_ARGS: ArgFact[] = [];
const MAX_DEPTH = 12;
const MAX_ARG_DEPTH = 4;
/** Globals that send HTTP requests; the catalog says which URLs are LLM endpoints. */
const HTTP_GLOBALS = new Set(['fetch']);
/** Globals whose values the facts keep: the HTTP ones, and `URL` (`new URL('./prompt.md', import.meta.url)` names a file next to the module). */
const VALUE_GLOBALS = new Set([...HTTP_GLOBALS, 'URL']);
const FIRST_NODE = ts.SyntaxKind.FirstNode;

interface Declaration {
  /** Range of the scope the name is visible in. */
  start: number;
  end: number;
  /** Where the declaration starts, to prefer the latest assignment before a use. */
  pos: number;
  resolve: () => ValueRef;
  /** Literal text for string constants (`const MODEL = 'gpt-4o'`). */
  literal?: () => ArgFact | undefined;
}

interface PendingCall {
  node: TS.CallExpression | TS.NewExpression;
  scopes: ScopeFact[];
  assignedTo?: string;
}

function scriptKindFor(path: string): TS.ScriptKind {
  if (path.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (path.endsWith('.jsx')) return ts.ScriptKind.JSX;
  if (/\.(js|mjs|cjs)$/.test(path)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

/** 1 for the kinds of functions and methods, by kind: asked for every node, and cheaper than a set. */
const IS_FUNCTION_KIND = new Uint8Array(ts.SyntaxKind.Count);
for (const kind of [
  ts.SyntaxKind.FunctionDeclaration,
  ts.SyntaxKind.FunctionExpression,
  ts.SyntaxKind.ArrowFunction,
  ts.SyntaxKind.MethodDeclaration,
  ts.SyntaxKind.Constructor,
  ts.SyntaxKind.GetAccessor,
  ts.SyntaxKind.SetAccessor,
]) {
  IS_FUNCTION_KIND[kind] = 1;
}

function isFunctionLike(node: TS.Node): node is TS.FunctionLikeDeclaration {
  return IS_FUNCTION_KIND[node.kind] === 1;
}

function propertyNameText(name: TS.PropertyName | TS.BindingName | undefined): string | undefined {
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name)) {
    return name.text;
  }
  return undefined;
}

function skipOuterExpressions(expr: TS.Expression): TS.Expression {
  let current = expr;
  for (;;) {
    if (
      ts.isParenthesizedExpression(current) ||
      ts.isAsExpression(current) ||
      ts.isNonNullExpression(current) ||
      ts.isSatisfiesExpression(current) ||
      ts.isTypeAssertionExpression(current) ||
      ts.isAwaitExpression(current)
    ) {
      current = current.expression;
    } else {
      return current;
    }
  }
}

/**
 * Extracts the facts of one TypeScript or JavaScript file. Pure: the same path, text and module
 * test give the same facts. Walks the compiler's nodes directly (wrapping each node in ts-morph
 * costs about 5x on large repositories). Calls that mention no relevant module (`expect(…)`,
 * `z.object(…)`) are left out: they cannot reach a model.
 */
export function extractTypeScript(path: string, text: string, isRelevant: IsRelevantModule = EVERY_MODULE): FileFacts {
  // JSDoc is never read; not parsing it saves a good share of parse time.
  const sourceFile = ts.createSourceFile(
    path,
    text,
    { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone },
    false,
    scriptKindFor(path),
  );
  let lineStarts: number[] | null | undefined;
  const positionAt = (position: number): TS.LineAndCharacter => {
    lineStarts ??= newlineStarts(text);
    if (lineStarts === null) return sourceFile.getLineAndCharacterOfPosition(position);
    // The last line that starts at or before the position.
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (lineStarts[middle]! <= position) low = middle;
      else high = middle - 1;
    }
    return { line: low, character: position - lineStarts[low]! };
  };
  const lineOf = (node: TS.Node) => positionAt(node.getStart(sourceFile));
  const lineAt = (node: TS.Node) => lineOf(node).line + 1;
  const declarations = new Map<string, Declaration[]>();
  const pendingCalls: PendingCall[] = [];
  const pendingClasses: { node: TS.ClassLikeDeclaration; name: string }[] = [];
  /** Every class, in source order, to find the one a `this` belongs to. */
  const classNodes: TS.ClassLikeDeclaration[] = [];
  /** Classes declared with `export`, by the name importers take them with (`default` for a default export). */
  const exportedClasses: { node: TS.ClassLikeDeclaration; exportedAs: string }[] = [];
  const exportNodes: { name: string; resolve: () => ValueRef }[] = [];
  const reExports: ReExportFact[] = [];
  const moduleSpecifiers = new Set<string>();
  const wrappedCandidates: { node: TS.CallExpression; argName: string; pos: number }[] = [];
  const functionNames = new Set<string>();
  /** Local names bound to relevant modules, to skip arguments that cannot mention one. */
  const relevantNames = new Set<string>();

  const memo = new Map<TS.Node, ValueRef>();
  const inProgress = new Set<TS.Node>();

  function declare(name: string, scope: TS.Node, pos: number, resolve: () => ValueRef, literal?: () => ArgFact | undefined) {
    const list = declarations.get(name) ?? [];
    list.push({ start: scope.pos, end: scope.end, pos, resolve, literal });
    declarations.set(name, list);
  }

  /** Declarations visible at `at`, best first: innermost scope, then the latest before the use. */
  function candidates(name: string, at: number): Declaration[] {
    const list = declarations.get(name);
    if (!list) return [];
    if (list.length === 1) {
      const only = list[0]!;
      return at >= only.start && at <= only.end ? list : [];
    }
    const visible = list.filter((declaration) => at >= declaration.start && at <= declaration.end);
    return visible.sort((a, b) => {
      const widthDifference = a.end - a.start - (b.end - b.start);
      if (widthDifference !== 0) return widthDifference;
      const aBefore = a.pos <= at;
      const bBefore = b.pos <= at;
      if (aBefore !== bBefore) return aBefore ? -1 : 1;
      return b.pos - a.pos;
    });
  }

  /**
   * The first candidate that resolves to a value rooted in an import (a field typed `OpenAI` when
   * its assignment, `this.client = this.createClient(…)`, cannot be followed), else the first that
   * resolves to anything.
   */
  function resolveName(name: string, at: number): ValueRef | undefined {
    const found = candidates(name, at);
    if (found.length === 0) return undefined;
    let first: ValueRef | undefined;
    for (const declaration of found) {
      const value = declaration.resolve();
      if (value.kind === 'unknown') continue;
      if (isRootedInImport(value)) return value;
      first ??= value;
    }
    return first ?? UNKNOWN;
  }

  function lookup(name: string, at: number): Declaration | undefined {
    return candidates(name, at)[0];
  }

  const literalsInProgress = new Set<TS.Node>();

  function memoized(node: TS.Node, compute: () => ValueRef): ValueRef {
    const cached = memo.get(node);
    if (cached) return cached;
    if (inProgress.has(node)) return UNKNOWN;
    inProgress.add(node);
    const value = compute();
    inProgress.delete(node);
    memo.set(node, value);
    return value;
  }

  function evaluate(expression: TS.Expression, depth = 0): ValueRef {
    if (depth > MAX_DEPTH) return UNKNOWN;
    if (ts.isAsExpression(expression) || ts.isTypeAssertionExpression(expression)) {
      // `client as OpenAI`: the value if it can be followed, else what the cast says it is
      // (a cast is more precise than the parameter type it narrows, and than a field a base
      // class in another module may or may not have).
      const inner = evaluate(expression.expression, depth + 1);
      if (inner.kind !== 'unknown' && inner.kind !== 'typed' && !isInheritedField(inner)) return inner;
      return typeValue(expression.type) ?? inner;
    }
    const expr = skipOuterExpressions(expression);
    if (expr !== expression && (ts.isAsExpression(expr) || ts.isTypeAssertionExpression(expr))) return evaluate(expr, depth + 1);
    if (ts.isIdentifier(expr)) {
      const value = resolveName(expr.text, expr.pos);
      if (value) return value;
      if (VALUE_GLOBALS.has(expr.text)) return { kind: 'global', name: expr.text };
      return UNKNOWN;
    }
    if (ts.isPropertyAccessExpression(expr)) {
      const name = expr.name.text;
      if (expr.expression.kind === ts.SyntaxKind.ThisKeyword) {
        return resolveName(`this.${name}`, expr.pos) ?? inheritedField(name, expr.pos) ?? UNKNOWN;
      }
      if (ts.isIdentifier(expr.expression) && expr.expression.text === 'globalThis') {
        return VALUE_GLOBALS.has(name) ? { kind: 'global', name } : UNKNOWN;
      }
      const object = evaluate(expr.expression, depth + 1);
      return object.kind === 'unknown' ? UNKNOWN : { kind: 'member', object, name };
    }
    if (ts.isElementAccessExpression(expr) && ts.isStringLiteralLike(expr.argumentExpression)) {
      const object = evaluate(expr.expression, depth + 1);
      return object.kind === 'unknown' ? UNKNOWN : { kind: 'member', object, name: expr.argumentExpression.text };
    }
    if (ts.isCallExpression(expr)) {
      return memoized(expr, () => {
        const required = requiredModule(expr);
        if (required !== undefined) return { kind: 'import', module: required, name: '*' };
        const returned = returnedValue(expr.expression);
        if (returned && returned.kind !== 'unknown') return returned;
        const callee = evaluate(expr.expression, depth + 1);
        if (callee.kind === 'unknown') return UNKNOWN;
        return { kind: 'call', callee, args: argumentsOf(expr), at: expr.pos };
      });
    }
    if (ts.isNewExpression(expr)) {
      return memoized(expr, () => {
        const callee = evaluate(expr.expression, depth + 1);
        if (callee.kind === 'unknown') return UNKNOWN;
        return { kind: 'new', callee, args: argumentsOf(expr), at: expr.pos };
      });
    }
    if (ts.isStringLiteralLike(expr) || ts.isTemplateExpression(expr) || (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.PlusToken)) {
      const text = literalOf(expr);
      return text && (text.kind === 'template' || (text.kind === 'literal' && typeof text.value === 'string')) ? { kind: 'text', text } : UNKNOWN;
    }
    if (ts.isObjectLiteralExpression(expr) || ts.isArrayLiteralExpression(expr)) {
      // Tool collections: `const crmTools = [ … ]`, `export const searchTools = { … }`.
      return toArg(expr, 0) as Extract<ValueRef, { kind: 'object' | 'array' }>;
    }
    if (ts.isConditionalExpression(expr)) {
      const whenTrue = evaluate(expr.whenTrue, depth + 1);
      return whenTrue.kind === 'unknown' ? evaluate(expr.whenFalse, depth + 1) : whenTrue;
    }
    if (ts.isBinaryExpression(expr)) {
      const operator = expr.operatorToken.kind;
      if (operator === ts.SyntaxKind.QuestionQuestionToken || operator === ts.SyntaxKind.BarBarToken) {
        const left = evaluate(expr.left, depth + 1);
        return left.kind === 'unknown' ? evaluate(expr.right, depth + 1) : left;
      }
    }
    if (ts.isFunctionExpression(expr) || ts.isArrowFunction(expr)) {
      return { kind: 'function', name: expr.name?.text ?? '<anonymous>' };
    }
    return UNKNOWN;
  }

  /**
   * `this.client` in a class that declares no member of that name and extends a class imported
   * from another repository module: that class's field, which its module exports as
   * `BaseClass#client` (see the exports at the end). One level of inheritance.
   */
  function inheritedField(name: string, at: number): ValueRef | undefined {
    // The innermost class around the position: of those around it, the one that starts last.
    let owner: TS.ClassLikeDeclaration | undefined;
    for (const node of classNodes) if (at >= node.pos && at <= node.end && (!owner || node.pos >= owner.pos)) owner = node;
    if (!owner || owner.members.some((member) => propertyNameText(member.name) === name)) return undefined;
    const heritage = extendsExpression(owner);
    const base = heritage && evaluate(heritage);
    if (base?.kind !== 'import' || !isRelativeSpecifier(base.module) || base.name === '*') return undefined;
    return { kind: 'import', module: base.module, name: `${base.name}#${name}` };
  }

  /** What a call of a function declared in this file returns: `this.ensureClient()`, `getClient()`. */
  function returnedValue(callee: TS.Expression): ValueRef | undefined {
    if (ts.isIdentifier(callee)) return resolveName(`${callee.text}()`, callee.pos);
    if (ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword) {
      return resolveName(`this.${callee.name.text}()`, callee.pos);
    }
    return undefined;
  }

  function requiredModule(call: TS.CallExpression): string | undefined {
    const first = call.arguments[0];
    if (!first || !ts.isStringLiteralLike(first)) return undefined;
    if (call.expression.kind === ts.SyntaxKind.ImportKeyword) return first.text;
    if (ts.isIdentifier(call.expression) && call.expression.text === 'require' && !lookup('require', call.pos)) {
      return first.text;
    }
    return undefined;
  }

  function typeValue(type: TS.TypeNode | undefined): ValueRef | undefined {
    if (type && (ts.isUnionTypeNode(type) || ts.isIntersectionTypeNode(type))) {
      for (const member of type.types) {
        const value = typeValue(member);
        if (value) return value;
      }
      return undefined;
    }
    if (type && ts.isParenthesizedTypeNode(type)) return typeValue(type.type);
    if (!type || !ts.isTypeReferenceNode(type)) return undefined;
    const value = entityValue(type.typeName);
    return value.kind === 'import' || value.kind === 'member' ? { kind: 'typed', type: value } : undefined;
  }

  function entityValue(name: TS.EntityName): ValueRef {
    if (ts.isIdentifier(name)) return evaluate(name);
    const left = entityValue(name.left);
    return left.kind === 'unknown' ? UNKNOWN : { kind: 'member', object: left, name: name.right.text };
  }

  function holeText(expression: TS.Expression): string {
    const source = text.slice(expression.getStart(sourceFile), expression.end).replace(/\s+/g, ' ');
    return source.length > 60 ? `${source.slice(0, 57)}...` : source;
  }

  function literalOf(expression: TS.Expression): ArgFact | undefined {
    const expr = skipOuterExpressions(expression);
    if (ts.isStringLiteralLike(expr)) return { kind: 'literal', value: expr.text };
    if (ts.isNumericLiteral(expr)) return { kind: 'literal', value: Number(expr.text) };
    if (expr.kind === ts.SyntaxKind.TrueKeyword) return { kind: 'literal', value: true };
    if (expr.kind === ts.SyntaxKind.FalseKeyword) return { kind: 'literal', value: false };
    if (expr.kind === ts.SyntaxKind.NullKeyword) return { kind: 'literal', value: null };
    if (ts.isTemplateExpression(expr)) {
      // Holes bound to string constants are inlined (prompts assembled from constant parts).
      let text = expr.head.text;
      const holes: string[] = [];
      for (const span of expr.templateSpans) {
        const part = literalOf(span.expression);
        if (part?.kind === 'literal' && typeof part.value === 'string') text += part.value;
        else if (part?.kind === 'template') {
          text += part.text;
          holes.push(...part.holes);
        } else holes.push(holeText(span.expression));
        text += span.literal.text;
      }
      return { kind: 'template', text, holes };
    }
    if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const left = literalOf(expr.left);
      const right = literalOf(expr.right);
      if (!left && !right) return undefined;
      const holes: string[] = [];
      const textOf = (part: ArgFact | undefined, node: TS.Expression) => {
        if (part?.kind === 'literal') return String(part.value);
        if (part?.kind === 'template') {
          holes.push(...part.holes);
          return part.text;
        }
        holes.push(holeText(node));
        return '';
      };
      return { kind: 'template', text: textOf(left, expr.left) + textOf(right, expr.right), holes };
    }
    if (ts.isIdentifier(expr)) {
      const literal = lookup(expr.text, expr.pos)?.literal?.();
      return literal && (literal.kind === 'literal' || literal.kind === 'template') ? { ...literal, name: literal.name ?? expr.text } : literal;
    }
    return undefined;
  }

  /**
   * {@link literalOf} of a declaration's or assignment's right side, once at a time: in `prompt = prompt + '…'` the
   * right side's `prompt` finds this same assignment, so a second visit is a hole, not a loop.
   */
  function literalOnce(node: TS.Node, right: TS.Expression): ArgFact | undefined {
    if (literalsInProgress.has(node)) return undefined;
    literalsInProgress.add(node);
    try {
      return literalOf(right);
    } finally {
      literalsInProgress.delete(node);
    }
  }

  function toArg(expression: TS.Expression, depth: number): ArgFact {
    const expr = skipOuterExpressions(expression);
    const literal = literalOf(expr);
    if (literal) return literal;
    if (ts.isObjectLiteralExpression(expr)) {
      const line = lineAt(expr);
      // Deeper than this is schema detail; the unknown spread marks the object as not followed.
      if (depth >= MAX_ARG_DEPTH) return { kind: 'object', props: {}, spreads: [{ kind: 'unknown' }], line };
      const props: Record<string, ArgFact> = {};
      let spreads = NO_ARGS;
      for (const property of expr.properties) {
        if (ts.isPropertyAssignment(property)) {
          const name = propertyNameText(property.name);
          if (name !== undefined) props[name] = toArg(property.initializer, depth + 1);
        } else if (ts.isShorthandPropertyAssignment(property)) {
          props[property.name.text] = toArg(property.name, depth + 1);
        } else if (ts.isSpreadAssignment(property)) {
          spreads = [...spreads, toArg(property.expression, depth + 1)];
        } else if (ts.isMethodDeclaration(property)) {
          const name = propertyNameText(property.name);
          if (name !== undefined) props[name] = { kind: 'function', name };
        }
      }
      return { kind: 'object', props, spreads, line };
    }
    if (ts.isArrayLiteralExpression(expr)) {
      if (depth >= MAX_ARG_DEPTH) return { kind: 'array', items: [], spreads: [{ kind: 'unknown' }] };
      const items: ArgFact[] = [];
      let spreads = NO_ARGS;
      for (const element of expr.elements) {
        if (ts.isSpreadElement(element)) spreads = [...spreads, toArg(element.expression, depth + 1)];
        else items.push(toArg(element, depth + 1));
      }
      return { kind: 'array', items, spreads };
    }
    if (ts.isFunctionExpression(expr) || ts.isArrowFunction(expr)) {
      const fact: Extract<ArgFact, { kind: 'function' }> = expr.name ? { kind: 'function', name: expr.name.text } : { kind: 'function' };
      const returned = returnedObject(expr);
      if (returned) fact.returns = toArg(returned, depth + 1) as Extract<ArgFact, { kind: 'object' }>;
      return fact;
    }
    const value = evaluate(expr);
    if (value.kind === 'unknown') return { kind: 'unknown' };
    return ts.isIdentifier(expr) ? { kind: 'value', value, name: expr.text } : { kind: 'value', value };
  }

  /** The object literal an inline function returns: its expression body, or the value of the first `return` at the top of its body. */
  function returnedObject(fn: TS.FunctionExpression | TS.ArrowFunction): TS.ObjectLiteralExpression | undefined {
    let returned: TS.Expression | undefined;
    if (ts.isBlock(fn.body)) {
      const statement = fn.body.statements.find(ts.isReturnStatement);
      returned = statement?.expression;
    } else {
      returned = fn.body;
    }
    const expression = returned && skipOuterExpressions(returned);
    return expression && ts.isObjectLiteralExpression(expression) ? expression : undefined;
  }

  const argumentMemo = new Map<TS.CallExpression | TS.NewExpression, ArgFact[]>();

  /**
   * The arguments of a call or `new`, made once: a call in a chain (`z.object({…}).describe(…)`) is
   * both a call of its own and part of the next one's callee, and both then share one array.
   */
  function argumentsOf(node: TS.CallExpression | TS.NewExpression): ArgFact[] {
    let args = argumentMemo.get(node);
    if (!args) {
      args = node.arguments ? node.arguments.map((arg) => toArg(arg, 0)) : NO_ARGS;
      argumentMemo.set(node, args);
    }
    return args;
  }

  function declareBinding(name: TS.BindingName, scope: TS.Node, pos: number, resolve: () => ValueRef, literal?: () => ArgFact | undefined) {
    if (ts.isIdentifier(name)) {
      declare(name.text, scope, pos, resolve, literal);
      return;
    }
    if (ts.isObjectBindingPattern(name)) {
      for (const element of name.elements) {
        if (element.dotDotDotToken) continue;
        const key = propertyNameText(element.propertyName ?? (ts.isIdentifier(element.name) ? element.name : undefined));
        if (key === undefined) continue;
        declareBinding(element.name, scope, pos, () => {
          const object = resolve();
          return object.kind === 'unknown' ? UNKNOWN : { kind: 'member', object, name: key };
        });
      }
    }
  }

  /** The block, function or file that a `let`/`const` (or `var`) declaration is visible in. */
  function scopeOf(stack: TS.Node[], isVar: boolean): TS.Node {
    for (let index = stack.length - 1; index >= 0; index--) {
      const node = stack[index]!;
      if (isFunctionLike(node) || ts.isSourceFile(node)) return node;
      if (!isVar && (ts.isBlock(node) || ts.isModuleBlock(node) || ts.isForStatement(node) || ts.isForOfStatement(node) || ts.isForInStatement(node) || ts.isCaseBlock(node))) {
        return node;
      }
    }
    return sourceFile;
  }

  const nodeStack: TS.Node[] = [];
  /** The variable a call being visited initialises directly, if any. */
  const assignedName = (): string | undefined => {
    const parent = nodeStack.at(-1);
    return parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name) ? parent.name.text : undefined;
  };
  /** Enclosing functions, innermost first; replaced (not mutated) on entry and exit so calls can share it. */
  let enclosingScopes: ScopeFact[] = [];
  const classStack: { name: string; node: TS.ClassLikeDeclaration }[] = [];

  function functionName(node: TS.FunctionLikeDeclaration): string {
    if (node.name && ts.isIdentifier(node.name)) {
      const className = classStack.at(-1)?.name;
      if ((ts.isMethodDeclaration(node) || ts.isGetAccessorDeclaration(node) || ts.isSetAccessorDeclaration(node)) && className) {
        return `${className}.${node.name.text}`;
      }
      return node.name.text;
    }
    if (ts.isConstructorDeclaration(node)) return `${classStack.at(-1)?.name ?? '<class>'}.constructor`;
    if (ts.isMethodDeclaration(node)) {
      const name = propertyNameText(node.name);
      if (name !== undefined) return classStack.at(-1) ? `${classStack.at(-1)!.name}.${name}` : name;
    }
    const parent = nodeStack.at(-1);
    if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
    if (parent && ts.isPropertyAssignment(parent)) return propertyNameText(parent.name) ?? '<anonymous>';
    if (parent && ts.isPropertyDeclaration(parent)) {
      const name = propertyNameText(parent.name);
      const className = classStack.at(-1)?.name;
      if (name !== undefined) return className ? `${className}.${name}` : name;
    }
    // `const run = traceable(async () => ...)`: the wrapped function takes the variable's name.
    const grandparent = nodeStack.at(-2);
    if (parent && ts.isCallExpression(parent) && grandparent && ts.isVariableDeclaration(grandparent) && ts.isIdentifier(grandparent.name)) {
      return grandparent.name.text;
    }
    return '<anonymous>';
  }

  function recordImport(node: TS.ImportDeclaration) {
    if (!ts.isStringLiteral(node.moduleSpecifier)) return;
    const module = node.moduleSpecifier.text;
    moduleSpecifiers.add(module);
    const clause = node.importClause;
    if (!clause) return;
    if (clause.name && isRelevant(module, 'default')) relevantNames.add(clause.name.text);
    const named = clause.namedBindings;
    if (named && ts.isNamespaceImport(named)) {
      if (isRelevant(module, '*')) relevantNames.add(named.name.text);
    } else if (named) {
      for (const element of named.elements) {
        if (isRelevant(module, propertyNameText(element.propertyName ?? element.name) ?? '*')) relevantNames.add(element.name.text);
      }
    }
    if (clause.name) {
      declare(clause.name.text, sourceFile, 0, () => ({ kind: 'import', module, name: 'default' }));
    }
    const bindings = clause.namedBindings;
    if (!bindings) return;
    if (ts.isNamespaceImport(bindings)) {
      declare(bindings.name.text, sourceFile, 0, () => ({ kind: 'import', module, name: '*' }));
      return;
    }
    for (const element of bindings.elements) {
      const imported = element.propertyName ? propertyNameText(element.propertyName as TS.Identifier) : element.name.text;
      if (imported === undefined) continue;
      declare(element.name.text, sourceFile, 0, () => ({ kind: 'import', module, name: imported }));
    }
  }

  function recordExportDeclaration(node: TS.ExportDeclaration) {
    const module = node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) ? node.moduleSpecifier.text : undefined;
    if (module !== undefined) moduleSpecifiers.add(module);
    const clause = node.exportClause;
    if (!clause) {
      if (module !== undefined) reExports.push({ module, imported: '*', exported: '*' });
      return;
    }
    if (ts.isNamespaceExport(clause)) {
      if (module !== undefined) reExports.push({ module, imported: '*', exported: clause.name.text });
      return;
    }
    for (const element of clause.elements) {
      const local = propertyNameText((element.propertyName ?? element.name) as TS.Identifier);
      const exported = propertyNameText(element.name as TS.Identifier);
      if (local === undefined || exported === undefined) continue;
      if (module !== undefined) {
        reExports.push({ module, imported: local, exported });
      } else {
        const at = element.pos;
        exportNodes.push({ name: exported, resolve: () => lookup(local, at)?.resolve() ?? UNKNOWN });
      }
    }
  }

  function hasExportModifier(node: TS.Node): boolean {
    return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
  }

  function hasDefaultModifier(node: TS.Node): boolean {
    return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword);
  }

  function recordVariableStatement(node: TS.VariableStatement) {
    const isVar = (node.declarationList.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const)) === 0;
    const scope = scopeOf(nodeStack, isVar);
    const isExported = hasExportModifier(node);
    for (const declaration of node.declarationList.declarations) {
      recordVariableDeclaration(declaration, scope);
      if (isExported && ts.isIdentifier(declaration.name)) {
        const name = declaration.name.text;
        const at = declaration.name.pos;
        exportNodes.push({ name, resolve: () => lookup(name, at)?.resolve() ?? UNKNOWN });
      } else if (isExported && ts.isObjectBindingPattern(declaration.name)) {
        for (const element of declaration.name.elements) {
          if (!ts.isIdentifier(element.name)) continue;
          const name = element.name.text;
          const at = element.name.pos;
          exportNodes.push({ name, resolve: () => lookup(name, at)?.resolve() ?? UNKNOWN });
        }
      }
    }
  }

  function recordVariableDeclaration(declaration: TS.VariableDeclaration, scope: TS.Node) {
    const initializer = declaration.initializer;
    if (initializer) {
      const init = skipOuterExpressions(initializer);
      const required = ts.isCallExpression(init) ? requiredModule(init) : undefined;
      if (required !== undefined && isRelevant(required, '*')) addBindingNames(declaration.name, relevantNames);
      if ((ts.isArrowFunction(init) || ts.isFunctionExpression(init)) && ts.isIdentifier(declaration.name)) {
        functionNames.add(declaration.name.text);
      }
      declareBinding(
        declaration.name,
        scope,
        declaration.pos,
        () => memoized(declaration, () => evaluate(initializer)),
        () => literalOnce(declaration, initializer),
      );
    } else if (declaration.type) {
      const typed = typeValue(declaration.type);
      if (typed) declareBinding(declaration.name, scope, declaration.pos, () => typed);
    }
  }

  function addBindingNames(name: TS.BindingName, into: Set<string>) {
    if (ts.isIdentifier(name)) into.add(name.text);
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) addBindingNames(element.name, into);
  }

  function recordParameters(node: TS.FunctionLikeDeclaration) {
    const isConstructor = ts.isConstructorDeclaration(node);
    const currentClass = classStack.at(-1);
    for (const parameter of node.parameters) {
      if (!ts.isIdentifier(parameter.name)) continue;
      const name = parameter.name.text;
      const type = parameter.type;
      const resolve = () => memoized(parameter, () => typeValue(type) ?? (parameter.initializer ? evaluate(parameter.initializer) : UNKNOWN));
      declare(name, node, parameter.pos, resolve);
      const isParameterProperty = (ts.getModifiers(parameter) ?? []).length > 0;
      if (isConstructor && isParameterProperty && currentClass) {
        declare(`this.${name}`, currentClass.node, parameter.pos, resolve);
      }
    }
  }

  function recordExportAssignment(node: TS.ExportAssignment) {
    const expression = node.expression;
    exportNodes.push({ name: 'default', resolve: () => evaluate(expression) });
  }

  /** `module.exports = …`, `module.exports.x = …`, `exports.x = …`, and `this.x = …` inside a class. */
  /**
   * `prompt += `\n- ${rule}``: a text variable grows. Later reads see the text so far with this
   * part appended (in a loop, one pass of it: a lower bound, its holes listed).
   */
  function recordAppend(node: TS.BinaryExpression) {
    const left = node.left;
    if (!ts.isIdentifier(left)) return;
    const existing = lookup(left.text, node.pos);
    if (!existing) return;
    const scope = { pos: existing.start, end: existing.end };
    const appended = (): ArgFact | undefined => {
      const before = existing.literal?.();
      const part = literalOnce(node, node.right);
      if (before?.kind !== 'literal' && before?.kind !== 'template') return undefined;
      const holes = before.kind === 'template' ? [...before.holes] : [];
      let text = before.kind === 'template' ? before.text : String(before.value);
      if (part?.kind === 'literal') text += String(part.value);
      else if (part?.kind === 'template') {
        text += part.text;
        holes.push(...part.holes);
      } else holes.push(holeText(node.right));
      const parts = (before.kind === 'template' ? (before.parts ?? 1) : 1) + 1;
      return before.name === undefined ? { kind: 'template', text, holes, parts } : { kind: 'template', text, holes, parts, name: before.name };
    };
    declare(left.text, scope as TS.Node, node.pos, () => {
      const text = appended();
      return text?.kind === 'template' ? { kind: 'text', text } : UNKNOWN;
    }, appended);
  }

  function recordAssignment(node: TS.BinaryExpression) {
    const left = node.left;
    const right = node.right;
    if (ts.isPropertyAccessExpression(left)) {
      const target = left.expression;
      if (target.kind === ts.SyntaxKind.ThisKeyword) {
        const currentClass = classStack.at(-1);
        if (currentClass) declare(`this.${left.name.text}`, currentClass.node, node.pos, () => memoized(node, () => evaluate(right)));
        return;
      }
      const isModuleExports = ts.isIdentifier(target) && target.text === 'module' && left.name.text === 'exports';
      if (isModuleExports) {
        exportNodes.push({ name: 'default', resolve: () => evaluate(right) });
        const value = skipOuterExpressions(right);
        if (ts.isObjectLiteralExpression(value)) {
          for (const property of value.properties) {
            if (ts.isShorthandPropertyAssignment(property)) {
              const name = property.name.text;
              const at = property.pos;
              exportNodes.push({ name, resolve: () => lookup(name, at)?.resolve() ?? UNKNOWN });
            } else if (ts.isPropertyAssignment(property)) {
              const name = propertyNameText(property.name);
              if (name !== undefined) exportNodes.push({ name, resolve: () => evaluate(property.initializer) });
            }
          }
        }
        return;
      }
      const isExportsMember =
        (ts.isIdentifier(target) && target.text === 'exports') ||
        (ts.isPropertyAccessExpression(target) && ts.isIdentifier(target.expression) && target.expression.text === 'module' && target.name.text === 'exports');
      if (isExportsMember) {
        exportNodes.push({ name: left.name.text, resolve: () => evaluate(right) });
      }
      return;
    }
    if (ts.isIdentifier(left)) {
      const existing = lookup(left.text, node.pos);
      const scope = existing ? { pos: existing.start, end: existing.end } : sourceFile;
      declare(left.text, scope as TS.Node, node.pos, () => memoized(node, () => evaluate(right)), () => literalOnce(node, right));
    }
  }

  function visit(node: TS.Node): void {
    // Tokens (identifiers, keywords, literals, punctuation) have no children and declare nothing.
    if (node.kind < FIRST_NODE) return;
    // Types never hold a call; annotations are read where a value needs them (typeValue).
    if (
      (node.kind >= ts.SyntaxKind.FirstTypeNode && node.kind <= ts.SyntaxKind.LastTypeNode) ||
      node.kind === ts.SyntaxKind.InterfaceDeclaration ||
      node.kind === ts.SyntaxKind.TypeAliasDeclaration
    ) {
      return;
    }
    switch (node.kind) {
      case ts.SyntaxKind.ImportDeclaration:
        recordImport(node as TS.ImportDeclaration);
        return;
      case ts.SyntaxKind.ImportEqualsDeclaration: {
        const importEquals = node as TS.ImportEqualsDeclaration;
        const reference = importEquals.moduleReference;
        if (ts.isExternalModuleReference(reference) && ts.isStringLiteral(reference.expression)) {
          const module = reference.expression.text;
          moduleSpecifiers.add(module);
          if (isRelevant(module, '*')) relevantNames.add(importEquals.name.text);
          declare(importEquals.name.text, sourceFile, 0, () => ({ kind: 'import', module, name: '*' }));
        }
        return;
      }
      case ts.SyntaxKind.ExportDeclaration:
        recordExportDeclaration(node as TS.ExportDeclaration);
        return;
      case ts.SyntaxKind.ExportAssignment:
        recordExportAssignment(node as TS.ExportAssignment);
        break;
      case ts.SyntaxKind.VariableStatement:
        recordVariableStatement(node as TS.VariableStatement);
        break;
      case ts.SyntaxKind.VariableDeclarationList: {
        // `for (const x of …)` and other declaration lists outside a statement.
        const list = node as TS.VariableDeclarationList;
        if (nodeStack.at(-1) && !ts.isVariableStatement(nodeStack.at(-1)!)) {
          const isVar = (list.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const)) === 0;
          for (const declaration of list.declarations) recordVariableDeclaration(declaration, scopeOf(nodeStack, isVar));
        }
        break;
      }
      case ts.SyntaxKind.ReturnStatement: {
        const returned = (node as TS.ReturnStatement).expression;
        if (returned && returnTarget) {
          const { key, scope } = returnTarget;
          declare(key, scope, node.pos, () => memoized(node, () => evaluate(returned)));
        }
        break;
      }
      case ts.SyntaxKind.BinaryExpression: {
        const binary = node as TS.BinaryExpression;
        if (binary.operatorToken.kind === ts.SyntaxKind.EqualsToken) recordAssignment(binary);
        else if (binary.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken) recordAppend(binary);
        break;
      }
      case ts.SyntaxKind.CallExpression: {
        const call = node as TS.CallExpression;
        const required = requiredModule(call);
        if (required !== undefined) moduleSpecifiers.add(required);
        pendingCalls.push({ node: call, scopes: enclosingScopes, assignedTo: assignedName() });
        for (const argument of call.arguments) {
          if (ts.isIdentifier(argument)) wrappedCandidates.push({ node: call, argName: argument.text, pos: argument.pos });
        }
        break;
      }
      case ts.SyntaxKind.NewExpression:
        pendingCalls.push({ node: node as TS.NewExpression, scopes: enclosingScopes, assignedTo: assignedName() });
        break;
      case ts.SyntaxKind.ClassDeclaration:
      case ts.SyntaxKind.ClassExpression: {
        const classNode = node as TS.ClassLikeDeclaration;
        const parent = nodeStack.at(-1);
        const name =
          classNode.name?.text ?? (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name) ? parent.name.text : '<class>');
        classNodes.push(classNode);
        if (classNode.name && ts.isClassDeclaration(classNode)) {
          declare(classNode.name.text, scopeOf(nodeStack, false), classNode.pos, () => ({ kind: 'function', name }));
          if (hasExportModifier(classNode)) {
            const exportedAs = hasDefaultModifier(classNode) ? 'default' : classNode.name.text;
            exportNodes.push({ name: exportedAs, resolve: () => ({ kind: 'function', name }) });
            exportedClasses.push({ node: classNode, exportedAs });
          }
        }
        for (const member of classNode.members) {
          if (!ts.isPropertyDeclaration(member)) continue;
          const memberName = propertyNameText(member.name);
          if (memberName === undefined) continue;
          const initializer = member.initializer;
          const type = member.type;
          declare(`this.${memberName}`, classNode, member.pos, () =>
            memoized(member, () => (initializer ? evaluate(initializer) : typeValue(type) ?? UNKNOWN)),
          );
        }
        if (classNode.heritageClauses) pendingClasses.push({ node: classNode, name });
        classStack.push({ name, node: classNode });
        nodeStack.push(node);
        ts.forEachChild(node, visit);
        nodeStack.pop();
        classStack.pop();
        return;
      }
      default:
        break;
    }

    if (isFunctionLike(node)) {
      visitFunction(node);
      return;
    }
    nodeStack.push(node);
    ts.forEachChild(node, visit);
    nodeStack.pop();
  }

  /** Where `return` statements of the function being walked are recorded, if it has a name to be called by. */
  let returnTarget: { key: string; scope: TS.Node } | undefined;

  function returnTargetOf(node: TS.FunctionLikeDeclaration): { key: string; scope: TS.Node } | undefined {
    const currentClass = classStack.at(-1);
    if ((ts.isMethodDeclaration(node) || ts.isGetAccessorDeclaration(node)) && currentClass) {
      const name = propertyNameText(node.name);
      return name === undefined ? undefined : { key: `this.${name}()`, scope: currentClass.node };
    }
    if (ts.isFunctionDeclaration(node) && node.name) return { key: `${node.name.text}()`, scope: scopeOf(nodeStack, true) };
    const parent = nodeStack.at(-1);
    if ((ts.isArrowFunction(node) || ts.isFunctionExpression(node)) && parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) {
      return { key: `${parent.name.text}()`, scope: scopeOf(nodeStack.slice(0, -2), false) };
    }
    return undefined;
  }

  function visitFunction(node: TS.FunctionLikeDeclaration) {
    const name = functionName(node);
    const outerReturnTarget = returnTarget;
    returnTarget = returnTargetOf(node);
    if (returnTarget && ts.isArrowFunction(node) && !ts.isBlock(node.body)) {
      const body = node.body;
      declare(returnTarget.key, returnTarget.scope, node.pos, () => memoized(node, () => evaluate(body)));
    }
    if (ts.isFunctionDeclaration(node) && node.name) {
      functionNames.add(node.name.text);
      declare(node.name.text, scopeOf(nodeStack, true), node.pos, () => ({ kind: 'function', name }));
      if (hasExportModifier(node)) {
        exportNodes.push({ name: hasDefaultModifier(node) ? 'default' : node.name.text, resolve: () => ({ kind: 'function', name }) });
      }
    }
    recordParameters(node);
    const scope: ScopeFact = { name };
    const parent = nodeStack.at(-1);
    if (parent && ts.isCallExpression(parent) && parent.arguments.includes(node as TS.Expression)) {
      const callee = evaluate(parent.expression);
      if (callee.kind !== 'unknown') scope.passedTo = callee;
    }
    const decorators = ts.canHaveDecorators(node) ? ts.getDecorators(node) : undefined;
    if (decorators && decorators.length > 0) {
      const values = decorators.map((decorator) => evaluate(decorator.expression)).filter((value) => value.kind !== 'unknown');
      if (values.length > 0) scope.decorators = values;
    }
    const outer = enclosingScopes;
    enclosingScopes = [scope, ...outer];
    nodeStack.push(node);
    ts.forEachChild(node, visit);
    nodeStack.pop();
    enclosingScopes = outer;
    returnTarget = outerReturnTarget;
  }

  visit(sourceFile);

  const calls: CallFact[] = [];
  for (const { node, scopes, assignedTo } of pendingCalls) {
    const root = rootIdentifier(node.expression);
    // `console.log(…)`, `items.map(…)` on an undeclared name: nothing to follow.
    if (root !== undefined && !declarations.has(root) && !HTTP_GLOBALS.has(root) && root !== 'globalThis') continue;
    const isNew = ts.isNewExpression(node);
    if (!isNew && requiredModule(node) !== undefined) continue;
    const callee = evaluate(node.expression);
    if (!isRootedInImport(callee)) continue;
    const isCalleeRelevant = mentionsValue(callee, isRelevant);
    const argumentNodes = node.arguments ?? ts.factory.createNodeArray<TS.Expression>();
    // Arguments can only matter (`registerInstrumentations({ instrumentations: [new OpenAIInstrumentation()] })`)
    // when their text names a relevant import.
    if (!isCalleeRelevant && (isNew || !namesAny(text.slice(argumentNodes.pos, argumentNodes.end), relevantNames))) continue;
    const args = argumentsOf(node);
    if (!isCalleeRelevant && !args.some((arg) => mentionsArg(arg, isRelevant))) continue;
    const { line, character } = lineOf(node);
    const call: CallFact = {
      line: line + 1,
      column: character + 1,
      at: node.pos,
      callee,
      args,
      scopes,
      calleeText: calleeText(node.expression),
      textHash: isNew ? '' : syntaxHash(node),
    };
    if (isNew) call.isNew = true;
    if (assignedTo !== undefined) call.assignedTo = assignedTo;
    calls.push(call);
  }

  const classes: ClassFact[] = [];
  for (const { node, name } of pendingClasses) {
    const heritage = extendsExpression(node);
    if (!heritage) continue;
    const base = evaluate(heritage);
    if (!isRootedInImport(base) || !mentionsValue(base, isRelevant)) continue;
    const props: Record<string, ArgFact> = {};
    for (const member of node.members) {
      if (ts.isPropertyDeclaration(member) && member.initializer) {
        const memberName = propertyNameText(member.name);
        if (memberName !== undefined) props[memberName] = toArg(member.initializer, 1);
      } else if (ts.isConstructorDeclaration(member) && member.body) {
        // `this.description = fields.description` in the constructor.
        for (const statement of member.body.statements) {
          if (!ts.isExpressionStatement(statement) || !ts.isBinaryExpression(statement.expression)) continue;
          const { left, operatorToken, right } = statement.expression;
          if (operatorToken.kind !== ts.SyntaxKind.EqualsToken || !ts.isPropertyAccessExpression(left) || left.expression.kind !== ts.SyntaxKind.ThisKeyword) continue;
          props[left.name.text] ??= toArg(right, 1);
        }
      }
    }
    classes.push({ name, line: lineOf(node).line + 1, extends: base, props });
  }

  const wrappedFunctions: WrappedFunctionFact[] = [];
  for (const candidate of wrappedCandidates) {
    if (!functionNames.has(candidate.argName)) continue;
    const by = evaluate(candidate.node.expression);
    if (!isRootedInImport(by) || !mentionsValue(by, isRelevant)) continue;
    wrappedFunctions.push({ name: candidate.argName, by, line: lineOf(candidate.node).line + 1 });
  }

  const exports: ExportFact[] = exportNodes.map(({ name, resolve }) => ({ name, value: resolve() }));
  // What exported functions return, when it leads to an import (`return new OpenAI()`), as
  // `getClient()`: a module that imports `getClient` and calls it gets that value.
  for (const { name, value } of [...exports]) {
    if (value.kind !== 'function') continue;
    // `export const getClient = () => …` is an anonymous function bound to the exported name.
    const returned = resolveName(`${value.name === '<anonymous>' ? name : value.name}()`, text.length);
    if (returned && isRootedInImport(returned)) exports.push({ name: `${name}()`, value: returned });
  }
  // Fields of exported classes that hold an imported value (`this.client = new OpenAI()`, a field
  // typed `OpenAI`), as `Class#field`: a subclass in another module reads them (inheritedField).
  for (const { node, exportedAs } of exportedClasses) {
    for (const [key, list] of declarations) {
      if (!key.startsWith('this.') || key.endsWith('()') || !list.some((declaration) => declaration.start === node.pos && declaration.end === node.end)) continue;
      const value = resolveName(key, node.end - 1);
      if (value && isRootedInImport(value)) exports.push({ name: `${exportedAs}#${key.slice('this.'.length)}`, value });
    }
  }
  const parseDiagnostics = (sourceFile as unknown as { parseDiagnostics?: TS.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  const facts: FileFacts = {
    path,
    language: /\.(ts|tsx|mts|cts)$/.test(path) ? 'typescript' : 'javascript',
    moduleSpecifiers: [...moduleSpecifiers],
    calls,
    classes,
    exports,
    reExports,
    wrappedFunctions,
    suppressions: extractSuppressions(text),
  };
  if (parseDiagnostics.length > 0) {
    facts.parseErrors = parseDiagnostics.slice(0, 5).map((diagnostic) => ({
      line: positionAt(diagnostic.start).line + 1,
      message: ts.flattenDiagnosticMessageText(diagnostic.messageText, ' '),
    }));
  }
  return facts;
}

/** The expression after `extends` (`BaseChatModel` in `class X extends BaseChatModel<Options>`). */
function extendsExpression(node: TS.ClassLikeDeclaration): TS.Expression | undefined {
  return node.heritageClauses?.find((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
}

/** `[A-Za-z0-9_$]`: ASCII only, as the names it delimits are bindings of imports. */
function isIdentifierCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 36;
}

/**
 * Whether `source` holds one of `names` as a whole identifier. `indexOf` per name: a file's few
 * names of relevant imports, against arguments' text that is often long (a regular expression
 * made per file would start in V8's regexp interpreter every time, and splitting the text into
 * identifiers allocates one match per identifier).
 */
function namesAny(source: string, names: ReadonlySet<string>): boolean {
  for (const name of names) {
    for (let at = source.indexOf(name); at !== -1; at = source.indexOf(name, at + 1)) {
      if ((at === 0 || !isIdentifierCode(source.charCodeAt(at - 1))) && !isIdentifierCode(source.charCodeAt(at + name.length))) return true;
    }
  }
  return false;
}

/**
 * Where each line starts, when every line break is `\n` (most files): `indexOf` finds them
 * natively, where TypeScript's own line map loops over every character in JavaScript. Null for
 * text with other line breaks (`\r\n`, `\r`, U+2028, U+2029): TypeScript's map counts those.
 */
function newlineStarts(text: string): number[] | null {
  if (text.includes('\r') || text.includes('\u2028') || text.includes('\u2029')) return null;
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

/** The leftmost identifier of a callee (`openai` in `openai.chat.completions.create`); undefined for `this` and others. */
function rootIdentifier(expression: TS.Expression): string | undefined {
  let current: TS.Expression = expression;
  for (;;) {
    if (ts.isIdentifier(current)) return current.text;
    if (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current) || ts.isCallExpression(current)) {
      current = current.expression;
    } else if (ts.isParenthesizedExpression(current) || ts.isNonNullExpression(current) || ts.isAsExpression(current) || ts.isAwaitExpression(current)) {
      current = current.expression;
    } else {
      return undefined;
    }
  }
}

/** Whether a value starts from a base class's field in another module (`this.client`, see inheritedField). */
function isInheritedField(value: ValueRef): boolean {
  return rootImport(value)?.name.includes('#') === true;
}

function isRootedInImport(value: ValueRef): boolean {
  switch (value.kind) {
    case 'import':
    case 'global':
      return true;
    case 'member':
      return isRootedInImport(value.object);
    case 'call':
    case 'new':
      return isRootedInImport(value.callee);
    case 'typed':
      return isRootedInImport(value.type);
    default:
      return false;
  }
}

function calleeText(expression: TS.Expression): string {
  if (ts.isIdentifier(expression)) return expression.text;
  if (expression.kind === ts.SyntaxKind.ThisKeyword) return 'this';
  if (ts.isPropertyAccessExpression(expression)) return `${calleeText(expression.expression)}.${expression.name.text}`;
  if (ts.isCallExpression(expression)) return `${calleeText(expression.expression)}()`;
  if (ts.isParenthesizedExpression(expression) || ts.isNonNullExpression(expression) || ts.isAsExpression(expression) || ts.isAwaitExpression(expression)) {
    return calleeText(expression.expression);
  }
  if (ts.isElementAccessExpression(expression)) return `${calleeText(expression.expression)}[]`;
  if (ts.isNewExpression(expression)) return `new ${calleeText(expression.expression)}()`;
  return '…';
}

/** A 32-bit hash of each syntax kind's name: stable when a TypeScript release renumbers the kinds. */
const KIND_NAME_HASHES: number[] = [];
for (const [name, kind] of Object.entries(ts.SyntaxKind)) {
  // The enum's first name for a kind (`FirstToken` and the like are aliases that come later).
  if (typeof kind !== 'number' || KIND_NAME_HASHES[kind] !== undefined) continue;
  let hash = 0x811c9dc5;
  for (let index = 0; index < name.length; index++) hash = Math.imul(hash ^ name.charCodeAt(index), 0x01000193);
  KIND_NAME_HASHES[kind] = hash;
}

/**
 * A 64-bit hash of a call's syntax that a formatter does not change: node kinds, names and literal
 * values, without whitespace, comments, commas or parentheses, and string literals by value (quote
 * style ignored). Read from the parsed tree rather than scanned again: a second scanner slows the
 * parser's own by about a sixth (V8 stops specializing the scanner's closures once two instances
 * run). Two multiply-xor lanes over the stream of kinds and characters, mixed at the end: no
 * string is built and no digest object made (about half the time of sha256 over joined parts).
 */
function syntaxHash(node: TS.Node): string {
  let low = 0x811c9dc5;
  let high = 0x2545f491;
  const mix = (value: number): void => {
    // The rotations carry high bits back down, which multiplication alone never does.
    low = Math.imul(low ^ value, 0x9e3779b1);
    low = (low << 13) | (low >>> 19);
    high = Math.imul(high ^ value, 0x5f356495);
    high = (high << 17) | (high >>> 15);
  };
  const mixText = (text: string): void => {
    for (let index = 0; index < text.length; index++) mix(text.charCodeAt(index));
    // Ends the text: `ab` then `c` differs from `a` then `bc`.
    mix(0x10000);
  };
  const add = (child: TS.Node): void => {
    const kind = child.kind;
    if (kind === ts.SyntaxKind.StringLiteral || kind === ts.SyntaxKind.NoSubstitutionTemplateLiteral) {
      mix(0x10001);
      mixText((child as TS.StringLiteralLike).text);
      return;
    }
    if (kind !== ts.SyntaxKind.ParenthesizedExpression) mix(KIND_NAME_HASHES[kind]!);
    if (kind === ts.SyntaxKind.JsxText) mixText((child as TS.JsxText).text.trim().replace(/\s+/g, ' '));
    else if (kind === ts.SyntaxKind.Identifier || kind === ts.SyntaxKind.PrivateIdentifier || (kind >= ts.SyntaxKind.FirstLiteralToken && kind <= ts.SyntaxKind.LastTemplateToken)) {
      mixText((child as TS.Identifier | TS.LiteralLikeNode).text);
    }
    ts.forEachChild(child, add);
  };
  add(node);
  // Each lane's final state is mixed into the other, so every input bit reaches all 64 output bits.
  const first = Math.imul(low ^ (low >>> 16), 0x85ebca6b) ^ Math.imul(high ^ (high >>> 13), 0xc2b2ae35);
  const second = Math.imul(high ^ (high >>> 16), 0x85ebca6b) ^ Math.imul(first ^ (first >>> 13), 0xc2b2ae35);
  return (first >>> 0).toString(16).padStart(8, '0') + (second >>> 0).toString(16).padStart(8, '0');
}
