/**
 * A module specifier in an import position: `from '…'`, `require('…')`, `import('…')` and
 * `import '…'`. Only there: the module names `ai`, `openai` or `ollama` are common strings.
 */
export const IMPORTED = /(?:\bfrom|\brequire\s*\(|\bimport\s*\(?)\s*['"`]([^'"`\r\n]*)['"`]/g;

/**
 * An `import … from '…'` or `export … from '…'` clause: 1 the keyword, 2 `type` for a type-only
 * import, 3 the bindings (names, braces, commas, `*`; nothing else, so one clause never runs into
 * the next statement), 4 the module.
 */
export const CLAUSE = /\b(import|export)\s+(type\s+)?([\w$\s{},*]*?)\s*\bfrom\s*['"`]([^'"`\r\n]*)['"`]/g;

