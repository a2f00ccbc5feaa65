import { sign, X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verdictJson } from '../../../main/cli/output/verdict-json';
import { verdictText } from '../../../main/cli/output/verdict-text';
import { trustRootsOf, type TrustRoots } from '../../../main/license/trust-roots';
import { toVerdictView } from '../../../main/license/verdict-view';
import { verifyKey, type Verdict } from '../../../main/license/verify-key';
import { verdictViewSchema } from '../../../shared/license/verdict-view';
import { AT, AT_SECONDS, INSTALL_ID } from '../../pki/key-cases';
import { licenseClaims, mintKey } from '../../pki/mint-key';
import { createTestPki } from '../../pki/test-pki';
import { withUnreadableDates } from '../../pki/unreadable-dates';

const pki = await createTestPki();
const roots = trustRootsOf([new X509Certificate(pki.root.pem)]);
const at = AT.getTime();
const claims = licenseClaims(INSTALL_ID, AT_SECONDS + 365 * 86400);

/** A key signed by the test signer over these texts as written: raw JSON, so numbers and nesting reach the key as given. */
function resign(headerText: string, payloadText: string): string {
  const encode = (text: string): string => Buffer.from(text).toString('base64url');
  const input = `${encode(headerText)}.${encode(payloadText)}`;
  return `${input}.${sign('sha512', Buffer.from(input), { key: pki.signerP384.privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`;
}

const genuineHeader = JSON.stringify({ alg: 'ES512', typ: 'JWT', x5c: [pki.signerP384.x5c, pki.intermediate.x5c] });
/** The claims with one of them replaced by raw JSON text. */
const payloadWith = (claim: string, raw: string): string =>
  JSON.stringify({ ...claims, [claim]: '\u0000' }).replace('"\\u0000"', () => raw);
const verify = (key: string, options: { roots?: TrustRoots; at?: number } = {}): Verdict =>
  verifyKey(key, { roots: options.roots ?? roots, at: options.at ?? at, installId: INSTALL_ID });

/** Everything a verdict becomes in the CLI and the app must come out of it without a throw. */
function rendersEverywhere(verdict: Verdict): void {
  expect(() => verdictText(verdict, at)).not.toThrow();
  expect(() => JSON.stringify(verdictJson(verdict))).not.toThrow();
  expect(() => verdictViewSchema.parse(toVerdictView(verdict, at))).not.toThrow();
}

