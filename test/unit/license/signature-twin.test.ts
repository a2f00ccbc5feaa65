import { verify, X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { duplicateKeyWarnings } from '../../../main/instances/detail-warnings';
import type { InstalledLicense } from '../../../main/instances/instance-snapshot';
import { preflightAgainst } from '../../../main/instances/install-preflight';
import { readingFacts } from '../../../main/instances/reading-facts';
import { statusReport, verifyInstalled } from '../../../main/instances/status-report';
import { keyFingerprint, licenseIdentity } from '../../../main/license/fingerprint';
import { trustRootsOf } from '../../../main/license/trust-roots';
import { verifyKey } from '../../../main/license/verify-key';
import { AT, AT_SECONDS, INSTALL_ID } from '../../pki/key-cases';
import { licenseClaims, mintKey } from '../../pki/mint-key';
import { signatureTwinKey, twinSignature } from '../../pki/signature-twin';
import { createTestPki } from '../../pki/test-pki';
import { instanceSnapshot } from '../instances/snapshot-fixture';

const pki = await createTestPki();
const roots = trustRootsOf([new X509Certificate(pki.root.pem)]);
const now = AT.getTime();
const YEAR = 365 * 24 * 3600;
const claims = licenseClaims(INSTALL_ID, AT_SECONDS + YEAR, {
  name: 'Acme 2027',
  internal_users: 50,
  external_users: 100,
});
const p384 = mintKey({ signer: pki.signerP384, intermediate: pki.intermediate, claims });
const p521 = mintKey({ signer: pki.signerP521, intermediate: pki.intermediate, claims });

function installed(key: string, licenseUuid: string): InstalledLicense {
  return {
    licenseUuid,
    name: 'Acme 2027',
    key,
    expiry: (AT_SECONDS + YEAR) * 1000,
    internalUsers: 50,
    externalUsers: 100,
  };
}

function snapshotWith(keys: string[]) {
  const summary = {
    status: 'valid',
    internalUsers: 50 * keys.length,
    externalUsers: 100 * keys.length,
    latestValid: (AT_SECONDS + YEAR) * 1000,
    licenseFlags: [],
  };
  return instanceSnapshot(
    summary,
    keys.map((key, index) => installed(key, `uuid-${index}`)),
  );
}

describe('ECDSA signature twins: (r, n−s) verifies as (r, s) does', () => {
  it.each([
    ['P-384', p384, pki.signerP384.pem],
    ['P-521', p521, pki.signerP521.pem],
  ])('makes a second genuine key of the same %s license, with another fingerprint', (_curve, key, signerPem) => {
    const twin = signatureTwinKey(key);
    const [header, payload, signature] = twin.split('.');
    // OpenSSL (Node's crypto here, the `cryptography` library under PyJWT in authentik) checks only 0 < s < n.
    expect(
      verify(
        'sha512',
        Buffer.from(`${header}.${payload}`),
        { key: new X509Certificate(signerPem).publicKey, dsaEncoding: 'ieee-p1363' },
        Buffer.from(signature ?? '', 'base64url'),
      ),
    ).toBe(true);
    const [original, copy] = [key, twin].map((text) => verifyKey(text, { roots, at: now, installId: INSTALL_ID }));
    expect([original?.reason, copy?.reason]).toEqual(['ok', 'ok']);
    expect(copy?.fingerprint).not.toBe(original?.fingerprint);
    expect(copy?.fingerprint).toBe(keyFingerprint(twin));
    expect(copy?.licenseIdentity).toBe(original?.licenseIdentity);
    expect(
      twinSignature(twinSignature(Buffer.from(signature ?? '', 'base64url'))).equals(
        Buffer.from(signature ?? '', 'base64url'),
      ),
    ).toBe(true);
  });

  it('gives keys of other signed content other identities, whatever their signatures', () => {
    const other = mintKey({
      signer: pki.signerP384,
      intermediate: pki.intermediate,
      claims: { ...claims, name: 'Acme 2028' },
    });
    expect(licenseIdentity(other)).not.toBe(licenseIdentity(p384));
    // Whitespace around a key is no part of it, for the identity as for the fingerprint.
    expect(licenseIdentity(`\n ${p384}\t`)).toBe(licenseIdentity(p384));
    expect(licenseIdentity(p384)).toBe(
      `sha256:${keyFingerprint(p384.slice(0, p384.lastIndexOf('.'))).slice('sha256:'.length)}`,
    );
  });
});

describe('one license, one identity: a twin installed beside its key', () => {
  const twin = signatureTwinKey(p384);

  it('is warned about by the status report as the same license installed twice', () => {
    const report = statusReport(snapshotWith([p384, twin]), roots, now);
    expect(report.warnings).toEqual([
      `The same license is installed twice, as two keys that differ only in their signature ("Acme 2027", ${keyFingerprint(p384)}, and "Acme 2027", ${keyFingerprint(twin)}); authentik counts its users twice. Delete one.`,
    ]);
    expect(report.exit).toBe(1);
  });

  it('is warned about on the instance page, naming both keys and the seats counted twice', () => {
    const snapshot = snapshotWith([p384, twin]);
    const facts = readingFacts(snapshot, verifyInstalled(snapshot, roots, now), now);
    const [warning, ...others] = duplicateKeyWarnings(facts.licenses);
    expect(others).toEqual([]);
    expect(warning?.message).toContain(
      `The same license, as 2 keys that differ only in their signature (${keyFingerprint(p384)}, ${keyFingerprint(twin)}), is installed 2 times`,
    );
    expect(warning?.message).toContain('50 internal and 100 external seats higher than what was bought');
  });

  it('makes the install preflight report the twin of an installed key as already installed: nothing is sent', () => {
    const { preflight } = preflightAgainst(snapshotWith([p384]), twin, {
      roots,
      now,
      allowOverCapacity: false,
      overrideHint: '--allow-over-capacity',
    });
    expect(preflight).toEqual({ action: 'already_installed', licenseUuid: 'uuid-0', warnings: [], overCapacity: null });
    // Another license is still sent.
    const other = mintKey({
      signer: pki.signerP384,
      intermediate: pki.intermediate,
      claims: { ...claims, name: 'Acme add-on' },
    });
    expect(
      preflightAgainst(snapshotWith([p384]), other, {
        roots,
        now,
        allowOverCapacity: false,
        overrideHint: '--allow-over-capacity',
      }).preflight.action,
    ).toBe('send');
  });
});
