/** The process streams a command uses, passed in so tests and the bench can run commands in-process. */
export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Where tokens come from (`--token-env`); never from flags. */
  env: NodeJS.ProcessEnv;
}
