const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(text: string): boolean {
  return UUID.test(text);
}

/** Install IDs are UUIDs, compared case-insensitively; anything else must match exactly. */
export function sameInstallId(a: string, b: string): boolean {
  return isUuid(a) && isUuid(b) ? a.toLowerCase() === b.toLowerCase() : a === b;
}
