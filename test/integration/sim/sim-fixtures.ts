import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { WEEK_MS } from '../../../shared/time/durations';
import { licenseClaims, mintKey } from '../../pki/mint-key';
import { createTestPki, type TestPki } from '../../pki/test-pki';
import { startAuthentikSim, type AuthentikSim, type AuthentikSimOptions } from '../../sim/authentik';

/** The simulator's fixed clock in these tests: 2026-05-06T12:00:00Z. */
export const NOW = Date.UTC(2026, 4, 6, 12);
export const NOW_SECONDS = NOW / 1000;
export const YEAR_SECONDS = 365 * 24 * 3600;
export const INSTALL_ID = '0b6d3a0e-7f43-4a0e-9a57-3c3f2b1d4e5f';
export const OTHER_INSTALL_ID = '9e8d7c6b-5a49-4838-a726-150f0e0d0c0b';
export const ADMIN_TOKEN = 'sim-admin-token';
export const VIEWER_TOKEN = 'viewer-token';
export { WEEK_MS };

export interface KeyOptions {
  installId?: string;
  /** Unix seconds; default a year after NOW. */
  exp?: number;
  name?: string;
  internal?: number;
  external?: number;
  flags?: string[];
}

export interface SimKit {
  pki: TestPki;
  /** The test PKI's root, which the simulator trusts. */
  roots: X509Certificate[];
  /** A genuine key signed by the test PKI. */
  key(options?: KeyOptions): string;
  /** A key from the rogue PKI (same names, other keys): its chain does not lead to the trusted root. */
  rogueKey(options?: KeyOptions): string;
}

function claimsOf(options: KeyOptions): Record<string, unknown> {
  return licenseClaims(options.installId ?? INSTALL_ID, options.exp ?? NOW_SECONDS + YEAR_SECONDS, {
    name: options.name ?? 'Acme Corp',
    internal_users: options.internal ?? 100,
    external_users: options.external ?? 1000,
    license_flags: options.flags ?? [],
  });
}

export async function createSimKit(): Promise<SimKit> {
  const pki = await createTestPki();
  const roots = [new X509Certificate(pki.root.pem)];
  return {
    pki,
    roots,
    key: (options = {}) =>
      mintKey({ signer: pki.signerP384, intermediate: pki.intermediate, claims: claimsOf(options) }),
    rogueKey: (options = {}) =>
      mintKey({ signer: pki.rogue.signerP384, intermediate: pki.rogue.intermediate, claims: claimsOf(options) }),
  };
}

/** Replaces a key's signature with another valid-looking one: what a tampered key looks like. */
export function tamper(key: string): string {
  const [header, payload, signature = ''] = key.split('.');
  const bytes = Buffer.from(signature, 'base64url');
  bytes[0] = (bytes[0] ?? 0) ^ 0xff;
  return `${header}.${payload}.${bytes.toString('base64url')}`;
}

export interface FreshSim {
  kit: SimKit;
  sim: AuthentikSim;
}

/**
 * Registers hooks giving every test of the file a new simulator (INSTALL_ID, the clock at NOW, plus
 * `options`), made ready by `prepare`; read `kit` and `sim` from the returned object inside tests.
 */
export function freshSimPerTest(
  options: Partial<AuthentikSimOptions> = {},
  prepare: (fresh: FreshSim) => void = () => undefined,
): FreshSim {
  const fresh = {} as FreshSim;
  beforeAll(async () => {
    fresh.kit = await createSimKit();
  });
  beforeEach(async () => {
    await fresh.sim?.close();
    fresh.sim = await startAuthentikSim({ roots: fresh.kit.roots, installId: INSTALL_ID, now: () => NOW, ...options });
    prepare(fresh);
  });
  afterAll(async () => {
    await fresh.sim?.close();
  });
  return fresh;
}

export interface SimsOfFile {
  /** The file's kit, made before its first test. */
  kit(): SimKit;
  /** A simulator over the kit's roots, INSTALL_ID and the clock at NOW, plus `options`; closed after the file's tests. */
  start(options?: Partial<AuthentikSimOptions>): Promise<AuthentikSim>;
}

/** Registers hooks making one kit for the file and closing every simulator `start` made once its tests are done. */
export function simsOfFile(): SimsOfFile {
  let kit: SimKit | undefined;
  const running: AuthentikSim[] = [];
  beforeAll(async () => {
    kit = await createSimKit();
  });
  afterAll(async () => {
    await Promise.all(running.map((sim) => sim.close()));
  });
  const made = (): SimKit => {
    if (kit === undefined) throw new Error('simsOfFile(): the kit is made before the first test; use it inside tests');
    return kit;
  };
  return {
    kit: made,
    start: async (options = {}) => {
      const sim = await startAuthentikSim({ roots: made().roots, installId: INSTALL_ID, now: () => NOW, ...options });
      running.push(sim);
      return sim;
    },
  };
}
