import type { X509Certificate } from 'node:crypto';
import { toIsoUtc } from '../../shared/time/iso';

/** What a person is shown of one certificate in a chain; dates are information, never checked. */
export interface CertificateInfo {
  role: 'signer' | 'intermediate' | 'root';
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  sha256: string;
}

/** OpenSSL prints names one attribute per line; people read them on one line. */
export function oneLineName(name: string): string {
  return name.split('\n').filter(Boolean).join(', ');
}

export function commonName(certificate: X509Certificate): string {
  const cn = certificate.subject.split('\n').find((part) => part.startsWith('CN='));
  return cn ?? oneLineName(certificate.subject);
}

export function describeCertificate(certificate: X509Certificate, role: CertificateInfo['role']): CertificateInfo {
  return {
    role,
    subject: oneLineName(certificate.subject),
    issuer: oneLineName(certificate.issuer),
    validFrom: toIsoUtc(Date.parse(certificate.validFrom)),
    validTo: toIsoUtc(Date.parse(certificate.validTo)),
    sha256: certificate.fingerprint256,
  };
}
