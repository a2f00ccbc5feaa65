import type { X509Certificate } from 'node:crypto';
import { licenseKeyFrom, type LicenseKeyClaims } from './license-claims';
import { decodeUnverified, decodeVerified, loadJwt } from './pyjwt';
import type { VersionRules } from './versions';
import { walkChain } from './x5c-chain';

export const UNABLE_TO_VERIFY = 'Unable to verify license';
export const INVALID_INSTALL_ID = 'Invalid Install ID in license';
/** `get_license_aud()`: this prefix and `get_unique_identifier()`, the Install ID. */
const AUDIENCE_PREFIX = 'enterprise.goauthentik.io/license/';

/** The outcome of authentik's `LicenseKey.validate(key)` as the API reports it. */
export type KeyValidation =
  | { ok: true; claims: LicenseKeyClaims }
  | { ok: false; status: 400; message: typeof UNABLE_TO_VERIFY | typeof INVALID_INSTALL_ID }
  | { ok: false; status: 500 };

export interface KeyValidationContext {
  roots: readonly X509Certificate[];
  installId: string;
  /** Epoch ms. */
  now: number;
  rules: VersionRules;
}

const unable: KeyValidation = { ok: false, status: 400, message: UNABLE_TO_VERIFY };
const invalidInstallId: KeyValidation = { ok: false, status: 400, message: INVALID_INSTALL_ID };
const serverError: KeyValidation = { ok: false, status: 500 };

/**
 * `LicenseKey.validate(jwt)` as `LicenseSerializer.validate_key` calls it (authentik/enterprise/license.py):
 * 1. `get_unverified_header` (pyjwt.ts `loadJwt`), else "Unable to verify license";
 * 2. the x5c chain walk (x5c-chain.ts);
 * 3. `decode(jwt, leaf key, algorithms, audience)` (pyjwt.ts `decodeVerified`): algorithms per release
 *    (versions.ts), signature, iat/nbf/exp, the exact audience;
 * 4. on a PyJWTError: before 2024.8 "Unable to verify license"; from 2024.8 authentik decodes again
 *    unverified and answers "Invalid Install ID in license" when `unverified["aud"] != get_license_aud()`
 *    (so an expired or tampered key for another install says so), else "Unable to verify license". That
 *    re-read raises uncaught — HTTP 500 — when the payload is not a JSON object or has no `aud`;
 * 5. dacite's `from_dict` (license-claims.ts); a missing or mistyped claim is HTTP 500.
 */
export function validateLicenseKey(key: string, context: KeyValidationContext): KeyValidation {
  const jwt = loadJwt(key);
  if (jwt === null) return unable;
  const chain = walkChain(jwt.header, context.roots);
  if (chain.kind !== 'trusted') return chain.kind === 'crash' ? serverError : unable;
  const audience = `${AUDIENCE_PREFIX}${context.installId}`;
  const decoded = decodeVerified(jwt, {
    key: chain.leafKey,
    algorithms: context.rules.algorithms,
    audience,
    now: context.now,
    stringSubAndJti: context.rules.stringSubAndJti,
  });
  if (!decoded.ok) {
    if (decoded.failure === 'crash') return serverError;
    if (!context.rules.statusApi) return unable;
    const unverified = decodeUnverified(jwt);
    if (unverified === null || !Object.hasOwn(unverified, 'aud')) return serverError;
    return unverified.aud !== audience ? invalidInstallId : unable;
  }
  const claims = licenseKeyFrom(decoded.payload, context.rules);
  return claims === null ? serverError : { ok: true, claims };
}

/**
 * What a `License` row is made of when it is saved without the API (the simulator's `addLicense`): the
 * `pre_save` signal reads the key through `License.status`, which from 2024.8 is
 * `LicenseKey.validate(key, check_expiry=False)` — the chain walk, then PyJWT with
 * `verify_signature=False` (so no algorithm, signature, date or audience check) and dacite. Before
 * 2024.8 `License.status` validated fully, so an expired key could not be saved; here it can, standing
 * for a key installed while it was valid. null when authentik would refuse to store the key.
 */
export function readInstalledKey(
  key: string,
  context: Pick<KeyValidationContext, 'roots' | 'rules'>,
): LicenseKeyClaims | null {
  const jwt = loadJwt(key);
  if (jwt === null || walkChain(jwt.header, context.roots).kind !== 'trusted') return null;
  const payload = decodeUnverified(jwt);
  return payload === null ? null : licenseKeyFrom(payload, context.rules);
}
