/** Whether an import specifier names a file of the repository (`./client`, `../lib`) rather than a package. */
export function isRelativeSpecifier(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..';
}

/** Whether a module specifier is one a catalog pattern names: the module itself, or any module under `prefix/*`. */
export function matchesModulePattern(patterns: readonly string[], specifier: string): boolean {
  return patterns.some((pattern) => (pattern.endsWith('/*') ? specifier.startsWith(pattern.slice(0, -1)) : pattern === specifier));
}
