import { X509Certificate } from 'node:crypto';
import authentikRootPem from './authentik-root-x1.pem';

/** A set of trusted roots; `id` identifies the set for caches keyed by it. */
export interface TrustRoots {
  id: string;
  certificates: readonly X509Certificate[];
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

/** Every certificate in a PEM text, in order; throws when one is not a valid certificate. */
export function parsePemCertificates(text: string): X509Certificate[] {
  return (text.match(PEM_CERTIFICATE) ?? []).map((block) => new X509Certificate(block));
}

export function trustRootsOf(certificates: readonly X509Certificate[]): TrustRoots {
  const id = certificates.map((certificate) => certificate.fingerprint256).join(',');
  return { id, certificates };
}

let bundled: TrustRoots | undefined;

/** authentik's real licensing root, "Enterprise Licensing Root X1", bundled with the app. */
export function defaultTrustRoots(): TrustRoots {
  bundled ??= trustRootsOf(parsePemCertificates(authentikRootPem));
  return bundled;
}
