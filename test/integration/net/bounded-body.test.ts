import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createInstanceClient } from '../../../main/instances/instance-client';
import { BodyTooLargeError, readBoundedBody } from '../../../main/net/bounded-body';
import { sendPortalRequest } from '../../../main/portal/portal-http';
import { loopbackServer } from './hostile-servers';

const LIMIT = 64 * 1024;

/** Serves `body` once per request: with its length declared or chunked, gzipped on the wire or not. */
async function serving(body: Buffer, options: { declare: boolean; gzip: boolean }): Promise<string> {
  return loopbackServer((_request, response) => {
    const wire = options.gzip ? gzipSync(body) : body;
    response.writeHead(200, {
      'content-type': 'application/json',
      ...(options.gzip ? { 'content-encoding': 'gzip' } : {}),
      ...(options.declare ? { 'content-length': wire.byteLength } : {}),
    });
    // Written in two parts, so a chunked answer really arrives in chunks.
    response.write(wire.subarray(0, wire.byteLength >> 1));
    response.end(wire.subarray(wire.byteLength >> 1));
  });
}

async function readFrom(url: string): Promise<Uint8Array | BodyTooLargeError> {
  return readBoundedBody(await fetch(url), LIMIT).catch((error: unknown) => {
    if (error instanceof BodyTooLargeError) return error;
    throw error;
  });
}

describe('readBoundedBody', () => {
  it.each([
    { declare: true, gzip: false },
    { declare: false, gzip: false },
    { declare: true, gzip: true },
    { declare: false, gzip: true },
  ])(
    'reads an answer of exactly the limit in full and refuses one byte more (declared $declare, gzip $gzip)',
    async (options) => {
      const exact = Buffer.alloc(LIMIT, 0x61);
      expect(Buffer.from((await readFrom(await serving(exact, options))) as Uint8Array).equals(exact)).toBe(true);

      const over = await readFrom(await serving(Buffer.alloc(LIMIT + 1, 0x61), options));
      expect(over).toBeInstanceOf(BodyTooLargeError);
      expect((over as BodyTooLargeError).message).toBe('the answer is larger than 0.1 MiB');
    },
  );

  it('counts what the answer inflates to, not the bytes on the wire', async () => {
    const inflated = Buffer.alloc(16 * LIMIT);
    expect(gzipSync(inflated).byteLength).toBeLessThan(LIMIT / 16);
    expect(await readFrom(await serving(inflated, { declare: true, gzip: true }))).toBeInstanceOf(BodyTooLargeError);
  });
});

describe('the clients read a gzip-compressed answer within their limit as usual', () => {
  const page = {
    pagination: { next: 0, previous: 0, count: 0, current: 1, total_pages: 1, start_index: 0, end_index: 0 },
    results: [],
  };

  it('the instance client parses it', async () => {
    const url = await serving(Buffer.from(JSON.stringify(page)), { declare: true, gzip: true });
    expect(await createInstanceClient({ url, token: 'token' }).listLicenses()).toEqual([]);
  });

  it('the portal client hands it over decompressed', async () => {
    const url = await serving(Buffer.from('[]'), { declare: false, gzip: true });
    const answer = await sendPortalRequest(
      url,
      { method: 'GET', path: '/api/v1/plans', operation: 'GET /api/v1/plans' },
      { token: 'token', timeoutMs: 5000 },
    );
    expect(new TextDecoder().decode(answer.body)).toBe('[]');
  });
});
