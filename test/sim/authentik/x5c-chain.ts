import { X509Certificate, type KeyObject } from 'node:crypto';
import { pythonB64decode } from './python-base64';
import type { JsonObject } from './pyjwt';

/**
 * The chain walk's outcome: the leaf's key, a failure authentik catches ("Unable to verify license"),
 * or an exception it does not catch (HTTP 500).
 */
export type ChainWalk = { kind: 'trusted'; leafKey: KeyObject } | { kind: 'unable' } | { kind: 'crash' };

const UNABLE: ChainWalk = { kind: 'unable' };
const CRASH: ChainWalk = { kind: 'crash' };
const DER_SEQUENCE = 0x30;

/**
 * `load_der_x509_certificate(b64decode(entry))`; null for what authentik catches: a non-string entry
 * (TypeError), text that is not base64 (binascii.Error) or bytes that are not exactly one DER
 * certificate (ValueError — node would also take PEM, or ignore trailing bytes, so both are refused).
 */
function loadDer(entry: unknown): X509Certificate | null {
  if (typeof entry !== 'string') return null;
  const der = pythonB64decode(entry);
  if (der === null || der[0] !== DER_SEQUENCE) return null;
  try {
    const certificate = new X509Certificate(der);
    return certificate.raw.length === der.length ? certificate : null;
  } catch {
    return null;
  }
}

/**
 * cryptography's `Certificate.verify_directly_issued_by(parent)`: the child's issuer name equals the
 * parent's subject and the parent's key verifies the child's signature. No dates, basicConstraints,
 * keyUsage or path length are looked at.
 */
function directlyIssuedBy(child: X509Certificate, parent: X509Certificate): boolean {
  if (child.issuer !== parent.subject) return false;
  try {
    return child.verify(parent.publicKey);
  } catch {
    return false;
  }
}

/** Python's `len()` of a JSON value; null where it raises TypeError (None, a number, a bool). */
function pythonLen(value: unknown): number | null {
  if (typeof value === 'string') return [...value].length;
  if (Array.isArray(value)) return value.length;
  if (typeof value === 'object' && value !== null) return Object.keys(value).length;
  return null;
}

/**
 * authentik's chain walk in `LicenseKey.validate` (authentik/enterprise/license.py, unchanged from
 * 2023.10 to the newest release), step by step:
 *   x5c = headers.get("x5c", []); if len(x5c) < 1: "Unable to verify license"
 *   leaf = load(x5c[0]); intermediate = load(x5c[1])
 *   leaf.verify_directly_issued_by(intermediate); intermediate.verify_directly_issued_by(root)
 * `len()` of null or a number, `x5c[0]` of a non-empty object (KeyError) and `x5c[1]` of a one-entry
 * list whose entry is a certificate (IndexError) are not caught: HTTP 500. A string's first
 * character is never a certificate. Entries after `x5c[1]` are ignored. authentik has one root
 * (`enterprise/public.pem`); the simulator accepts an intermediate issued by any of `roots`.
 */
export function walkChain(header: JsonObject, roots: readonly X509Certificate[]): ChainWalk {
  const x5c = Object.hasOwn(header, 'x5c') ? header.x5c : [];
  const length = pythonLen(x5c);
  if (length === null) return CRASH;
  if (length < 1 || typeof x5c === 'string') return UNABLE;
  if (!Array.isArray(x5c)) return CRASH;
  const leaf = loadDer(x5c[0]);
  if (leaf === null) return UNABLE;
  if (x5c.length < 2) return CRASH;
  const intermediate = loadDer(x5c[1]);
  if (intermediate === null || !directlyIssuedBy(leaf, intermediate)) return UNABLE;
  if (!roots.some((root) => directlyIssuedBy(intermediate, root))) return UNABLE;
  return { kind: 'trusted', leafKey: leaf.publicKey };
}
