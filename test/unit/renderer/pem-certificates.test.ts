import { X509Certificate } from 'node:crypto';
import type { JsonNameParams } from '@peculiar/x509';
import { describe, expect, it } from 'vitest';
import {
  derToPem,
  pemCertificates,
  summarizeCertificate,
  type CertificateSummary,
} from '../../../renderer/format/pem-certificates';
import { KEY_TYPES, selfSignedCa, type KeyType } from '../../pki/self-signed';
import { createTestPki } from '../../pki/test-pki';

/** What Node (OpenSSL) reads from the same certificate, in the summary's terms: the reference the parser must match. */
function nodeSummary(pem: string | Uint8Array): CertificateSummary {
  const certificate = new X509Certificate(pem);
  return {
    // Node writes one RDN a line, escaped as RFC 4514; the summary puts them on one line.
    subject: certificate.subject.split('\n').join(', '),
    notAfter: new Date(certificate.validTo).toISOString().replace('.000Z', 'Z'),
    sha256: certificate.fingerprint256,
  };
}

async function summaryOf(pem: string): Promise<CertificateSummary> {
  const blocks = pemCertificates(pem);
  expect(blocks).toHaveLength(1);
  return summarizeCertificate(blocks[0] ?? new Uint8Array());
}

const pki = await createTestPki();

/** Names with the string types and characters a subject line must get right: [what, name, the line Node writes]. */
const NAMES: [string, string | JsonNameParams, string][] = [
  [
    'a comma, a plus and quotes, escaped so they are not separators',
    'O=Bücher\\, Inc., CN=R&D \\+ Ops \\"EU\\"',
    'O=Bücher\\, Inc., CN=R&D \\+ Ops \\"EU\\"',
  ],
  [
    'domain components and an e-mail address, as Active Directory CAs name themselves',
    [{ DC: ['com'] }, { DC: ['example'] }, { CN: ['Example-CA'] }, { E: ['pki@example.com'] }],
    'DC=com, DC=example, CN=Example-CA, emailAddress=pki@example.com',
  ],
  [
    'a multi-valued RDN, joined with +',
    [{ CN: ['Edge'], OU: ['Ops'] }, { O: ['Example'] }],
    'CN=Edge + OU=Ops, O=Example',
  ],
  ['UTF-8 beyond the BMP', [{ CN: [{ utf8String: 'Schlüssel 🔐 Root' }] }], 'CN=Schlüssel 🔐 Root'],
  [
    'a BMPString',
    [{ O: [{ bmpString: 'Ωmega Ltd' }] }, { CN: [{ bmpString: 'Ωmega Root' }] }],
    'O=Ωmega Ltd, CN=Ωmega Root',
  ],
  ['a UniversalString', [{ L: [{ universalString: 'Zürich' }] }, { CN: ['Zürich Root'] }], 'L=Zürich, CN=Zürich Root'],
  [
    'a serial number attribute and a leading space',
    [{ '2.5.4.5': ['0042'] }, { CN: [' spaced'] }],
    'serialNumber=0042, CN=\\ spaced',
  ],
];

