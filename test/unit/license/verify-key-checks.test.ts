import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { authentikRules } from '../../../shared/license/authentik-rules';
import { defaultTrustRoots, trustRootsOf } from '../../../main/license/trust-roots';
import { verifyKey } from '../../../main/license/verify-key';
import { AT_SECONDS, INSTALL_ID } from '../../pki/key-cases';
import { licenseClaims, mintKey } from '../../pki/mint-key';
import { at, find, pki, roots } from './verify-key-fixtures';

// The time, Install ID, algorithm and chain checks, the trust roots and the chain cache.
// Reasons and claims are in verify-key-claims.test.ts.

describe('verifyKey: what the verdict reports', () => {
  it('treats exp as strictly after the evaluation time and nbf as not after it, with no leeway', () => {
    expect(verifyKey(find('expired exactly now').key, { roots, at }).reason).toBe('expired');
    expect(verifyKey(find('expired exactly now').key, { roots, at: at - 1 }).reason).toBe('ok');
    expect(verifyKey(find('not valid for one more second').key, { roots, at: at + 1000 }).reason).toBe('ok');
    const early = verifyKey(find('not valid for one more second').key, { roots, at });
    expect(early.reason).toBe('not_yet_valid');
    expect(early.message).toContain('clock');
  });

  it('checks iat as PyJWT does: one after the evaluation time is not yet valid, and the expiry check names iat', () => {
    const future = verifyKey(find('issued one second from now').key, { roots, at, installId: INSTALL_ID });
    expect(future.reason).toBe('not_yet_valid');
    expect(future.checks[5]).toEqual({
      name: 'expiry',
      ok: false,
      detail: 'issued at 2026-11-29T12:00:01Z (iat), after the evaluation time (evaluated at 2026-11-29T12:00:00Z)',
    });
    expect(future.message).toContain('"iat"');
    expect(future.message).toContain('clock');
    expect(verifyKey(find('issued one second from now').key, { roots, at: at + 1000 }).reason).toBe('ok');
    expect(verifyKey(find('issued after year 9999').key, { roots, at }).checks[5]?.detail).toContain(
      'issued at a date after 9999-12-31T23:59:59Z (iat)',
    );
    // iat is checked before nbf, as PyJWT does; a key waiting on both is reported for its iat.
    const both = mintKey({
      signer: pki.signerP384,
      intermediate: pki.intermediate,
      claims: licenseClaims(INSTALL_ID, AT_SECONDS + 3600, { iat: AT_SECONDS + 60, nbf: AT_SECONDS + 120 }),
    });
    expect(verifyKey(both, { roots, at }).checks[5]?.detail).toContain('(iat)');
    expect(verifyKey(both, { roots, at: at + 90_000 }).checks[5]?.detail).toContain(
      'not valid before 2026-11-29T12:02:00Z (nbf)',
    );
  });

  it('judges an iat that int() cannot read malformed, in the format check, and says why', () => {
    const yesterday = verifyKey(find('iat "yesterday"').key, { roots, at });
    expect(yesterday.reason).toBe('malformed');
    expect(yesterday.checks[0]).toEqual({
      name: 'format',
      ok: false,
      detail: 'the "iat" claim "yesterday" is not an integer',
    });
    expect(verifyKey(find('iat null').key, { roots, at }).checks[0]?.detail).toBe(
      'the "iat" claim is null, not an integer (authentik fails on it with HTTP 500)',
    );
    expect(verifyKey(find('iat a list').key, { roots, at }).checks[0]?.detail).toContain('is a list');
    expect(verifyKey(find('iat an object').key, { roots, at }).checks[0]?.detail).toContain('is an object');
  });

  it('compares the Install ID exactly, as authentik compares aud', () => {
    const key = find('ES512 over a P-384 signer, as authentik issues').key;
    expect(verifyKey(key, { roots, at, installId: INSTALL_ID }).reason).toBe('ok');
    const upper = verifyKey(key, { roots, at, installId: INSTALL_ID.toUpperCase() });
    expect(upper.reason).toBe('install_id_mismatch');
    expect(upper.checks[4]?.detail).toBe(`the key is for Install ID ${INSTALL_ID}, not ${INSTALL_ID.toUpperCase()}`);
    const shouting = mintKey({
      signer: pki.signerP384,
      intermediate: pki.intermediate,
      claims: licenseClaims(INSTALL_ID.toUpperCase(), AT_SECONDS + 3600),
    });
    expect(verifyKey(shouting, { roots, at, installId: INSTALL_ID }).reason).toBe('install_id_mismatch');
  });

  it('accepts the algorithms of the rules it is given: ES384 only from authentik 2026.5', () => {
    const es384 = find('ES384 over a P-384 signer').key;
    expect(verifyKey(es384, { roots, at }).checks[1]).toEqual({
      name: 'algorithm',
      ok: true,
      detail: 'ES384 is accepted by authentik from 2026.5',
    });
    const older = verifyKey(es384, { roots, at, rules: authentikRules('2025.10.2') });
    expect(older.reason).toBe('unsupported_algorithm');
    expect(older.checks[1]?.detail).toBe('"ES384" is not ES512 (authentik 2025.4.1 up to 2026.5)');
    expect(older.message).toContain('which authentik accepts only from 2026.5; this instance runs 2025.10.2');
    expect(
      verifyKey(find('ES512 over a P-384 signer, as authentik issues').key, {
        roots,
        at,
        rules: authentikRules('2023.10.7'),
      }).reason,
    ).toBe('ok');
    expect(verifyKey(find('alg HS256').key, { roots, at }).message).toBe(
      'The key is signed with "HS256", but authentik accepts only ES512 and ES384.',
    );
  });

  it('says which rules judged it: the newest, assumed, when none are given', () => {
    expect(verifyKey(find('ES512 over a P-384 signer, as authentik issues').key, { roots, at }).rules.assumption).toBe(
      'newest rules assumed (authentik 2026.5 or later): no authentik version known',
    );
  });

  it('says why a chain is untrusted', () => {
    expect(verifyKey(find('x5c with one entry').key, { roots, at }).checks[2]?.detail).toContain('1 certificate');
    expect(verifyKey(find('x5c entries in base64url').key, { roots, at }).checks[2]?.detail).toContain('base64url');
    expect(verifyKey(find('x5c reordered').key, { roots, at }).checks[2]?.detail).toContain(
      'was not issued by the intermediate',
    );
    expect(verifyKey(find('rogue chain reusing the real names').key, { roots, at }).checks[2]?.detail).toContain(
      'not issued by a trusted root',
    );
  });

  it('ignores x5c entries after the intermediate, as authentik does', () => {
    const key = mintKey({
      signer: pki.signerP384,
      intermediate: pki.intermediate,
      header: { alg: 'ES512', x5c: [pki.signerP384.x5c, pki.intermediate.x5c, 'not base64!'] },
      claims: licenseClaims(INSTALL_ID, AT_SECONDS + 3600),
    });
    expect(verifyKey(key, { roots, at }).reason).toBe('ok');
  });
});

