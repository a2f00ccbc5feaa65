import { jsonValueText } from './json-value-text';

/** What Python's `int()` accepts in a string: optional whitespace and sign, ASCII digits, single underscores between digits. */
const INT_TEXT = /^\s*[+-]?\d+(?:_\d+)*\s*$/;

/** A time claim read as an integer, or why `int()` cannot read it. */
export type IntClaim = { ok: true; seconds: number } | { ok: false; detail: string };

/**
 * A time claim (`iat`, `nbf`) as PyJWT reads it: `int(value)` of the JSON value, in Unix seconds.
 * Integers, floats (cut toward zero), booleans (1 and 0) and strings of decimal digits pass. Any other
 * string raises ValueError, which authentik answers with "Unable to verify license"; null, a list or
 * an object raise TypeError, an HTTP 500 in authentik; a number too large for a float (JSON `1e400`)
 * raises OverflowError, likewise a 500. The keys judged malformed here are exactly these.
 * [U] PyJWT 2.6 to 2.9 run `int(iat)` only as a check and compare the raw value, so on those versions a
 * numeric string `iat` crashes the comparison instead (HTTP 500); docs/authentik-versions.md reads
 * `int(iat)` for the comparison, and so does this. Non-ASCII digits, which Python also reads, are not
 * accepted here.
 */
export function readIntClaim(claim: string, value: unknown): IntClaim {
  if (typeof value === 'boolean') return { ok: true, seconds: value ? 1 : 0 };
  if (typeof value === 'number') {
    return Number.isFinite(value)
      ? { ok: true, seconds: Math.trunc(value) }
      : { ok: false, detail: `the "${claim}" claim is a number too large to read` };
  }
  if (typeof value === 'string') {
    return INT_TEXT.test(value)
      ? { ok: true, seconds: Number(value.replace(/_/g, '').trim()) }
      : { ok: false, detail: `the "${claim}" claim ${jsonValueText(value)} is not an integer` };
  }
  const kind = value === null ? 'null' : Array.isArray(value) ? 'a list' : 'an object';
  return { ok: false, detail: `the "${claim}" claim is ${kind}, not an integer (authentik fails on it with HTTP 500)` };
}
