import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { authentikRules } from '../../../shared/license/authentik-rules';
import { CHECK_NAMES } from '../../../shared/license/verdict';
import { verifyKey } from '../../../main/license/verify-key';
import { AT_SECONDS, INSTALL_ID, OTHER_INSTALL_ID } from '../../pki/key-cases';
import { at, cases, find, pki, roots } from './verify-key-fixtures';

// Every reason, what the verdict reports, and how claims are read.
// The time, Install ID, algorithm and chain checks are in verify-key-checks.test.ts.

describe('verifyKey: every reason and ordering rule', () => {
  it.each(cases)('$title → $reason', (entry) => {
    const verdict = verifyKey(entry.key, { roots, at, installId: entry.installId ?? null });
    expect(verdict.reason).toBe(entry.reason);
    expect(verdict.valid).toBe(entry.reason === 'ok');
    expect(verdict.checks.map((check) => check.name)).toEqual([...CHECK_NAMES]);
    const failed = verdict.checks.findIndex((check) => check.ok === false);
    if (entry.reason === 'ok') {
      expect(failed).toBe(-1);
      return;
    }
    expect(verdict.checks.filter((check) => check.ok === false)).toHaveLength(1);
    expect(verdict.checks.slice(0, failed).every((check) => check.ok === true || check.name === 'install_id')).toBe(
      true,
    );
    expect(verdict.checks.slice(failed + 1).every((check) => check.ok === null)).toBe(true);
  });

  it('covers every reason', () => {
    expect(new Set(cases.map((entry) => entry.reason))).toEqual(
      new Set([
        'ok',
        'malformed',
        'unsupported_algorithm',
        'untrusted_chain',
        'bad_signature',
        'install_id_mismatch',
        'expired',
        'not_yet_valid',
      ]),
    );
  });
});

describe('verifyKey: what the verdict reports', () => {
  it('reports a real-shaped key in full', () => {
    const verdict = verifyKey(`\n  ${find('ES512 over a P-384 signer, as authentik issues').key}  \n`, {
      roots,
      at,
      installId: INSTALL_ID,
    });
    expect(verdict).toMatchObject({
      valid: true,
      reason: 'ok',
      claimsVerified: true,
      installId: INSTALL_ID,
      expiresAt: (AT_SECONDS + 365 * 24 * 3600) * 1000,
      claims: {
        name: 'Acme Corp',
        aud: `enterprise.goauthentik.io/license/${INSTALL_ID}`,
        internal_users: 100,
        external_users: 1000,
        license_flags: [],
      },
    });
    expect(verdict.checks.every((check) => check.ok === true)).toBe(true);
    expect(verdict.certificates.map((certificate) => certificate.role)).toEqual(['signer', 'intermediate', 'root']);
    expect(verdict.certificates[2]?.sha256).toBe(new X509Certificate(pki.root.pem).fingerprint256);
  });

  it('skips the Install ID check without an expected ID, without affecting validity', () => {
    const verdict = verifyKey(find('ES512 over a P-384 signer, as authentik issues').key, { roots, at });
    expect(verdict.valid).toBe(true);
    expect(verdict.checks[4]).toMatchObject({ name: 'install_id', ok: null });
    expect(verdict.checks[4]?.detail).toContain('no Install ID was given');
  });

  it('names both Install IDs on a mismatch', () => {
    const verdict = verifyKey(find('key for another installation').key, { roots, at, installId: OTHER_INSTALL_ID });
    expect(verdict.message).toContain('Install ID');
    expect(verdict.message).toContain(INSTALL_ID);
    expect(verdict.message).toContain(OTHER_INSTALL_ID);
    expect(verdict.claimsVerified).toBe(true);
  });

  it('has claims only once the format passed, verified only once the signature passed', () => {
    const malformed = verifyKey(find('aud an array').key, { roots, at });
    expect(malformed.claims).toBeNull();
    expect(malformed.installId).toBeNull();
    expect(malformed.expiresAt).toBeNull();
    const forged = verifyKey(find('payload changed after signing').key, { roots, at });
    expect(forged.claims?.internal_users).toBe(9999);
    expect(forged.claimsVerified).toBe(false);
    const untrusted = verifyKey(find('rogue chain reusing the real names').key, { roots, at });
    expect(untrusted.claimsVerified).toBe(false);
    expect(untrusted.claims).not.toBeNull();
  });

  it('reads legacy claims the way authentik does and says so', () => {
    // 2024.8 moved the flags from "flags" to "license_flags"; each release ignores the other claim.
    const flags = verifyKey(find('legacy "flags" claim').key, { roots, at });
    expect(flags.claims?.license_flags).toEqual([]);
    expect(flags.checks[0]?.detail).toContain(
      'the "flags" claim is ignored: this authentik release reads "license_flags"',
    );
    const before = verifyKey(find('legacy "flags" claim').key, { roots, at, rules: authentikRules('2024.6.3') });
    expect(before.claims?.license_flags).toEqual(['trial']);
    const numberFlag = verifyKey(find('license_flags holding a number').key, {
      roots,
      at,
      rules: authentikRules('2024.6.3'),
    });
    expect(numberFlag.reason).toBe('ok');
    expect(numberFlag.checks[0]?.detail).toContain(
      'the "license_flags" claim is ignored: this authentik release reads "flags"',
    );
    const bool = verifyKey(find('internal_users true, a Python bool').key, { roots, at });
    expect(bool.claims?.internal_users).toBe(1);
    expect(bool.checks[0]?.detail).toContain(
      'the "internal_users" claim is true, which authentik reads as 1 (a Python bool is an int)',
    );
    const users = verifyKey(find('legacy "users" claim').key, { roots, at });
    expect(users.claims?.internal_users).toBe(0);
    expect(users.checks[0]?.detail).toContain('"users" claim (50)');
    expect(verifyKey(find('user counts absent').key, { roots, at }).claims).toMatchObject({
      internal_users: 0,
      external_users: 0,
    });
    expect(verifyKey(find('unknown license flag').key, { roots, at }).claims?.license_flags).toEqual([
      'trial',
      'future_flag',
    ]);
  });

  it("refuses a non-string sub or jti only where the release's PyJWT (2.10+) does: 2026.5 on", () => {
    for (const title of [
      'sub a number (PyJWT 2.10+, authentik 2026.5+)',
      'jti a number (PyJWT 2.10+, authentik 2026.5+)',
    ]) {
      const newest = verifyKey(find(title).key, { roots, at, rules: authentikRules('2026.5.0') });
      expect(newest.reason).toBe('malformed');
      expect(newest.checks[0]?.detail).toMatch(
        /^the "(sub|jti)" claim is not a string, which the PyJWT of this authentik release refuses$/,
      );
      expect(verifyKey(find(title).key, { roots, at, rules: authentikRules('2026.2.1') }).reason).toBe('ok');
    }
  });
});
