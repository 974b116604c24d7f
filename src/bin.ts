#!/usr/bin/env node
import { execute } from './cli/execute.js';

process.exitCode = await execute(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isStdoutTty: process.stdout.isTTY === true,
  isStderrTty: process.stderr.isTTY === true,
  env: process.env,
  cwd: process.cwd(),
});
