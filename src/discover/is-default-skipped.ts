import picomatch from 'picomatch';

const SKIPPED_DIRECTORIES = [
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
];

/** Any path segment (folder or file) named like a skipped directory. */
const IN_SKIPPED_DIRECTORY = new RegExp(`(?:^|/)(?:${SKIPPED_DIRECTORIES.map((name) => name.replace('.', '\\.')).join('|')})(?:/|$)`);

// One regular expression for all file-name globs: a picomatch matcher per path costs three times more.
const SKIPPED_FILE_NAME = picomatch.makeRe(
  `{${[
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
  ].join(',')}}`,
  { dot: true },
);

/**
 * Whether a path is never worth scanning: dependencies, build output, caches, generated code,
 * declaration files, minified bundles and lockfiles.
 *
 * @param relativePath - posix path relative to the scan root
 */
export function isDefaultSkipped(relativePath: string): boolean {
  // The file-name globs have no slash: matched against the file name (picomatch's `basename`
  // option does the same, several times slower).
  return IN_SKIPPED_DIRECTORY.test(relativePath) || SKIPPED_FILE_NAME.test(relativePath.slice(relativePath.lastIndexOf('/') + 1));
}
