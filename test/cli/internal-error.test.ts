import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { closedUrl } from '../net/closed-url';
import { AKLM, type AklmRun } from './run-aklm';

const PROD_TOKEN = 'prod-token-from-token-env-5b2e';
const DEFAULT_TOKEN = 'aklm-token-from-env-9d41';
const KEY = 'eyJhbGciOiJFUzUxMiJ9.eyJhdWQiOiJlbnRlcnByaXNlIn0.c2lnbmF0dXJlLWJ5dGVzLWhlcmU';
/**
 * Loaded before aklm: standard output refuses every write with an error quoting both tokens and a key, as
 * an error deep inside a command might quote what it was handling. aklm then fails for a reason of its own.
 */
const FAILING_STDOUT = `data:text/javascript,process.stdout.write = () => { throw new Error("stdout refused: Bearer " + process.env.PROD + " / " + process.env.AKLM_TOKEN + " / ${KEY}"); };`;

function runWithFailingStdout(args: string[]): Promise<AklmRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', FAILING_STDOUT, AKLM, ...args], {
      env: { ...process.env, PROD: PROD_TOKEN, AKLM_TOKEN: DEFAULT_TOKEN },
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: '', stderr }));
    child.stdin.end();
  });
}

describe("aklm's internal-error line (exit 70)", () => {
  it('redacts the --token-env variable, AKLM_TOKEN and any key from the error it prints', async () => {
    const run = await runWithFailingStdout([
      'status',
      '--url',
      await closedUrl(),
      '--token-env',
      'PROD',
      '--timeout',
      '1',
    ]);
    expect(run.code).toBe(70);
    expect(run.stderr).toBe('aklm: internal error: stdout refused: Bearer [redacted] / [redacted] / [redacted key]\n');
  });
});
