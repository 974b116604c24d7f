/** Whether an import specifier names a file of the repository (`./client`, `../lib`) rather than a package. */
export function isRelativeSpecifier(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..';
}
