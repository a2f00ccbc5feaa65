import { X509Certificate } from 'node:crypto';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, expect } from 'vitest';
import { InstanceError, type InstanceErrorCode } from '../../../main/instances/instance-error';
import {
  createInstanceClient,
  type InstanceClient,
  type InstanceConnection,
} from '../../../main/instances/instance-client';
import { licenseClaims, mintKey } from '../../pki/mint-key';
import { createTestPki, type TestPki } from '../../pki/test-pki';
import { startAuthentikSim, type AuthentikSim, type AuthentikSimOptions } from '../../sim/authentik';

export const TOKEN = 'sim-admin-token';
export const DAY_S = 86_400;
export const WEEK_MS = 7 * DAY_S * 1000;
export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

export interface InstanceFixtures {
  pki: TestPki;
  /** Starts a simulator trusting the test PKI's root; stopped after the file's tests. */
  sim(options?: Partial<AuthentikSimOptions>): Promise<AuthentikSim>;
  /** A genuine key for `installId` expiring `days` from now (negative: already expired). */
  key(installId: string, days: number, claims?: Record<string, unknown>): string;
  /** A client for a simulator (or any URL) with the admin token unless told otherwise. */
  client(url: string, connection?: Partial<InstanceConnection>): InstanceClient;
  /** A plain HTTP server answering every request with `listener`; stopped after the file's tests. */
  httpServer(listener: RequestListener): Promise<string>;
}

export async function instanceFixtures(): Promise<InstanceFixtures> {
  const pki = await createTestPki();
  const roots = [new X509Certificate(pki.root.pem)];
  const closers: (() => Promise<void>)[] = [];
  afterAll(() => Promise.all(closers.map((close) => close())));
  return {
    pki,
    async sim(options = {}) {
      const sim = await startAuthentikSim({ roots, ...options });
      closers.push(() => sim.close());
      return sim;
    },
    key: (installId, days, claims = {}) =>
      mintKey({
        signer: pki.signerP384,
        intermediate: pki.intermediate,
        claims: licenseClaims(installId, nowSeconds() + Math.round(days * DAY_S), claims),
      }),
    client: (url, connection = {}) => createInstanceClient({ url, token: TOKEN, ...connection }),
    async httpServer(listener) {
      const server = createServer(listener);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
  };
}

/** A loopback port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Awaits a call that must fail with an InstanceError of `code`, and checks that neither its message nor
 * authentik's messages carry any of the secrets (the token, a key).
 */
export async function expectInstanceError(
  call: Promise<unknown>,
  code: InstanceErrorCode,
  secrets: readonly string[] = [TOKEN],
): Promise<InstanceError> {
  const error = await call.then(
    () => {
      throw new Error(`expected an InstanceError '${code}', but the call succeeded`);
    },
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(InstanceError);
  const failure = error as InstanceError;
  expect({ code: failure.code, message: failure.message }).toEqual({ code, message: expect.any(String) });
  for (const secret of secrets) {
    expect(failure.message).not.toContain(secret);
    for (const text of failure.serverMessages) expect(text).not.toContain(secret);
  }
  return failure;
}

/** The simulator's log entries from index `from` on, as `METHOD path?query status`. */
export function logSince(sim: AuthentikSim, from: number): string[] {
  return sim.requests
    .slice(from)
    .map(
      (entry) =>
        `${entry.method} ${entry.path}${entry.query === '' ? '' : `?${entry.query}`} ${entry.status ?? 'dropped'}`,
    );
}
