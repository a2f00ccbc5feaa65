/**
 * A time as DRF's `DateTimeField` renders it in authentik (TIME_ZONE UTC): ISO 8601 with `Z`, no fraction
 * when the microseconds are zero, else six digits — `2027-03-01T00:00:00Z`, `2026-05-06T10:00:00.250000Z`.
 */
export function drfDateTime(epochMs: number): string {
  const iso = new Date(epochMs).toISOString();
  const millis = iso.slice(20, 23);
  return millis === '000' ? `${iso.slice(0, 19)}Z` : `${iso.slice(0, 19)}.${millis}000Z`;
}
