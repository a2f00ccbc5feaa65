import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { describeCaPem, readCaFile } from '../../../renderer/store/ca-file';
import { createCaReader, type CaView } from '../../../renderer/store/ca-reader';
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

describe('the CA reader of an instance dialog', () => {
  function reader() {
    const shown: CaView[] = [];
    return { shown, ca: createCaReader((view) => shown.push(view)) };
  }

  it('shows nothing for an empty field, "reading", then what the text holds', async () => {
    const { shown, ca } = reader();
    await ca.pemChanged('  \n');
    await ca.pemChanged(root.pem);
    expect(shown).toEqual([
      { status: 'none' },
      { status: 'reading' },
      { status: 'read', certificates: [expect.objectContaining({ subject: 'O=Example, CN=Example Root CA' })] },
    ]);
  });

  it('drops the answer for text that was replaced while it was read: the field shows the newest text', async () => {
    const { shown, ca } = reader();
    const first = ca.pemChanged(root.pem);
    const second = ca.pemChanged(issuing.pem);
    await Promise.all([first, second]);
    expect(shown.filter((view) => view.status === 'read')).toEqual([
      { status: 'read', certificates: [expect.objectContaining({ subject: 'O=Example, CN=Example Issuing CA' })] },
    ]);
    expect(shown.at(-1)).toMatchObject({ status: 'read' });
  });

  it('shows a chosen file’s problem, and hands back the PEM of a good one for the form', async () => {
    const { shown, ca } = reader();
    expect(await ca.fileChosen(new File(['nope'], 'ca.pem'))).toBeNull();
    expect(shown).toEqual([{ status: 'problem', problem: expect.stringContaining('ca.pem holds no certificate') }]);
    expect(await ca.fileChosen(new File([root.der], 'root.cer'))).toMatch(/^-----BEGIN CERTIFICATE-----/);
  });

  it('shows nothing more once the dialog is gone', async () => {
    const { shown, ca } = reader();
    const reading = ca.pemChanged(root.pem);
    ca.cancelled();
    await reading;
    expect(shown).toEqual([{ status: 'reading' }]);
    const file = ca.fileChosen(new File([root.pem], 'root.pem'));
    ca.cancelled();
    expect(await file).toBeNull();
  });
});
