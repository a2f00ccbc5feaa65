/**
 * A JSON value from an unverified key, shown in a message. A string or a number shows itself (a string
 * cut at 40 characters); a list or an object only its kind: serialising one a hostile key nested
 * thousands deep overflows the stack, and a long one would flood the output.
 */
export function jsonValueText(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return Array.isArray(value) ? 'a list' : 'an object';
}
