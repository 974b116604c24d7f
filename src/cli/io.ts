/** What the CLI may touch of the process, passed in so tests can drive it. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isStdoutTty: boolean;
  isStderrTty: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
}

/** Colour for text output: `--color`/`--no-color`, else `NO_COLOR`, else `FORCE_COLOR`, else whether stdout is a terminal. */
export function shouldColor(io: CliIo, flag: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  if (io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR) return io.env.FORCE_COLOR !== '0';
  return io.isStdoutTty;
}
