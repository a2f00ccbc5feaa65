import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const AKLM = fileURLToPath(new URL('../../dist/cli/aklm.js', import.meta.url));

export interface AklmRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI with `node`, as a user or a script would. */
export function runAklm(
  args: string[],
  options: { stdin?: string; env?: Record<string, string> } = {},
): Promise<AklmRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [AKLM, ...args], { env: { ...process.env, TZ: 'UTC', ...options.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

/** Parses `--json` output, which must be exactly one JSON value. */
export function json<T = Record<string, unknown>>(run: AklmRun): T {
  return JSON.parse(run.stdout) as T;
}
