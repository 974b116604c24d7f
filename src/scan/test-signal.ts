import picomatch from 'picomatch';
import type { Catalog } from '../catalog/catalog-schema.js';
import type { MayTestModel } from '../extract/extract-test-file.js';
import { matchesModulePattern } from '../model/module-specifier.js';

/** The longest run of plain characters in a glob (`_API_KEY` of `*_API_KEY`): text that a match must contain. */
function literalPart(glob: string): string {
  return glob.split(/[*?[\]{}()!+@|]/).reduce((longest, part) => (part.length > longest.length ? part : longest), '');
}

/**
 * A cheap test for "this test file may be an eval suite", so that only those are read in full:
 * it is named as a live test (`*.int.test.ts`), its text names a provider key variable
 * (`OPENAI_API_KEY`), or it imports an eval framework module (`autoevals`). Most test files mock
 * their model and do none of these. Pure.
 */
export function testSignal(catalog: Catalog): MayTestModel {
  const { liveNames, keyVariables } = catalog.evals.modelTests;
  const isLiveName = picomatch(liveNames, { dot: true });
  const keyHints = keyVariables.map(literalPart).filter((hint) => hint !== '');
  const frameworkModules = catalog.evals.frameworks.flatMap((framework) => framework.modules);
  return (path, text, modules) =>
    isLiveName(path) || keyHints.some((hint) => text.includes(hint)) || modules.some((module) => matchesModulePattern(frameworkModules, module));
}
