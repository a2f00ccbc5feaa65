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

/** A validity time as OpenSSL prints it, in ISO 8601; null for an impossible time, which OpenSSL prints as "Bad time value". */
function isoTime(printed: string): string | null {
  const ms = Date.parse(printed);
  return Number.isNaN(ms) ? null : toIsoUtc(ms);
}

/**
 * The certificate as shown, or why it cannot be: OpenSSL parses a certificate whose validity holds an
 * impossible time (a 13th month, say), while the ASN.1 parser of the `cryptography` library authentik
 * uses refuses it, so authentik can never load it. It is not a certificate of a chain then.
 */
export function describeCertificate(
  certificate: X509Certificate,
  role: CertificateInfo['role'],
): CertificateInfo | string {
  const validFrom = isoTime(certificate.validFrom);
  const validTo = isoTime(certificate.validTo);
  if (validFrom === null || validTo === null)
    return `its validity dates are not valid times ("${certificate.validFrom}" to "${certificate.validTo}")`;
  return {
    role,
    subject: oneLineName(certificate.subject),
    issuer: oneLineName(certificate.issuer),
    validFrom,
    validTo,
    sha256: certificate.fingerprint256,
  };
}
