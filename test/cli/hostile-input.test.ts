import { spawn } from 'node:child_process';
import { sign } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyFingerprint } from '../../main/license/fingerprint';
import { licenseClaims, mintKey } from '../pki/mint-key';
import { withUnreadableDates } from '../pki/unreadable-dates';
import { DAY_S, instanceFixtures, nowSeconds } from './instance-fixtures';
import { AKLM, runAklm, type AklmRun } from './run-aklm';

const fx = await instanceFixtures();
const { signerP384, intermediate } = fx.pki;
const INSTALL_ID = '6b3c8a51-2f4e-4d7a-9c1b-0e5f7a9d2c44';
const claims = licenseClaims(INSTALL_ID, nowSeconds() + 365 * DAY_S);
const valid = mintKey({ signer: signerP384, intermediate, claims });
const unreadableDates = mintKey({
  signer: signerP384,
  intermediate,
  claims,
  header: {
    alg: 'ES512',
    typ: 'JWT',
    x5c: [withUnreadableDates(signerP384, intermediate.privateKey), intermediate.x5c],
  },
});
const escapes = mintKey({
  signer: signerP384,
  intermediate,
  claims: { ...claims, name: 'Acme\u001b[2K\r\u009b1mVALID: \u202eforged' },
});
/** A heap far below what the inputs below would take if held: a process that reads them whole dies of it. */
const HEAP_CEILING_MB = 64;

interface VerdictLine {
  line: number;
  reason: string;
  fingerprint: string;
  checks: { detail: string }[];
}

