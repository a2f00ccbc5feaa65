import { decodeBase64Url } from '../../../main/license/base64';
import { verifyChain } from '../../../main/license/chain';
import { AUDIENCE_PREFIX } from '../../../main/license/parse-key';
import type { TrustRoots } from '../../../main/license/trust-roots';
import { verifyKey } from '../../../main/license/verify-key';
import type { LicenseClaims } from '../../../shared/license/verdict';

export const UNABLE_TO_VERIFY = 'Unable to verify license';
export const INVALID_INSTALL_ID = 'Invalid Install ID in license';

/** The outcome of authentik's `LicenseKey.validate(key)` as the API reports it. */
export type KeyValidation =
  | { ok: true; claims: LicenseClaims }
  | { ok: false; status: 400; message: typeof UNABLE_TO_VERIFY | typeof INVALID_INSTALL_ID }
  | { ok: false; status: 500 };

export interface KeyValidationContext {
  roots: TrustRoots;
  installId: string;
  now: number;
}

const unable: KeyValidation = { ok: false, status: 400, message: UNABLE_TO_VERIFY };
const invalidInstallId: KeyValidation = { ok: false, status: 400, message: INVALID_INSTALL_ID };

function jsonObject(segment: string | undefined): Record<string, unknown> | null {
  const bytes = segment === undefined ? null : decodeBase64Url(segment);
  if (bytes === null) return null;
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * authentik's rules (authentik/enterprise/license.py, `LicenseKey.validate`), in its order:
 * 1. the header must decode (PyJWT `get_unverified_header`), else "Unable to verify license";
 * 2. `x5c` must hold an entry, else "Unable to verify license" — with exactly one entry authentik reads
 *    `x5c[1]` and crashes: HTTP 500, reproduced here;
 * 3. leaf ← intermediate ← root, directly issued, else "Unable to verify license";
 * 4. PyJWT `decode` (signature, algorithm, audience, expiry, nbf); on ANY failure authentik re-reads the
 *    UNVERIFIED `aud`: when it differs from this install's audience the message is "Invalid Install ID in
 *    license" (so an expired or tampered key for another install says so), else "Unable to verify license".
 * The cryptographic decision is `verifyKey`'s. Known simplifications, each a 500 in authentik and a
 * "Unable to verify license" here: an `x5c` that is not a list, a payload that is not JSON (the unverified
 * re-read fails), a key without `aud` (KeyError on the re-read), and a verified key missing `name`/`exp` or
 * with mistyped claims (dacite's `from_dict` fails).
 */
export function validateLicenseKey(key: string, context: KeyValidationContext): KeyValidation {
  const audience = `${AUDIENCE_PREFIX}${context.installId}`;
  const segments = key.split('.');
  if (segments.length < 3) return unable;
  const header = jsonObject(segments[0]);
  if (header === null) return unable;

  const x5c = header.x5c ?? [];
  if (Array.isArray(x5c) && x5c.length === 1) return { ok: false, status: 500 };
  if (!Array.isArray(x5c) || x5c.length < 1) return unable;
  if (!verifyChain(x5c, context.roots).ok) return unable;

  const verdict = verifyKey(key, { roots: context.roots, at: context.now, installId: context.installId });
  // PyJWT compares the audience exactly; verifyKey compares UUIDs case-insensitively.
  if (verdict.valid && verdict.claims !== null && verdict.claims.aud === audience) return { ok: true, claims: verdict.claims };

  const unverifiedAud = jsonObject(segments[1])?.aud;
  if (unverifiedAud === undefined) return unable;
  return unverifiedAud !== audience ? invalidInstallId : unable;
}
