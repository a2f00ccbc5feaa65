import type { ReleaseRules } from '../../shared/license/authentik-rules';
import type { LicenseClaims } from '../../shared/license/verdict';
import { decodeBase64Url } from './base64';
import { jsonValueText } from './json-value-text';
import { readIntClaim } from './python-int';

export const MAX_KEY_BYTES = 64 * 1024;
export const AUDIENCE_PREFIX = 'enterprise.goauthentik.io/license/';
/** 9999-12-31T23:59:59Z, the largest `exp` a calendar date can show. */
export const MAX_EXP = 253402300799;

export interface ParsedKey {
  header: Record<string, unknown>;
  claims: LicenseClaims;
  installId: string;
  /** `iat` in Unix seconds, as PyJWT's `int()` reads it, when the key carries one. */
  issuedAt: number | null;
  /** `nbf` in Unix seconds, read the same way, when the key carries one. */
  notBefore: number | null;
  /** The bytes the signature covers: `header.payload` exactly as received. */
  signingInput: Buffer;
  signature: Buffer;
  detail: string;
}

export type ParseResult = { ok: true; key: ParsedKey } | { ok: false; detail: string };

type Json = Record<string, unknown>;

/** Why input over the key limit is not a key. */
export function oversizeDetail(bytes: number): string {
  return `the input is ${bytes} bytes, over the ${MAX_KEY_BYTES}-byte limit for a key`;
}

function fail(detail: string): ParseResult {
  return { ok: false, detail };
}

function parseJsonObject(segment: string): Json | null {
  const bytes = decodeBase64Url(segment);
  if (bytes === null) return null;
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : null;
  } catch {
    return null;
  }
}

/** A seat count as dacite's `int` check takes it: an integer, or a bool (Python's bool is an int: true is 1). */
function optionalCount(payload: Json, claim: string, notes: string[]): number | string {
  const value = payload[claim];
  if (value === undefined) return 0;
  if (typeof value === 'boolean') {
    notes.push(
      `the "${claim}" claim is ${String(value)}, which authentik reads as ${Number(value)} (a Python bool is an int)`,
    );
    return Number(value);
  }
  return Number.isSafeInteger(value) ? (value as number) : `the "${claim}" claim is not an integer`;
}

/** The flags from the one claim the release reads (`flags` before 2024.8, `license_flags` since); the other is ignored. */
function readFlags(payload: Json, claim: ReleaseRules['flagsClaim'], notes: string[]): string[] | string {
  const other = claim === 'flags' ? 'license_flags' : 'flags';
  if (payload[other] !== undefined)
    notes.push(`the "${other}" claim is ignored: this authentik release reads "${claim}"`);
  const value = payload[claim];
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((flag) => typeof flag === 'string')) {
    return `the "${claim}" claim is not a list of strings`;
  }
  return value as string[];
}

/** PyJWT ≥ 2.10's `_validate_sub` and `_validate_jti`: a string `sub`, a string or null `jti`, when present. */
function subAndJtiProblem(payload: Json): string | null {
  if (payload.sub !== undefined && typeof payload.sub !== 'string')
    return 'the "sub" claim is not a string, which the PyJWT of this authentik release refuses';
  if (payload.jti !== undefined && payload.jti !== null && typeof payload.jti !== 'string') {
    return 'the "jti" claim is not a string, which the PyJWT of this authentik release refuses';
  }
  return null;
}

/**
 * The `format` check: the key's shape and the claims authentik needs, nothing verified yet. The
 * release's rules say which flags claim is read and whether `sub` and `jti` must be strings.
 */
export function parseKey(key: string, rules: Pick<ReleaseRules, 'flagsClaim' | 'stringSubAndJti'>): ParseResult {
  if (key.length === 0) return fail('the input is empty');
  const size = Buffer.byteLength(key, 'utf8');
  if (size > MAX_KEY_BYTES) return fail(oversizeDetail(size));
  const segments = key.split('.');
  if (segments.length !== 3) return fail(`a key has 3 dot-separated parts; this input has ${segments.length}`);
  const [headerText, payloadText, signatureText] = segments as [string, string, string];
  const header = parseJsonObject(headerText);
  if (header === null) return fail('the header is not a base64url-encoded JSON object');
  const payload = parseJsonObject(payloadText);
  if (payload === null) return fail('the payload is not a base64url-encoded JSON object');
  const signature = decodeBase64Url(signatureText);
  if (signature === null) return fail('the signature part is not base64url');

  const { aud, exp, name } = payload;
  if (typeof aud !== 'string') return fail('the "aud" claim is missing or not a string');
  if (!aud.startsWith(AUDIENCE_PREFIX) || aud.length === AUDIENCE_PREFIX.length) {
    return fail(`the "aud" claim is not of the form ${AUDIENCE_PREFIX}<install id>`);
  }
  if (!Number.isSafeInteger(exp) || (exp as number) < 0 || (exp as number) > MAX_EXP) {
    return fail(`the "exp" claim is missing or not an integer between 0 and ${MAX_EXP}`);
  }
  if (typeof name !== 'string') return fail('the "name" claim is missing or not a string');
  const issuedAt = payload.iat === undefined ? null : readIntClaim('iat', payload.iat);
  if (issuedAt !== null && !issuedAt.ok) return fail(issuedAt.detail);
  const notBefore = payload.nbf === undefined ? null : readIntClaim('nbf', payload.nbf);
  if (notBefore !== null && !notBefore.ok) return fail(notBefore.detail);
  if (rules.stringSubAndJti) {
    const problem = subAndJtiProblem(payload);
    if (problem !== null) return fail(problem);
  }
  const notes = ['3 base64url parts; the header and claims are JSON'];
  const internalUsers = optionalCount(payload, 'internal_users', notes);
  if (typeof internalUsers === 'string') return fail(internalUsers);
  const externalUsers = optionalCount(payload, 'external_users', notes);
  if (typeof externalUsers === 'string') return fail(externalUsers);
  const flags = readFlags(payload, rules.flagsClaim, notes);
  if (typeof flags === 'string') return fail(flags);

  if (payload.users !== undefined && payload.internal_users === undefined) {
    // authentik's LicenseKey has no `users` field, so any value passes there; it is only shown here, briefly.
    notes.push(
      `the legacy "users" claim (${jsonValueText(payload.users)}) is ignored by authentik, which reads internal_users as 0`,
    );
  }
  return {
    ok: true,
    key: {
      header,
      claims: {
        name,
        aud,
        exp: exp as number,
        internal_users: internalUsers,
        external_users: externalUsers,
        license_flags: flags,
      },
      installId: aud.slice(AUDIENCE_PREFIX.length),
      issuedAt: issuedAt === null ? null : issuedAt.seconds,
      notBefore: notBefore === null ? null : notBefore.seconds,
      signingInput: Buffer.from(`${headerText}.${payloadText}`, 'ascii'),
      signature,
      detail: notes.join('; '),
    },
  };
}