/** The built CLI under a heap ceiling, fed by `feed` on its standard input. */
async function aklmUnderCeiling(
  args: string[],
  feed: (stdin: NodeJS.WritableStream) => Promise<void>,
): Promise<AklmRun> {
  const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_CEILING_MB}`, AKLM, ...args, '--root', fx.root], {
    env: { ...process.env, TZ: 'UTC' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const closed = once(child, 'close');
  await feed(child.stdin);
  child.stdin.end();
  const [code] = (await closed) as [number | null];
  return { code, stdout, stderr };
}

/** Writes `count` copies of `chunk`, waiting whenever the stream is full. */
async function pour(stream: NodeJS.WritableStream, chunk: Buffer, count: number): Promise<void> {
  for (let index = 0; index < count; index += 1) if (!stream.write(chunk)) await once(stream, 'drain');
}

/** A key signed by the test signer over this claims text as written (JSON.stringify cannot even write 20,000 levels). */
function signedRaw(payloadText: string): string {
  const input = `${Buffer.from(JSON.stringify({ alg: 'ES512', typ: 'JWT', x5c: [signerP384.x5c, intermediate.x5c] })).toString('base64url')}.${Buffer.from(payloadText).toString('base64url')}`;
  return `${input}.${sign('sha512', Buffer.from(input), { key: signerP384.privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`;
}

/** No escape, carriage return, 8-bit CSI or direction override reaches the terminal raw. */
function expectNothingObeyed(output: string): void {
  for (const char of ['\u001b', '\r', '\u009b', '\u202e']) expect(output).not.toContain(char);
}

const verdictLines = (run: AklmRun): VerdictLine[] =>
  run.stdout
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as VerdictLine);

describe('aklm verify --batch on hostile lines', () => {
  it('gives every line its verdict in order, whatever one line holds', async () => {
    const deepUsers = signedRaw(
      JSON.stringify({ ...claims, internal_users: undefined, users: 0 }).replace(
        '"users":0',
        `"users":${'['.repeat(20_000)}${']'.repeat(20_000)}`,
      ),
    );
    const lines = [unreadableDates, deepUsers, 'x'.repeat(70_000), escapes, valid];
    const run = await runAklm(['verify', '--batch', '-', '--root', fx.root], { stdin: lines.join('\n') });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(verdictLines(run).map((line) => [line.line, line.reason])).toEqual([
      [1, 'untrusted_chain'],
      [2, 'ok'],
      [3, 'malformed'],
      [4, 'ok'],
      [5, 'ok'],
    ]);
    expect(verdictLines(run)[2]?.checks[0]?.detail).toBe(
      'the input is 70000 bytes, over the 65536-byte limit for a key',
    );
    expect(verdictLines(run)[2]?.fingerprint).toBe(keyFingerprint('x'.repeat(70_000)));
    // The forged name stays in the JSON, escaped so a terminal shows it instead of obeying it.
    expectNothingObeyed(run.stdout);
  });

  it(`judges a 600 MB line malformed under a ${HEAP_CEILING_MB} MB heap, and goes on to the next line`, async () => {
    const run = await aklmUnderCeiling(['verify', '--batch', '-'], async (stdin) => {
      await pour(stdin, Buffer.alloc(1024 * 1024, 'A'), 600);
      stdin.write(`\n${valid}\n`);
    });
    expect(run.stderr).toBe('');
    expect(verdictLines(run).map((line) => [line.line, line.reason, line.checks[0]?.detail])).toEqual([
      [1, 'malformed', `the input is ${600 * 1024 * 1024} bytes, over the 65536-byte limit for a key`],
      [2, 'ok', expect.any(String)],
    ]);
    expect(run.code).toBe(1);
  }, 60_000);

  it(`streams a 300 MB file of over-long lines under a ${HEAP_CEILING_MB} MB heap, one verdict per line`, async () => {
    const file = join(fx.dir, 'huge-batch.txt');
    const out = createWriteStream(file);
    const line = Buffer.from(`${'B'.repeat(65 * 1024)}\n`);
    await pour(out, line, 4_700);
    out.end();
    await once(out, 'close');
    const run = await aklmUnderCeiling(['verify', '--batch', file], async () => undefined);
    expect(run.stderr).toBe('');
    const verdicts = verdictLines(run);
    expect(verdicts).toHaveLength(4_700);
    expect(verdicts.every((verdict, index) => verdict.line === index + 1 && verdict.reason === 'malformed')).toBe(true);
    expect(run.code).toBe(1);
  }, 60_000);
});

describe('aklm verify on a hostile key', () => {
  it('prints the claims of an unverified key with their control characters shown, not obeyed', async () => {
    const forged = `${escapes.slice(0, -8)}AAAAAAAA`;
    const run = await runAklm(['verify', '-', '--root', fx.root], { stdin: forged });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Claims (NOT verified');
    expect(run.stdout).toContain('Acme\\u001b[2K\\u000d\\u009b1mVALID: \\u202eforged');
    expectNothingObeyed(run.stdout);
    expect(run.stdout.split('\n').filter((line) => line.startsWith('VALID'))).toEqual([]);
  });

  it(`reads a 200 MB key file only as far as it takes to say it is no key, under a ${HEAP_CEILING_MB} MB heap`, async () => {
    const file = join(fx.dir, 'huge.jwt');
    const out = createWriteStream(file);
    await pour(out, Buffer.alloc(1024 * 1024, 'C'), 200);
    out.end();
    await once(out, 'close');
    const run = await aklmUnderCeiling(['verify', file, '--json'], async () => undefined);
    expect(run.code).toBe(1);
    const verdict = JSON.parse(run.stdout) as VerdictLine;
    expect(verdict.reason).toBe('malformed');
    expect(verdict.checks[0]?.detail).toBe(
      `the input is ${200 * 1024 * 1024} bytes, over the 65536-byte limit for a key`,
    );
  }, 60_000);
});

describe('aklm install of a file that is no key', () => {
  it('refuses a file over the key limit as malformed before it asks the instance anything', async () => {
    const sim = await fx.sim();
    const file = await fx.write('not-a-key.bin', 'D'.repeat(100_000));
    const run = await fx.aklm(['install', file, '--url', sim.url]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      'NOT INSTALLED (malformed): This is not a well-formed authentik license key: the input is 100000 bytes, over the 65536-byte limit for a key. Nothing was sent.\n',
    );
    expect(sim.requests).toEqual([]);
  });
});

describe('aklm status on an instance with a hostile key installed', () => {
  it("reports the key's failed verdict as a warning (exit 1), by the rules in docs/cli.md, instead of failing", async () => {
    const sim = await fx.sim();
    sim.addLicense(fx.key(sim.installId, 365, { name: 'Healthy' }));
    sim.addLicense(
      mintKey({
        signer: signerP384,
        intermediate,
        claims: licenseClaims(sim.installId, nowSeconds() + 365 * DAY_S, { name: 'Spoiled\u001b[2K' }),
        header: {
          alg: 'ES512',
          typ: 'JWT',
          x5c: [withUnreadableDates(signerP384, intermediate.privateKey), intermediate.x5c],
        },
      }),
    );
    sim.refreshCachedSummary();
    const run = await fx.aklm(['status', '--url', sim.url, '--json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as {
      licenses: { verification: { reason: string } }[];
      warnings: string[];
      exit: number;
    };
    expect(report.licenses.map((license) => license.verification.reason)).toEqual(['ok', 'untrusted_chain']);
    expect(report.warnings).toEqual([
      'The installed license "Spoiled\u001b[2K" fails offline verification: untrusted_chain.',
    ]);
    const text = await fx.aklm(['status', '--url', sim.url]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(
      'The installed license "Spoiled\\u001b[2K" fails offline verification: untrusted_chain.',
    );
    expect(text.stdout).not.toContain('\u001b');
  });
});
