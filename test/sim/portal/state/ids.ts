import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** A UUID (version 8, RFC 9562 "custom") derived from a name: the same seeded object gets the same id every run. */
export function seedId(name: string): string {
  const bytes = createHash('sha256').update(`portal-sim:${name}`).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x80;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A deterministic invitation token for seeded invitations. */
export function seedToken(name: string): string {
  return createHash('sha256').update(`portal-sim-token:${name}`).digest().subarray(0, 24).toString('base64url');
}

export function newId(): string {
  return randomUUID();
}

/** An unguessable invitation token (192 bits), URL-safe. */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(text: string): boolean {
  return UUID.test(text);
}
