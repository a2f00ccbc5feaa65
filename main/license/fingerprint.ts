import { createHash } from 'node:crypto';

function sha256(text: string): string {
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
}

/** The one fingerprint of a key used everywhere: `sha256:` + hex SHA-256 of the trimmed key. */
export function keyFingerprint(key: string): string {
  return sha256(key.trim());
}

/**
 * What makes two keys one license: the same signed content, `header.payload` exactly as received,
 * whatever follows the last dot. A signature is not unique: ECDSA's (r, n−s) verifies wherever (r, s)
 * does, and authentik (PyJWT, then OpenSSL) accepts both, so anyone holding a key can make a second key
 * of the same license under another fingerprint. Duplicates and "already installed" compare this.
 */
export function licenseIdentity(key: string): string {
  const text = key.trim();
  const lastDot = text.lastIndexOf('.');
  return sha256(lastDot === -1 ? text : text.slice(0, lastDot));
}
