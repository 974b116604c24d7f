#!/usr/bin/env node
// The CLI is a bundle (dist/cli): with DEBUG set, stack traces name the TypeScript sources. Only
// code loaded after this reads its source map, hence the import below.
if (process.env.DEBUG) process.setSourceMapsEnabled(true);
const { execute } = await import('./cli/execute.js');

// A reader that stops early (`genai-debt scan --format json | head`) closes the pipe: stop
// quietly, as `cat` does, instead of failing with a stack trace. Other stream errors stay errors.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = await execute(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isStdoutTty: process.stdout.isTTY === true,
  isStderrTty: process.stderr.isTTY === true,
  env: process.env,
  cwd: process.cwd(),
});
