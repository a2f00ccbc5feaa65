const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(text: string): boolean {
  return UUID.test(text);
}

/**
 * An Install ID a person typed, as authentik writes it: lower case (Python's `str(uuid)`). authentik
 * compares a key's `aud` with it exactly, so typed IDs are normalised before they are compared.
 */
export function normalisedInstallId(typed: string): string {
  return typed.trim().toLowerCase();
}

/** Whether two Install IDs the app holds name the same installation: UUIDs in any case; anything else exactly. */
export function sameInstallId(a: string, b: string): boolean {
  return isUuid(a) && isUuid(b) ? a.toLowerCase() === b.toLowerCase() : a === b;
}
