import { createHash } from 'node:crypto';

/** The one fingerprint of a key used everywhere: `sha256:` + hex SHA-256 of the trimmed key. */
export function keyFingerprint(key: string): string {
  return `sha256:${createHash('sha256').update(key.trim(), 'utf8').digest('hex')}`;
}
