/** What the CLI may touch of the process, passed in so tests can drive it. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isStdoutTty: boolean;
  isStderrTty: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
}