describe('trust roots', () => {
  it("bundles authentik's real root, whose fingerprint is the published one", () => {
    const [root] = defaultTrustRoots().certificates;
    expect(root?.fingerprint256).toBe(
      'CB:49:4D:1B:8D:B0:BD:60:37:54:D2:A2:59:31:B9:61:80:98:A0:23:B0:CD:25:64:1C:C3:11:3D:EC:20:C1:5F',
    );
    expect(root?.subject).toContain('CN=Authentik Security Inc. Enterprise Licensing Root X1');
  });

  it('refuses a key from the test PKI against the default root, though the names are the real ones', () => {
    const key = find('ES512 over a P-384 signer, as authentik issues').key;
    const verdict = verifyKey(key, { roots: defaultTrustRoots(), at });
    expect(verdict.reason).toBe('untrusted_chain');
    expect(verdict.checks[2]?.detail).toContain('not issued by a trusted root');
  });

  it('accepts a key when any of several roots issued its intermediate', () => {
    const both = trustRootsOf([new X509Certificate(pki.rogue.root.pem), new X509Certificate(pki.root.pem)]);
    expect(verifyKey(find('ES512 over a P-384 signer, as authentik issues').key, { roots: both, at }).reason).toBe(
      'ok',
    );
    expect(verifyKey(find('rogue chain reusing the real names').key, { roots: both, at }).reason).toBe('ok');
  });
});

describe('chain cache', () => {
  it('does not serve a verdict for a changed certificate or another root set', () => {
    const valid = find('ES512 over a P-384 signer, as authentik issues').key;
    expect(verifyKey(valid, { roots, at }).reason).toBe('ok');
    const swapped = mintKey({
      signer: pki.signerP384,
      intermediate: pki.intermediate,
      header: { alg: 'ES512', x5c: [pki.rogue.signerP384.x5c, pki.intermediate.x5c] },
      claims: licenseClaims(INSTALL_ID, AT_SECONDS + 3600),
    });
    expect(verifyKey(swapped, { roots, at }).reason).toBe('untrusted_chain');
    expect(verifyKey(valid, { roots: defaultTrustRoots(), at }).reason).toBe('untrusted_chain');
    expect(verifyKey(valid, { roots, at }).reason).toBe('ok');
  });

  it("still checks each key's own signature when the chain comes from the cache", () => {
    expect(verifyKey(find('ES512 over a P-384 signer, as authentik issues').key, { roots, at }).reason).toBe('ok');
    expect(verifyKey(find('payload changed after signing').key, { roots, at }).reason).toBe('bad_signature');
  });
});