describe('hostile keys become verdicts, never exceptions', () => {
  it('refuses a certificate whose validity dates are impossible, as authentik cannot load it, without a RangeError', () => {
    const x5c = [withUnreadableDates(pki.signerP384, pki.intermediate.privateKey), pki.intermediate.x5c];
    const verdict = verify(
      mintKey({
        signer: pki.signerP384,
        intermediate: pki.intermediate,
        claims,
        header: { alg: 'ES512', typ: 'JWT', x5c },
      }),
    );
    expect(verdict).toMatchObject({ valid: false, reason: 'untrusted_chain', certificates: [] });
    expect(verdict.checks[2]?.detail).toMatch(
      /^x5c\[0\] cannot be read: its validity dates are not valid times \("Bad time value" to /,
    );
    rendersEverywhere(verdict);
  });

  it('shows a legacy "users" claim nested 20,000 deep by its kind, without overflowing the stack; authentik ignores the claim, so the key is valid', () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const verdict = verify(
      resign(
        genuineHeader,
        JSON.stringify({ ...claims, internal_users: undefined, users: '\u0000' }).replace('"\\u0000"', deep),
      ),
    );
    expect(verdict.reason).toBe('ok');
    expect(verdict.checks[0]?.detail).toContain('the legacy "users" claim (a list) is ignored by authentik');
    rendersEverywhere(verdict);
  });

  it('names a deeply nested or long "alg" by its kind or its first 40 characters', () => {
    const nested = verify(
      resign(
        JSON.stringify({ alg: '\u0000', x5c: [] }).replace(
          '"\\u0000"',
          `${'{"a":'.repeat(8_000)}1${'}'.repeat(8_000)}`,
        ),
        JSON.stringify(claims),
      ),
    );
    expect(nested).toMatchObject({
      reason: 'unsupported_algorithm',
      message: expect.stringContaining('signed with an object, but authentik'),
    });
    const long = verify(resign(JSON.stringify({ alg: 'x'.repeat(30_000), x5c: [] }), JSON.stringify(claims)));
    expect(long.message).toContain(`signed with "${'x'.repeat(40)}…"`);
    expect(long.message.length).toBeLessThan(200);
    rendersEverywhere(nested);
  });

  it.each([
    ['1e308', 'a date after 9999-12-31T23:59:59Z'],
    ['8640000000001', 'a date after 9999-12-31T23:59:59Z'],
    ['1e400', null],
    [`"${'9'.repeat(400)}"`, 'a date after 9999-12-31T23:59:59Z'],
  ])('reads an nbf of %s, beyond any date, without a throw', (raw, when) => {
    const verdict = verify(resign(genuineHeader, payloadWith('nbf', raw)));
    if (when === null) {
      // Past a double: Python's int() raises OverflowError, and so the key is malformed.
      expect(verdict).toMatchObject({
        reason: 'malformed',
        message: expect.stringContaining('the "nbf" claim is a number too large to read'),
      });
    } else {
      expect(verdict).toMatchObject({
        reason: 'not_yet_valid',
        message: `The license is not valid until ${when}; if that date has passed, check this computer's clock.`,
      });
    }
    rendersEverywhere(verdict);
  });

  it('passes an nbf or iat far in the past, -1e308 or -0 included', () => {
    expect(verify(resign(genuineHeader, payloadWith('nbf', '-1e308'))).reason).toBe('ok');
    expect(verify(resign(genuineHeader, payloadWith('iat', '-0'))).reason).toBe('ok');
  });

  it('judges by an instance clock beyond any date (a hostile Date header) in words', () => {
    const key = mintKey({ signer: pki.signerP384, intermediate: pki.intermediate, claims });
    const verdict = verify(key, { at: 1e300 });
    expect(verdict.checks[5]?.detail).toBe(
      `expired at ${new Date((AT_SECONDS + 365 * 86400) * 1000).toISOString().replace('.000Z', 'Z')} (evaluated at a date after 9999-12-31T23:59:59Z)`,
    );
    const notBefore = mintKey({
      signer: pki.signerP384,
      intermediate: pki.intermediate,
      claims: { ...claims, nbf: AT_SECONDS },
    });
    expect(verify(notBefore, { at: -1e300 }).checks[5]?.detail).toBe(
      'not valid before 2026-11-29T12:00:00Z (nbf) (evaluated at a date before 0000-01-01T00:00:00Z)',
    );
  });

  it('turns whatever the certificate step throws into an untrusted_chain verdict with the error in words', () => {
    const throwing: TrustRoots = {
      id: 'throwing',
      get certificates(): readonly X509Certificate[] {
        throw new TypeError('no roots today');
      },
    };
    const verdict = verify(
      mintKey({ signer: pki.signerP384, intermediate: pki.intermediate, claims: { ...claims, name: 'Unique' } }),
      { roots: throwing },
    );
    expect(verdict).toMatchObject({ valid: false, reason: 'untrusted_chain' });
    expect(verdict.checks[2]?.detail).toBe('the certificates could not be read (TypeError: no roots today)');
    rendersEverywhere(verdict);
  });

  it('keeps a key with control characters and escape sequences in its claims: the text output escapes them', () => {
    const verdict = verify(
      mintKey({
        signer: pki.signerP384,
        intermediate: pki.intermediate,
        claims: {
          ...claims,
          name: 'Acme\u001b[2K\rVALID: \u009b31m\u202eevil\nfake line',
          license_flags: ['trial\u0007'],
        },
      }),
    );
    expect(verdict.reason).toBe('ok');
    const text = verdictText(verdict, at);
    expect(text).toContain('Acme\\u001b[2K\\u000dVALID: \\u009b31m\\u202eevil\\u000afake line');
    expect(text).toContain('trial\\u0007');
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    expect(text.replace(/\n/g, '')).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/);
  });
});
