import type { JsonObject } from './pyjwt';
import type { VersionRules } from './versions';

/** authentik's `LicenseKey` dataclass: what a verified key gives the `License` row and the summary. */
export interface LicenseKeyClaims {
  aud: string;
  exp: number;
  name: string;
  internal_users: number;
  external_users: number;
  /** The flags claim (`flags` before 2024.8, `license_flags` from 2024.8). */
  license_flags: string[];
}

/** Python's `isinstance(value, int)` for a JSON value (a bool is an int in Python). */
function isPythonInt(value: unknown): value is number | boolean {
  return (typeof value === 'number' && Number.isInteger(value)) || typeof value === 'boolean';
}

function optionalInt(payload: JsonObject, field: string): number | null {
  if (!Object.hasOwn(payload, field)) return 0;
  const value = payload[field];
  return isPythonInt(value) ? Number(value) : null;
}

/**
 * dacite's `from_dict(LicenseKey, claims)` with its default type checks: `aud: str`, `exp: int` and
 * `name: str` are required; `internal_users`/`external_users: int = 0`; the flags a list (read as
 * strings: how dacite treats the `LicenseFlags` enum is not settled by the sources). Other claims are
 * ignored. null is a DaciteError, which authentik does not catch (HTTP 500). The flags field is `flags`
 * before 2024.8 and `license_flags` from 2024.8. A float with a zero fraction (`100.0`) is an int here,
 * as JSON.parse cannot tell it apart.
 */
export function licenseKeyFrom(payload: JsonObject, rules: VersionRules): LicenseKeyClaims | null {
  const { aud, exp, name } = payload;
  if (typeof aud !== 'string' || !isPythonInt(exp) || typeof name !== 'string') return null;
  const internalUsers = optionalInt(payload, 'internal_users');
  const externalUsers = optionalInt(payload, 'external_users');
  const flagsField = rules.statusApi ? 'license_flags' : 'flags';
  const flags = Object.hasOwn(payload, flagsField) ? payload[flagsField] : [];
  if (internalUsers === null || externalUsers === null) return null;
  if (!Array.isArray(flags) || !flags.every((flag) => typeof flag === 'string')) return null;
  return {
    aud,
    exp: Number(exp),
    name,
    internal_users: internalUsers,
    external_users: externalUsers,
    license_flags: flags,
  };
}
