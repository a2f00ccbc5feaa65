import { X509Certificate, type KeyObject } from 'node:crypto';
import { decodeStandardBase64 } from './base64';
import { commonName, describeCertificate, type CertificateInfo } from './certificate-info';
import type { TrustRoots } from './trust-roots';

/** The `chain` check's outcome; `signerKey` is the leaf's public key once the chain is trusted. */
export interface ChainVerdict {
  ok: boolean;
  detail: string;
  signerKey: KeyObject | null;
  certificates: CertificateInfo[];
}

const CACHE_LIMIT = 512;
/** Verdicts keyed by trust-root set and the exact `x5c[0]`/`x5c[1]` strings; least recently used first. */
const cache = new Map<string, ChainVerdict>();

function untrusted(detail: string, certificates: CertificateInfo[] = []): ChainVerdict {
  return { ok: false, detail, signerKey: null, certificates };
}

/** authentik's "directly issued by": the issuer name equals the parent's subject and the parent's key signed it. */
function directlyIssuedBy(child: X509Certificate, parent: X509Certificate): boolean {
  if (child.issuer !== parent.subject) return false;
  try {
    return child.verify(parent.publicKey);
  } catch {
    return false;
  }
}

interface Entry {
  certificate: X509Certificate;
  info: CertificateInfo;
}

function parseEntry(entry: unknown, index: 0 | 1): Entry | string {
  if (typeof entry !== 'string') return `x5c[${index}] is not a string`;
  const der = decodeStandardBase64(entry);
  if (der === null) return `x5c[${index}] is not standard base64 (authentik does not accept base64url here)`;
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(der);
  } catch {
    return `x5c[${index}] is not a DER-encoded X.509 certificate`;
  }
  const info = describeCertificate(certificate, index === 0 ? 'signer' : 'intermediate');
  return typeof info === 'string' ? `x5c[${index}] cannot be read: ${info}` : { certificate, info };
}

function evaluate(x5c: readonly unknown[], roots: TrustRoots): ChainVerdict {
  const signerEntry = parseEntry(x5c[0], 0);
  if (typeof signerEntry === 'string') return untrusted(signerEntry);
  const intermediateEntry = parseEntry(x5c[1], 1);
  if (typeof intermediateEntry === 'string') return untrusted(intermediateEntry);
  const { certificate: signer } = signerEntry;
  const { certificate: intermediate } = intermediateEntry;
  const certificates = [signerEntry.info, intermediateEntry.info];
  if (!directlyIssuedBy(signer, intermediate)) {
    return untrusted(
      `the signing certificate (${commonName(signer)}) was not issued by the intermediate (${commonName(intermediate)}) that follows it in x5c`,
      certificates,
    );
  }
  const root = roots.certificates.find((candidate) => directlyIssuedBy(intermediate, candidate));
  if (root === undefined) {
    const trusted = roots.certificates.map(commonName).join('; ') || 'none';
    return untrusted(
      `the intermediate (${commonName(intermediate)}) was not issued by a trusted root (trusted: ${trusted})`,
      certificates,
    );
  }
  const rootInfo = describeCertificate(root, 'root');
  if (typeof rootInfo === 'string')
    return untrusted(`the trusted root (${commonName(root)}) cannot be read: ${rootInfo}`, certificates);
  certificates.push(rootInfo);
  return {
    ok: true,
    detail: `${commonName(signer)} ← ${commonName(intermediate)} ← ${commonName(root)} (trusted root ${root.fingerprint256}); certificate dates are not checked, as in authentik`,
    signerKey: signer.publicKey,
    certificates,
  };
}

/** The `chain` check: `x5c[0]` directly issued by `x5c[1]`, directly issued by a trusted root. Cached. */
export function verifyChain(x5c: unknown, roots: TrustRoots): ChainVerdict {
  if (x5c === undefined) return untrusted('the header has no "x5c" certificate list');
  if (!Array.isArray(x5c)) return untrusted('the header\'s "x5c" is not a list');
  if (x5c.length < 2) {
    return untrusted(
      `"x5c" holds ${x5c.length} certificate(s); authentik needs the signing certificate and its intermediate`,
    );
  }
  const [signerEntry, intermediateEntry] = x5c as unknown[];
  if (typeof signerEntry !== 'string' || typeof intermediateEntry !== 'string') return evaluate(x5c, roots);
  const cacheKey = `${roots.id}\n${signerEntry}\n${intermediateEntry}`;
  const hit = cache.get(cacheKey);
  if (hit !== undefined) {
    cache.delete(cacheKey);
    cache.set(cacheKey, hit);
    return hit;
  }
  const verdict = evaluate(x5c, roots);
  cache.set(cacheKey, verdict);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  return verdict;
}
