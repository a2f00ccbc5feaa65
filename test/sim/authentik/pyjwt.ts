import { verify, type KeyObject } from 'node:crypto';
import { pyjwtBase64UrlDecode } from './python-base64';

export type JsonObject = Record<string, unknown>;

/** A token as PyJWT's `PyJWS._load` splits it; the payload is not parsed yet. */
export interface LoadedJwt {
  header: JsonObject;
  payload: Buffer;
  signingInput: Buffer;
  signature: Buffer;
}

/**
 * A decode's outcome: the claims, a `PyJWTError` (which authentik catches), or another exception
 * (`TypeError`, a `DecodeError` raised inside authentik's `except` block) that authentik lets through
 * as HTTP 500.
 */
export type Decoded = { ok: true; payload: JsonObject } | { ok: false; failure: 'pyjwt' | 'crash' };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const PYJWT_ERROR: Decoded = { ok: false, failure: 'pyjwt' };
const CRASH: Decoded = { ok: false, failure: 'crash' };
const DOT = 0x2e;

/** `json.loads(bytes)` when it gives a dict (PyJWT requires one for the header and the payload), else null. */
function jsonObject(bytes: Buffer | null): JsonObject | null {
  if (bytes === null) return null;
  try {
    const value: unknown = JSON.parse(utf8.decode(bytes));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : null;
  } catch {
    return null;
  }
}

/**
 * `PyJWS._load` plus `_validate_headers`, what `get_unverified_header` runs: the signing input is everything
 * before the LAST dot and the header everything before the first, each segment decoded leniently
 * (python-base64.ts); the header must be a JSON object and a `kid` a string. null is a `DecodeError` /
 * `InvalidTokenError`.
 */
export function loadJwt(token: string): LoadedJwt | null {
  const bytes = Buffer.from(token, 'utf8');
  const lastDot = bytes.lastIndexOf(DOT);
  const signingInput = bytes.subarray(0, Math.max(lastDot, 0));
  const firstDot = signingInput.indexOf(DOT);
  if (lastDot < 0 || firstDot < 0) return null;
  const header = jsonObject(pyjwtBase64UrlDecode(signingInput.subarray(0, firstDot)));
  const payload = pyjwtBase64UrlDecode(signingInput.subarray(firstDot + 1));
  const signature = pyjwtBase64UrlDecode(bytes.subarray(lastDot + 1));
  if (header === null || payload === null || signature === null) return null;
  if (header.kid !== undefined && header.kid !== null && typeof header.kid !== 'string') return null;
  return { header, payload, signingInput, signature };
}

/** `decode(jwt, options={"verify_signature": False})`: the payload, or a `DecodeError`. */
export function decodeUnverified(jwt: LoadedJwt): JsonObject | null {
  return jsonObject(jwt.payload);
}

/** Python's `int(x)` for a JSON value: a truncated number, a bool, an integer string; or the exception it raises. */
function pythonInt(value: unknown): number | 'ValueError' | 'TypeError' {
  if (typeof value === 'number') return Math.trunc(value);
  if (typeof value === 'boolean') return Number(value);
  if (typeof value !== 'string') return 'TypeError';
  return /^\s*[+-]?\d+(?:_\d+)*\s*$/.test(value) ? Number(value.replaceAll('_', '').trim()) : 'ValueError';
}

/** Python's truthiness of a JSON value. */
function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object' && value !== null) return Object.keys(value).length > 0;
  return value !== null && value !== undefined && value !== false && value !== 0 && value !== '';
}

export interface DecodeOptions {
  /** The leaf certificate's public key. */
  key: KeyObject;
  algorithms: readonly string[];
  audience: string;
  /** Epoch ms. */
  now: number;
  /** PyJWT ≥ 2.10's `_validate_sub` / `_validate_jti`. */
  stringSubAndJti: boolean;
}

/**
 * PyJWT's `_validate_claims` with leeway 0 and no required claims, in its order: `iat` (`int()` — since
 * PyJWT 2.7, #847, so a numeric string passes; a non-numeric string is InvalidIssuedAtError, a future
 * one ImmatureSignatureError — PyJWT ≥ 2.6, #794),
 * `nbf` (future: ImmatureSignatureError), `exp` (`exp <= now`: ExpiredSignatureError), then `aud`
 * (present and truthy, a string or a list of strings that contains the audience, compared exactly),
 * then (PyJWT ≥ 2.10) a string `sub` and a string-or-null `jti`. `int()` of null, a list or an object
 * raises TypeError, which is no PyJWTError.
 */
function validateClaims(payload: JsonObject, options: DecodeOptions): Decoded {
  for (const claim of ['iat', 'nbf', 'exp'] as const) {
    if (!Object.hasOwn(payload, claim)) continue;
    const value = pythonInt(payload[claim]);
    if (value === 'TypeError') return CRASH;
    if (value === 'ValueError') return PYJWT_ERROR;
    const seconds = value * 1000;
    if (claim === 'exp' ? seconds <= options.now : seconds > options.now) return PYJWT_ERROR;
  }
  const aud = payload.aud;
  if (!truthy(aud)) return PYJWT_ERROR;
  const audiences = typeof aud === 'string' ? [aud] : aud;
  if (
    !Array.isArray(audiences) ||
    audiences.some((entry) => typeof entry !== 'string') ||
    !audiences.includes(options.audience)
  )
    return PYJWT_ERROR;
  if (options.stringSubAndJti) {
    if (Object.hasOwn(payload, 'sub') && typeof payload.sub !== 'string') return PYJWT_ERROR;
    if (payload.jti !== undefined && payload.jti !== null && typeof payload.jti !== 'string') return PYJWT_ERROR;
  }
  return { ok: true, payload };
}

/**
 * `decode(jwt, key, algorithms=…, audience=…)`: the header's `alg` must be one of `algorithms`
 * (InvalidAlgorithmError), the key an EC key (InvalidKeyError), the signature raw r‖s of the key's
 * size over `header.payload`, hashed with SHA-512 for ES512 and SHA-384 for ES384 — whatever the
 * curve; then the payload must be a JSON object and its claims valid.
 */
export function decodeVerified(jwt: LoadedJwt, options: DecodeOptions): Decoded {
  const alg = jwt.header.alg;
  if (typeof alg !== 'string' || !options.algorithms.includes(alg)) return PYJWT_ERROR;
  if (options.key.asymmetricKeyType !== 'ec') return PYJWT_ERROR;
  const hash = alg === 'ES384' ? 'sha384' : 'sha512';
  let verified: boolean;
  try {
    verified = verify(hash, jwt.signingInput, { key: options.key, dsaEncoding: 'ieee-p1363' }, jwt.signature);
  } catch {
    verified = false;
  }
  if (!verified) return PYJWT_ERROR;
  const payload = jsonObject(jwt.payload);
  return payload === null ? PYJWT_ERROR : validateClaims(payload, options);
}