describe('the CA summary of the Add and Edit instance dialogs, against Node’s X509Certificate', () => {
  it.each(Object.keys(KEY_TYPES) as KeyType[])(
    'reads subject, expiry and SHA-256 fingerprint of a %s certificate',
    async (keyType) => {
      const { pem } = await selfSignedCa({
        name: `C=DE, O=Example GmbH, OU=Platform, CN=Example ${keyType} Root`,
        keyType,
      });
      const summary = await summaryOf(pem);
      expect(summary).toEqual(nodeSummary(pem));
      expect(summary.subject).toBe(`C=DE, O=Example GmbH, OU=Platform, CN=Example ${keyType} Root`);
      expect(summary.sha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    },
  );

  it('reads the test licensing PKI’s P-384 root, whose name also holds a street and a postal code, like authentik’s', async () => {
    const summary = await summaryOf(pki.root.pem);
    expect(summary).toEqual(nodeSummary(pki.root.pem));
    expect(summary.notAfter).toBe('2123-06-10T00:00:00Z');
    expect(summary.subject).toBe(
      'C=US, ST=California, L=San Francisco, street=548 Market Street Pmb 70148, postalCode=94104, O=Authentik Security Inc., OU=Enterprise Licenses, CN=Authentik Security Inc. Enterprise Licensing Root X1',
    );
  });

  it.each(NAMES)('writes a subject with %s as Node does', async (_, name, expected) => {
    const { pem } = await selfSignedCa({ name });
    const summary = await summaryOf(pem);
    expect(summary.subject).toBe(expected);
    expect(summary).toEqual(nodeSummary(pem));
  });

  it('says so when the subject holds no attribute it recognises', async () => {
    // pseudonym (2.5.4.65): Node prints it; the dialog shows only the names people recognise.
    const { pem } = await selfSignedCa({ name: [{ '2.5.4.65': ['anonymous'] }] });
    expect((await summaryOf(pem)).subject).toBe('(no subject name)');
  });

  it.each([
    ['UTCTime in the 1900s', new Date('1999-12-31T23:59:59Z'), '1999-12-31T23:59:59Z'],
    ['UTCTime up to 2049', new Date('2049-12-31T23:59:59Z'), '2049-12-31T23:59:59Z'],
    ['GeneralizedTime from 2050 on', new Date('2050-01-01T00:00:00Z'), '2050-01-01T00:00:00Z'],
  ])('reads the expiry written as %s', async (_, notAfter, expected) => {
    const { pem } = await selfSignedCa({ name: 'CN=Dated', notBefore: new Date('1990-01-01T00:00:00Z'), notAfter });
    const summary = await summaryOf(pem);
    expect(summary.notAfter).toBe(expected);
    expect(summary.notAfter).toBe(nodeSummary(pem).notAfter);
  });
});

describe('PEM text as people paste it', () => {
  it('finds every certificate of a bundle, in order, with comments and blank lines between them', async () => {
    const bundle = `# Root\n${pki.root.pem}\n\n# Intermediate\nsubject=${pki.intermediate.certificate.subject}\n${pki.intermediate.pem}`;
    const blocks = pemCertificates(bundle);
    expect(blocks).toHaveLength(2);
    const summaries = await Promise.all(blocks.map(summarizeCertificate));
    expect(summaries).toEqual([nodeSummary(pki.root.pem), nodeSummary(pki.intermediate.pem)]);
  });

  it('ignores text around the PEM, CRLF line ends and indentation (a PEM copied out of YAML or an e-mail)', async () => {
    const { pem } = await selfSignedCa({ name: 'CN=Indented Root', keyType: 'RSA 2048' });
    const indented = pem
      .trim()
      .split('\n')
      .map((line) => `      ${line}`)
      .join('\r\n');
    const pasted = `Hi, here is our CA:\r\n  ca: |\r\n${indented}\r\nRegards,\r\nIT -----END of message`;
    expect(await summaryOf(pasted)).toEqual(nodeSummary(pem));
  });

  it('finds nothing in text without a certificate block, a private key included', async () => {
    const keys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign']);
    const pkcs8 = Buffer.from(await crypto.subtle.exportKey('pkcs8', keys.privateKey)).toString('base64');
    expect(pemCertificates('')).toEqual([]);
    expect(pemCertificates('not a certificate at all')).toEqual([]);
    expect(pemCertificates(`-----BEGIN PRIVATE KEY-----\n${pkcs8}\n-----END PRIVATE KEY-----\n`)).toEqual([]);
    expect(pemCertificates('-----BEGIN CERTIFICATE-----\nMIIB but never ended')).toEqual([]);
  });

  it('refuses a certificate block that is not base64', () => {
    expect(() => pemCertificates('-----BEGIN CERTIFICATE-----\nnot*base64!\n-----END CERTIFICATE-----')).toThrow(
      'A certificate block is not valid base64.',
    );
  });

  it.each([
    ['text that is not DER', new TextEncoder().encode('hello, world: not DER')],
    ['no bytes at all', new Uint8Array()],
    ['random bytes', Uint8Array.from({ length: 64 }, (_, index) => (index * 89 + 17) % 256)],
  ])('refuses %s inside a certificate block', async (_, bytes) => {
    await expect(summarizeCertificate(bytes)).rejects.toThrow();
  });

  it('refuses a truncated certificate and a public key labelled as a certificate', async () => {
    const { der } = await selfSignedCa({ name: 'CN=Cut short' });
    await expect(summarizeCertificate(der.subarray(0, Math.floor(der.length / 2)))).rejects.toThrow();
    const keys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign']);
    const spki = new Uint8Array(await crypto.subtle.exportKey('spki', keys.publicKey));
    await expect(summarizeCertificate(spki)).rejects.toThrow('not a certificate');
  });

  it('fingerprints the certificate alone when its file ends in other bytes', async () => {
    const { pem, der } = await selfSignedCa({ name: 'CN=Trailing newline' });
    const withNewline = Uint8Array.from([...der, 0x0a]);
    expect((await summarizeCertificate(withNewline)).sha256).toBe(nodeSummary(pem).sha256);
  });

  it('turns a DER certificate into PEM that Node reads as the same certificate', async () => {
    const { pem, der } = await selfSignedCa({ name: 'CN=From DER', keyType: 'Ed25519' });
    const converted = derToPem(der);
    expect(converted).toMatch(/^-----BEGIN CERTIFICATE-----\n([A-Za-z0-9+/=]{1,64}\n)+-----END CERTIFICATE-----\n$/);
    expect(nodeSummary(converted)).toEqual(nodeSummary(pem));
    expect(await summaryOf(converted)).toEqual(nodeSummary(pem));
  });
});
