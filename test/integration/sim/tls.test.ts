import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from 'undici';
import { createLoopbackTls, startAuthentikSim, type AuthentikSim } from '../../sim/authentik';
import { createSimKit, INSTALL_ID, NOW } from './sim-fixtures';
import { call } from './sim-http';

let sim: AuthentikSim;
let caPem: string;

/** The error code at the bottom of undici's "fetch failed". */
async function failureCode(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  return (error as { cause?: { code?: string } } | undefined)?.cause?.code;
}

beforeAll(async () => {
  const kit = await createSimKit();
  const tls = await createLoopbackTls();
  caPem = tls.caPem;
  sim = await startAuthentikSim({
    roots: kit.roots,
    installId: INSTALL_ID,
    now: () => NOW,
    tls: { certPem: tls.certPem, keyPem: tls.keyPem },
  });
});

afterAll(async () => {
  await sim.close();
});

describe('HTTPS mode', () => {
  it('serves the API over TLS to a client that trusts the test CA', async () => {
    expect(sim.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const dispatcher = new Agent({ connect: { ca: caPem } });
    try {
      expect(await call(sim.url, '/enterprise/license/install_id/', { dispatcher })).toMatchObject({
        status: 200,
        body: { install_id: INSTALL_ID },
      });
      expect((await call(sim.url, '/admin/system/', { dispatcher })).body).toMatchObject({ http_is_secure: true });
    } finally {
      await dispatcher.close();
    }
  });

  it('is refused by a client that does not trust the CA', async () => {
    const dispatcher = new Agent();
    try {
      expect(await failureCode(call(sim.url, '/admin/version/', { dispatcher }))).toBe(
        'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      );
    } finally {
      await dispatcher.close();
    }
  });

  it('can serve an expired certificate or one for another host, for the client’s TLS error tests', async () => {
    const kit = await createSimKit();
    const expired = await createLoopbackTls({
      notBefore: new Date(NOW - 20 * 86400_000),
      notAfter: new Date(Date.now() - 86400_000),
    });
    const elsewhere = await createLoopbackTls({ ipAddresses: [], dnsNames: ['authentik.example.com'] });
    for (const [tls, code] of [
      [expired, 'CERT_HAS_EXPIRED'],
      [elsewhere, 'ERR_TLS_CERT_ALTNAME_INVALID'],
    ] as const) {
      const server = await startAuthentikSim({ roots: kit.roots, tls });
      const dispatcher = new Agent({ connect: { ca: tls.caPem } });
      try {
        expect(await failureCode(call(server.url, '/admin/version/', { dispatcher }))).toBe(code);
      } finally {
        await dispatcher.close();
        await server.close();
      }
    }
  });
});
