import { describe, expect, it } from 'vitest';
import { caPemProblem } from '../../../../main/instances/ca-pem';
import {
  caCertificateBlocks,
  caCertificateProblem,
  caUnreadableMessage,
} from '../../../../shared/instances/validation';
import { selfSignedCa } from '../../../pki/self-signed';

const root = await selfSignedCa({ name: 'O=Example, CN=Example Root CA', keyType: 'ECDSA P-256' });
const issuing = await selfSignedCa({ name: 'O=Example, CN=Example Issuing CA', keyType: 'ECDSA P-256' });
const BROKEN = '-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n';
const NOT_PEM =
  'The CA is not a PEM certificate: it needs a -----BEGIN CERTIFICATE----- … -----END CERTIFICATE----- block.';

describe('an extra CA certificate (the shared rule: its shape)', () => {
  it('accepts one PEM certificate or a bundle, with text around them', () => {
    expect(caCertificateProblem(root.pem)).toBeNull();
    expect(caCertificateProblem(`Root:\n${root.pem}\nIssuing:\n${issuing.pem}`)).toBeNull();
    expect(caCertificateBlocks(`${root.pem}${issuing.pem}`)).toHaveLength(2);
  });

  it.each(['', 'hello', 'MIIBkTCB+wIJAK…', '-----BEGIN CERTIFICATE-----\nMIIB…'])(
    'refuses %j: no PEM block',
    (text) => {
      expect(caCertificateProblem(text)).toBe(NOT_PEM);
    },
  );

  it('refuses more than 64 KiB', () => {
    const padded = `${root.pem}${'#'.repeat(64 * 1024)}`;
    expect(caCertificateProblem(padded)).toBe(
      'A CA certificate is far smaller than 64 KiB; give only the certificate(s) to trust.',
    );
  });

  it('names an unreadable certificate by number only in a bundle', () => {
    expect(caUnreadableMessage(0, 1)).toBe('The CA’s certificate cannot be read; copy it again from its PEM file.');
    expect(caUnreadableMessage(1, 3)).toBe(
      'The CA’s certificate 2 of 3 cannot be read; copy it again from its PEM file.',
    );
  });
});

describe('an extra CA certificate in main (the shared rule, then each certificate parsed)', () => {
  it('accepts readable certificates', () => {
    expect(caPemProblem(`${root.pem}${issuing.pem}`)).toBeNull();
  });

  it('refuses by the shared rule first', () => {
    expect(caPemProblem('hello')).toBe(NOT_PEM);
  });

  it('refuses a block that is no X.509 certificate, naming it in a bundle', () => {
    expect(caPemProblem(BROKEN)).toBe(caUnreadableMessage(0, 1));
    expect(caPemProblem(`${root.pem}${BROKEN}`)).toBe(caUnreadableMessage(1, 2));
  });
});
