import type { VerdictReason } from '../../shared/license/verdict';
import { licenseClaims, mintKey } from './mint-key';
import type { TestPki } from './test-pki';

export const INSTALL_ID = '6b3c8a51-2f4e-4d7a-9c1b-0e5f7a9d2c44';
export const OTHER_INSTALL_ID = 'f0e1d2c3-b4a5-4968-8776-655443322110';
/** The evaluation instant every case is built around: 2026-11-29T12:00:00Z. */
export const AT_SECONDS = 1_795_953_600;
export const AT = new Date(AT_SECONDS * 1000);
const YEAR = 365 * 24 * 3600;

export interface KeyCase {
  title: string;
  key: string;
  reason: VerdictReason;
  /** Compared with the key's install ID when set. */
  installId?: string;
}

function b64url(value: unknown): string {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
}

/** Swaps one part of a key for another without re-signing. */
function replacePart(key: string, index: 0 | 1 | 2, part: string): string {
  const parts = key.split('.');
  parts[index] = part;
  return parts.join('.');
}

/** Every verdict reason, each ordering rule and the format edge cases, as keys built from `pki`. */
export function keyCases(pki: TestPki): KeyCase[] {
  const { signerP384, signerP521, intermediate, rogue } = pki;
  const claims = licenseClaims(INSTALL_ID, AT_SECONDS + YEAR);
  const good = (extra: Record<string, unknown> = {}, alg = 'ES512', signer = signerP384): string =>
    mintKey({ signer, intermediate, alg, claims: { ...claims, ...extra } });
  const withHeader = (header: Record<string, unknown>, extra: Record<string, unknown> = {}): string =>
    mintKey({ signer: signerP384, intermediate, header, claims: { ...claims, ...extra } });
  const x5c = [signerP384.x5c, intermediate.x5c];
  const valid = good();
  const toBase64Url = (text: string): string => text.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

  return [
    { title: 'ES512 over a P-384 signer, as authentik issues', key: valid, reason: 'ok', installId: INSTALL_ID },
    { title: 'ES384 over a P-384 signer', key: good({}, 'ES384'), reason: 'ok', installId: INSTALL_ID },
    { title: 'ES512 over a P-521 signer', key: good({}, 'ES512', signerP521), reason: 'ok', installId: INSTALL_ID },
    { title: 'ES384 over a P-521 signer', key: good({}, 'ES384', signerP521), reason: 'ok' },
    { title: 'legacy "flags" claim', key: good({ license_flags: undefined, flags: ['trial'] }), reason: 'ok' },
    { title: 'internal_users true, a Python bool', key: good({ internal_users: true }), reason: 'ok' },
    { title: 'jti null', key: good({ jti: null }), reason: 'ok' },
    { title: 'legacy "users" claim', key: good({ internal_users: undefined, users: 50 }), reason: 'ok' },
    { title: 'unknown license flag', key: good({ license_flags: ['trial', 'future_flag'] }), reason: 'ok' },
    { title: 'user counts absent', key: good({ internal_users: undefined, external_users: undefined }), reason: 'ok' },
    { title: 'nbf exactly now', key: good({ nbf: AT_SECONDS }), reason: 'ok' },
    {
      title: "nbf a numeric string, as PyJWT's int() reads it",
      key: good({ nbf: ` ${AT_SECONDS - 60} ` }),
      reason: 'ok',
    },
    { title: 'iat a day ago', key: good({ iat: AT_SECONDS - 86400 }), reason: 'ok' },
    { title: 'iat exactly now', key: good({ iat: AT_SECONDS }), reason: 'ok' },
    { title: 'iat a float within this second', key: good({ iat: AT_SECONDS + 0.5 }), reason: 'ok' },
    { title: 'iat a numeric string', key: good({ iat: String(AT_SECONDS - 60) }), reason: 'ok' },
    { title: 'expiring one second after now', key: good({ exp: AT_SECONDS + 1 }), reason: 'ok' },

    { title: 'empty input', key: '', reason: 'malformed' },
    { title: 'only whitespace', key: ' \n\t ', reason: 'malformed' },
    { title: 'over 64 KiB', key: good({ padding: 'x'.repeat(64 * 1024) }), reason: 'malformed' },
    { title: 'two parts', key: valid.split('.').slice(0, 2).join('.'), reason: 'malformed' },
    { title: 'four parts', key: `${valid}.e30`, reason: 'malformed' },
    { title: 'header not base64url', key: replacePart(valid, 0, 'e30+'), reason: 'malformed' },
    { title: 'header a JSON array', key: replacePart(valid, 0, b64url([])), reason: 'malformed' },
    { title: 'payload not JSON', key: replacePart(valid, 1, b64url('not json')), reason: 'malformed' },
    { title: 'signature not base64url', key: replacePart(valid, 2, 'a/b='), reason: 'malformed' },
    { title: 'aud missing', key: good({ aud: undefined }), reason: 'malformed' },
    { title: 'aud an array', key: good({ aud: [claims.aud] }), reason: 'malformed' },
    { title: 'aud another audience', key: good({ aud: `example.com/license/${INSTALL_ID}` }), reason: 'malformed' },
    { title: 'aud without install id', key: good({ aud: 'enterprise.goauthentik.io/license/' }), reason: 'malformed' },
    { title: 'exp missing', key: good({ exp: undefined }), reason: 'malformed' },
    { title: 'exp a string', key: good({ exp: String(AT_SECONDS + YEAR) }), reason: 'malformed' },
    { title: 'exp not an integer', key: good({ exp: AT_SECONDS + 0.5 }), reason: 'malformed' },
    { title: 'exp negative', key: good({ exp: -1 }), reason: 'malformed' },
    { title: 'exp past year 9999', key: good({ exp: 253402300800 }), reason: 'malformed' },
    { title: 'name missing', key: good({ name: undefined }), reason: 'malformed' },
    { title: 'name a number', key: good({ name: 7 }), reason: 'malformed' },
    { title: 'internal_users a string', key: good({ internal_users: '100' }), reason: 'malformed' },
    { title: 'sub a number (PyJWT 2.10+, authentik 2026.5+)', key: good({ sub: 7 }), reason: 'malformed' },
    { title: 'jti a number (PyJWT 2.10+, authentik 2026.5+)', key: good({ jti: 7 }), reason: 'malformed' },
    { title: 'license_flags holding a number', key: good({ license_flags: ['trial', 1] }), reason: 'malformed' },
    { title: 'external_users not an integer', key: good({ external_users: 1.5 }), reason: 'malformed' },
    { title: 'license_flags not a list', key: good({ license_flags: 'trial' }), reason: 'malformed' },
    { title: 'license_flags holding a number', key: good({ license_flags: [1] }), reason: 'malformed' },
    { title: 'nbf not a number', key: good({ nbf: 'soon' }), reason: 'malformed' },
    { title: 'iat "yesterday"', key: good({ iat: 'yesterday' }), reason: 'malformed' },
    { title: 'iat a decimal string', key: good({ iat: `${AT_SECONDS}.5` }), reason: 'malformed' },
    { title: 'iat null', key: good({ iat: null }), reason: 'malformed' },
    { title: 'iat a list', key: good({ iat: [AT_SECONDS] }), reason: 'malformed' },
    { title: 'iat an object', key: good({ iat: { seconds: AT_SECONDS } }), reason: 'malformed' },
    {
      title: 'malformed beats unsupported algorithm',
      key: withHeader({ alg: 'none', x5c }, { aud: undefined }),
      reason: 'malformed',
    },

    {
      title: 'alg none, no signature',
      key: replacePart(withHeader({ alg: 'none', x5c }), 2, ''),
      reason: 'unsupported_algorithm',
    },
    { title: 'alg HS256', key: withHeader({ alg: 'HS256', x5c }), reason: 'unsupported_algorithm' },
    { title: 'alg RS256', key: withHeader({ alg: 'RS256', x5c }), reason: 'unsupported_algorithm' },
    { title: 'alg ES256', key: withHeader({ alg: 'ES256', x5c }), reason: 'unsupported_algorithm' },
    { title: 'alg missing', key: withHeader({ x5c }), reason: 'unsupported_algorithm' },
    {
      title: 'unsupported algorithm beats an untrusted chain',
      key: withHeader({ alg: 'HS512' }),
      reason: 'unsupported_algorithm',
    },

    { title: 'x5c missing', key: withHeader({ alg: 'ES512' }), reason: 'untrusted_chain' },
    { title: 'x5c not a list', key: withHeader({ alg: 'ES512', x5c: signerP384.x5c }), reason: 'untrusted_chain' },
    {
      title: 'x5c with one entry',
      key: withHeader({ alg: 'ES512', x5c: [signerP384.x5c] }),
      reason: 'untrusted_chain',
    },
    {
      title: 'x5c entries in base64url',
      key: withHeader({ alg: 'ES512', x5c: x5c.map(toBase64Url) }),
      reason: 'untrusted_chain',
    },
    {
      title: 'x5c entry not a certificate',
      key: withHeader({ alg: 'ES512', x5c: [signerP384.x5c, 'AAAA'] }),
      reason: 'untrusted_chain',
    },
    {
      title: 'x5c reordered',
      key: withHeader({ alg: 'ES512', x5c: [intermediate.x5c, signerP384.x5c] }),
      reason: 'untrusted_chain',
    },
    {
      title: 'rogue chain reusing the real names',
      key: mintKey({ signer: rogue.signerP384, intermediate: rogue.intermediate, claims }),
      reason: 'untrusted_chain',
    },
    {
      title: 'signer not issued by the intermediate',
      key: withHeader({ alg: 'ES512', x5c: [rogue.signerP384.x5c, intermediate.x5c] }),
      reason: 'untrusted_chain',
    },
    {
      title: 'untrusted chain beats a bad signature',
      key: replacePart(
        mintKey({ signer: rogue.signerP384, intermediate: rogue.intermediate, claims }),
        1,
        b64url({ ...claims, internal_users: 9999 }),
      ),
      reason: 'untrusted_chain',
    },

    {
      title: 'DER-encoded signature',
      key: mintKey({ signer: signerP384, intermediate, claims, dsaEncoding: 'der' }),
      reason: 'bad_signature',
    },
    {
      title: 'payload changed after signing',
      key: replacePart(valid, 1, b64url({ ...claims, internal_users: 9999 })),
      reason: 'bad_signature',
    },
    {
      title: 'header changed after signing',
      key: replacePart(valid, 0, b64url({ alg: 'ES512', x5c, kid: 'x' })),
      reason: 'bad_signature',
    },
    {
      title: 'signed by another key',
      key: mintKey({ signer: signerP384, intermediate, claims, signingKey: rogue.signerP384.privateKey }),
      reason: 'bad_signature',
    },
    {
      title: 'ES512 header, SHA-384 signature',
      key: mintKey({ signer: signerP384, intermediate, claims, hash: 'sha384' }),
      reason: 'bad_signature',
    },
    { title: 'signature truncated', key: valid.slice(0, -8), reason: 'bad_signature' },
    {
      title: 'bad signature beats an Install ID mismatch',
      key: replacePart(
        good({ aud: `enterprise.goauthentik.io/license/${OTHER_INSTALL_ID}` }),
        1,
        b64url({ ...claims, aud: `enterprise.goauthentik.io/license/${OTHER_INSTALL_ID}`, name: 'x' }),
      ),
      reason: 'bad_signature',
      installId: INSTALL_ID,
    },

    { title: 'key for another installation', key: valid, reason: 'install_id_mismatch', installId: OTHER_INSTALL_ID },
    {
      title: 'Install ID mismatch beats expiry',
      key: good({ exp: AT_SECONDS - YEAR }),
      reason: 'install_id_mismatch',
      installId: OTHER_INSTALL_ID,
    },

    { title: 'expired exactly now', key: good({ exp: AT_SECONDS }), reason: 'expired', installId: INSTALL_ID },
    { title: 'expired a year ago', key: good({ exp: AT_SECONDS - YEAR }), reason: 'expired' },
    {
      title: 'expired beats not yet valid',
      key: good({ exp: AT_SECONDS - 10, nbf: AT_SECONDS + 10 }),
      reason: 'expired',
    },

    {
      title: 'not valid for one more second',
      key: good({ nbf: AT_SECONDS + 1 }),
      reason: 'not_yet_valid',
      installId: INSTALL_ID,
    },
    {
      title: 'issued one second from now',
      key: good({ iat: AT_SECONDS + 1 }),
      reason: 'not_yet_valid',
      installId: INSTALL_ID,
    },
    { title: 'issued after year 9999', key: good({ iat: 1e20 }), reason: 'not_yet_valid' },
    {
      title: 'expired beats issued in the future',
      key: good({ exp: AT_SECONDS - 10, iat: AT_SECONDS + 10 }),
      reason: 'expired',
    },
  ];
}
