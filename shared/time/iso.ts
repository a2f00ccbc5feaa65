/** ISO 8601 in UTC with `Z`, without a fractional part when it is zero: `2027-03-01T00:00:00Z`. */
export function toIsoUtc(epochMs: number): string {
  return new Date(epochMs).toISOString().replace('.000Z', 'Z');
}
