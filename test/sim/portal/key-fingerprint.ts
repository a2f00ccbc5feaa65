import { createHash } from 'node:crypto';

/**
 * The portal's fingerprint of a license key, as the app shows and compares it: `sha256:` and the hex
 * SHA-256 of the key's UTF-8 text without surrounding whitespace.
 */
export function keyFingerprint(key: string): string {
  return `sha256:${createHash('sha256').update(key.trim(), 'utf8').digest('hex')}`;
}
