/**
 * Bundles the command line into `dist/cli/`: `bin.js` (the package's `bin`), `extract-worker.js`
 * (the parser thread) and the chunks they load on demand. One file instead of about two hundred
 * ES modules (ours, zod's, yaml's, commander's) saves about a tenth of a second at every start,
 * which a warm rescan, a pre-commit gate or a scheduled scan of an unchanged repository mostly is.
 *
 * Packages stay outside the bundle when they are native (better-sqlite3), large and loaded only
 * when needed (ts-morph's compiler, the tokenizer's ranks) or serve only the dashboard.
 * `dist/cli` sits two folders below the package root, as `dist/src` does, so paths computed from
 * `import.meta.url` (PACKAGE_ROOT, the parser thread's file) hold in both.
 */
import { chmodSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUT = join(ROOT, 'dist/cli');

// Chunk names carry content hashes: without this, every build would leave the last one's behind.
rmSync(OUT, { recursive: true, force: true });

await build({
  absWorkingDir: ROOT,
  entryPoints: { bin: 'src/bin.ts', 'extract-worker': 'src/scan/extract-worker.ts' },
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunk-[hash]',
  sourcemap: true,
  logLevel: 'warning',
  external: ['better-sqlite3', 'ts-morph', 'gpt-tokenizer', 'yaml', 'express', 'ejs', 'helmet', 'chart.js', 'ajv', 'ajv-formats'],
  // CommonJS packages in the bundle (commander, picomatch) require Node's built-in modules.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
chmodSync(join(OUT, 'bin.js'), 0o755);
// The bin was dist/src/bin.js before the bundle, and npx keeps a link to a folder's bin from its
// first run there: that file (tsc's build, the same program unbundled) stays runnable for them.
chmodSync(join(ROOT, 'dist/src/bin.js'), 0o755);
