import { X509Certificate } from 'node:crypto';
import { DAY_MS, WEEK_MS } from '../../../../shared/time/durations';
import { licenseClaims, mintKey } from '../../../pki/mint-key';
import { createTestPki, type TestCertificate } from '../../../pki/test-pki';

/** The instant every differential case is judged near: 2026-05-06T12:00:00Z, a whole second. */
export const NOW = Date.UTC(2026, 4, 6, 12);
export const NOW_SECONDS = NOW / 1000;
export const INSTALL_ID = '3f1c9e52-8a7d-4b06-9e21-5d4c3b2a1f00';
const OTHER_INSTALL_ID = 'c0ffee00-1234-4abc-8def-0123456789ab';
const HOUR_SECONDS = 3600;

/** A minted key, what it was made with (for the failure message) and its seats. */
export interface PoolKey {
  label: string;
  key: string;
  internalUsers: number;
  externalUsers: number;
}

export interface KeyPool {
  /** The test PKI's root: the simulator trusts it, and so does the app. */
  roots: X509Certificate[];
  keys: PoolKey[];
}

const EXPIRIES: readonly [string, number][] = [
  ['exp +1y', NOW_SECONDS + 365 * 86400],
  ['exp +10h', NOW_SECONDS + 10 * HOUR_SECONDS],
  ['exp +1s', NOW_SECONDS + 1],
  ['exp =now', NOW_SECONDS],
  ['exp -10h', NOW_SECONDS - 10 * HOUR_SECONDS],
  ['exp -7w', NOW_SECONDS - (7 * WEEK_MS) / 1000],
];
const ISSUED: readonly [string, Record<string, unknown>][] = [
  ['no iat', {}],
  ['iat -1d', { iat: NOW_SECONDS - DAY_MS / 1000 }],
  ['iat =now', { iat: NOW_SECONDS }],
  ['iat +1s', { iat: NOW_SECONDS + 1 }],
  ['iat "yesterday"', { iat: 'yesterday' }],
];
const AUDIENCES: readonly [string, string][] = [
  ['own install', INSTALL_ID],
  ['other install', OTHER_INSTALL_ID],
  ['own install upper-cased', INSTALL_ID.toUpperCase()],
];
const SEATS = [0, 1, 3, 10, 100, 1000, 5];
/** Claims that fail (or pass) otherwise; both sides refuse each, as a 400 or as authentik's HTTP 500, or accept it. */
const OTHERS: readonly [string, string, Record<string, unknown>][] = [
  ['ES512, nbf +1s', 'ES512', { nbf: NOW_SECONDS + 1 }],
  ['ES512, nbf +0.5s', 'ES512', { nbf: NOW_SECONDS + 0.5 }],
  ['ES512, nbf "soon"', 'ES512', { nbf: 'soon' }],
  ['ES512, iat a numeric string', 'ES512', { iat: ` ${NOW_SECONDS - 60} ` }],
  ['ES384, iat +0.5s', 'ES384', { iat: NOW_SECONDS + 0.5 }],
  ['ES512, iat null', 'ES512', { iat: null }],
  ['ES512, iat true', 'ES512', { iat: true }],
  ['ES512, aud a list', 'ES512', { aud: [`enterprise.goauthentik.io/license/${INSTALL_ID}`] }],
  ['ES512, exp a float', 'ES512', { exp: NOW_SECONDS + 86400.5 }],
  ['ES512, exp a string', 'ES512', { exp: String(NOW_SECONDS + 86400) }],
  ['ES512, no name', 'ES512', { name: undefined }],
  ['ES512, internal_users a float', 'ES512', { internal_users: 1.5 }],
  ['ES512, flags instead of license_flags', 'ES512', { license_flags: undefined, flags: ['trial'] }],
  ['ES512, internal_users true', 'ES512', { internal_users: true }],
  ['ES512, sub a number', 'ES512', { sub: 7 }],
  ['ES512, jti a number', 'ES512', { jti: 7 }],
  ['ES512, jti null', 'ES512', { jti: null }],
  ['ES512, license_flags holding a number', 'ES512', { license_flags: ['trial', 1] }],
  ['ES512, flags holding a number', 'ES512', { license_flags: undefined, flags: [1] }],
  ['ES256', 'ES256', {}],
];

/** The key with its signature's first byte flipped: still well formed, no longer authentik's. */
function tamper(key: string): string {
  const [header, payload, signature = ''] = key.split('.');
  const bytes = Buffer.from(signature, 'base64url');
  bytes[0] = (bytes[0] ?? 0) ^ 0xff;
  return `${header}.${payload}.${bytes.toString('base64url')}`;
}

/**
 * Keys minted once for the whole run (signing is the slow part): every combination of algorithm
 * (ES512, ES384), expiry, `iat` and audience over a P-384 signer (as authentik's), each algorithm and
 * expiry over a P-521 signer, seats varying with the index, plus a rogue chain, a tampered signature
 * and the `OTHERS`.
 */
export async function createKeyPool(): Promise<KeyPool> {
  const pki = await createTestPki();
  const keys: PoolKey[] = [];
  // `claims` get the pool's seats for this index; `overrides` go on top, seats included.
  const mint = (
    label: string,
    signer: TestCertificate,
    alg: string,
    claims: Record<string, unknown>,
    overrides: Record<string, unknown> = {},
  ): PoolKey => {
    const index = keys.length;
    const internalUsers = SEATS[index % SEATS.length] ?? 0;
    const externalUsers = SEATS[(index * 3 + 1) % SEATS.length] ?? 0;
    const intermediate = signer === pki.rogue.signerP384 ? pki.rogue.intermediate : pki.intermediate;
    const key = mintKey({
      signer,
      intermediate,
      alg,
      claims: { ...claims, internal_users: internalUsers, external_users: externalUsers, ...overrides },
    });
    return { label: `${label} (${internalUsers}/${externalUsers} seats)`, key, internalUsers, externalUsers };
  };
  for (const alg of ['ES512', 'ES384']) {
    for (const [expLabel, exp] of EXPIRIES) {
      for (const [iatLabel, iat] of ISSUED) {
        for (const [audLabel, installId] of AUDIENCES) {
          keys.push(
            mint(
              `${alg} P-384, ${expLabel}, ${iatLabel}, ${audLabel}`,
              pki.signerP384,
              alg,
              licenseClaims(installId, exp),
              iat,
            ),
          );
        }
      }
      // A P-521 signer (twice as slow to check) only by expiry: the curve matters to no release's verdict.
      keys.push(mint(`${alg} P-521, ${expLabel}`, pki.signerP521, alg, licenseClaims(INSTALL_ID, exp)));
    }
  }
  const good = licenseClaims(INSTALL_ID, NOW_SECONDS + 365 * 86400);
  keys.push(mint('ES512, rogue chain', pki.rogue.signerP384, 'ES512', good));
  for (const [label, alg, overrides] of OTHERS) keys.push(mint(label, pki.signerP384, alg, good, overrides));
  const genuine = mint('ES512, tampered signature', pki.signerP384, 'ES512', good);
  keys.push({ ...genuine, key: tamper(genuine.key) });
  return { roots: [new X509Certificate(pki.root.pem)], keys };
}
