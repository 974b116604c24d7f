import picomatch from 'picomatch';

const SKIPPED_DIRECTORIES = new Set([
  'node_modules',
  'bower_components',
  'vendor',
  'third_party',
  'dist',
  'build',
  'out',
  '.next',
  '.nuxt',
  '.output',
  'coverage',
  '.git',
  '.turbo',
  '.cache',
  '__generated__',
  'generated',
]);

const isSkippedFileName = picomatch(
  [
    '*.d.ts',
    '*.d.mts',
    '*.d.cts',
    '*.min.js',
    '*.min.mjs',
    '*.bundle.js',
    '*.generated.ts',
    '*.gen.ts',
    '*.lock',
    '*.lockb',
    'package-lock.json',
    'npm-shrinkwrap.json',
    'pnpm-lock.yaml',
    'go.sum',
  ],
  { dot: true },
);

/**
 * Whether a path is never worth scanning: dependencies, build output, caches, generated code,
 * declaration files, minified bundles and lockfiles.
 *
 * @param relativePath - posix path relative to the scan root
 */
export function isDefaultSkipped(relativePath: string): boolean {
  const segments = relativePath.split('/');
  // The patterns have no slash: matched against the file name (picomatch's `basename` option
  // does the same, several times slower).
  return segments.some((segment) => SKIPPED_DIRECTORIES.has(segment)) || isSkippedFileName(segments.at(-1)!);
}
