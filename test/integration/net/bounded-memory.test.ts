import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { hostileServer, gzipBomb } from './hostile-servers';
import type { MemoryChildClient, MemoryChildReport } from './memory-child';

const CHILD = fileURLToPath(new URL('./memory-child.ts', import.meta.url));
const MIB = 1024 * 1024;
/**
 * How far above its resident memory before the request a client may grow. The limits are 8 MiB (1 MiB
 * for the identity provider); the rest is room for fetch's buffers and the collector. Unbounded, these
 * answers took the client past 1 GB.
 */
const CEILING_BYTES = 100 * MIB;
/** The bomb inflates to 1 GiB of zeros. */
const BOMB_MIB = 1024;

/**
 * Runs `client` against `url` in its own process and returns its report, once the hostile server has seen
 * the client close the connection while the child still runs: that is the client aborting the request,
 * not a process exit tearing it down.
 */
async function measured(
  client: MemoryChildClient,
  url: string,
  seen: { closedByClient: Promise<void> }[],
): Promise<MemoryChildReport> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', CHILD, JSON.stringify({ client, url, ceilingBytes: CEILING_BYTES })],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const exited = once(child, 'exit');
  // A child that stopped at the ceiling has gone already.
  child.stdin.on('error', () => undefined);
  const lines = createInterface({ input: child.stdout });
  const [line] = (await once(lines, 'line')) as [string];
  const report = JSON.parse(line) as MemoryChildReport;
  expect(seen).toHaveLength(1);
  await seen[0]?.closedByClient;
  child.stdin.end();
  await exited;
  return report;
}

let bomb: Buffer;
beforeAll(async () => {
  bomb = await gzipBomb(BOMB_MIB);
}, 120_000);

describe.each([
  {
    client: 'instance' as const,
    limit: '8 MiB',
    words: /sent an answer larger than 8 MiB, far more than authentik's API sends/,
  },
  { client: 'portal' as const, limit: '8 MiB', words: /sent an answer larger than 8 MiB for GET \/api\/v1\/config/ },
  {
    client: 'identity' as const,
    limit: '1 MiB',
    words: /identity provider at 127\.0\.0\.1:\d+ sent an answer larger than 1 MiB/,
  },
])('the $client client reads at most $limit of an answer', ({ client, words }) => {
  it('stops an endless chunked answer and aborts it, staying within its memory ceiling', async () => {
    const { url, seen } = await hostileServer('endless');
    const report = await measured(client, url, seen);
    expect(report.peakBytes - report.baselineBytes).toBeLessThan(CEILING_BYTES);
    expect({ code: report.code, message: report.message }).toEqual({
      code: 'unexpected_response',
      message: expect.stringMatching(words),
    });
    console.info(
      `${client}, endless: baseline ${(report.baselineBytes / MIB).toFixed(0)} MiB, peak ${(report.peakBytes / MIB).toFixed(0)} MiB`,
    );
  });

  it('stops a gzip bomb by what it inflates to, and aborts it, staying within its memory ceiling', async () => {
    expect(bomb.byteLength).toBeLessThan(2 * MIB);
    const { url, seen } = await hostileServer('gzip', bomb);
    const report = await measured(client, url, seen);
    expect(report.peakBytes - report.baselineBytes).toBeLessThan(CEILING_BYTES);
    expect({ code: report.code, message: report.message }).toEqual({
      code: 'unexpected_response',
      message: expect.stringMatching(words),
    });
    console.info(
      `${client}, gzip bomb of ${(bomb.byteLength / 1024).toFixed(0)} KiB: baseline ${(report.baselineBytes / MIB).toFixed(0)} MiB, peak ${(report.peakBytes / MIB).toFixed(0)} MiB`,
    );
  });
});
