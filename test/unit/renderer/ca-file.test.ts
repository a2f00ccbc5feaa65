import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { describeCaPem, readCaFile } from '../../../renderer/store/ca-file';
import { selfSignedCa } from '../../pki/self-signed';

const root = await selfSignedCa({ name: 'O=Example, CN=Example Root CA', keyType: 'RSA 2048' });
const issuing = await selfSignedCa({ name: 'O=Example, CN=Example Issuing CA', keyType: 'ECDSA P-384' });
const fingerprint = (pem: string): string => new X509Certificate(pem).fingerprint256;

describe('a chosen CA file', () => {
  it('is taken as it is when it holds PEM, whatever its name says', async () => {
    expect(await readCaFile(new File([`\n${root.pem}\n\n`], 'root.crt'))).toEqual({ pem: root.pem.trim() });
  });

  it('is turned into PEM when it holds a DER certificate (.cer from Windows), the same certificate', async () => {
    const read = await readCaFile(new File([root.der], 'root.cer'));
    if (!('pem' in read)) throw new Error(read.problem);
    expect(read.pem).toMatch(/^-----BEGIN CERTIFICATE-----\n[\s\S]+\n-----END CERTIFICATE-----$/);
    expect(fingerprint(read.pem)).toBe(fingerprint(root.pem));
  });

  it('that holds no certificate is named in the problem, with what to choose instead', async () => {
    expect(await readCaFile(new File(['just some notes'], 'notes.txt'))).toEqual({
      problem: 'notes.txt holds no certificate: choose a PEM (-----BEGIN CERTIFICATE-----) or DER certificate file.',
    });
  });

  it('far larger than a CA certificate is refused without reading it', async () => {
    const huge = new File([new Uint8Array(200 * 1024)], 'disk.img');
    expect(await readCaFile(huge)).toEqual({ problem: 'disk.img is 200 KiB; a CA certificate file is a few KiB.' });
  });
});

describe('the PEM text of the CA field', () => {
  it('describes every certificate of a bundle, in order', async () => {
    const described = await describeCaPem(`${root.pem}${issuing.pem}`);
    expect(described).toEqual({
      certificates: [
        { subject: 'O=Example, CN=Example Root CA', notAfter: '2034-01-01T00:00:00Z', sha256: fingerprint(root.pem) },
        {
          subject: 'O=Example, CN=Example Issuing CA',
          notAfter: '2034-01-01T00:00:00Z',
          sha256: fingerprint(issuing.pem),
        },
      ],
    });
  });

  it('without a certificate block says what the text needs', async () => {
    expect(await describeCaPem('MIIB…')).toEqual({
      problem:
        'The CA is not a PEM certificate: it needs a -----BEGIN CERTIFICATE----- … -----END CERTIFICATE----- block.',
    });
  });

  it('with a broken block, among good ones, is refused as a whole, naming the block as main does', async () => {
    const broken = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n';
    expect(await describeCaPem(`${root.pem}${broken}`)).toEqual({
      problem: 'The CA’s certificate 2 of 2 cannot be read; copy it again from its PEM file.',
    });
    expect(await describeCaPem('-----BEGIN CERTIFICATE-----\n%%%\n-----END CERTIFICATE-----')).toEqual({
      problem: 'The CA’s certificate cannot be read; copy it again from its PEM file.',
    });
  });
});
