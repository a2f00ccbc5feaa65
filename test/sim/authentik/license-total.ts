import type { StoredLicense } from './license-store';
import type { VersionRules } from './versions';

/** `LicenseKey.get_total()`: the licensed seats, the combined expiry (Unix seconds, 0 for none), the flags. */
export interface LicenseTotal {
  internalUsers: number;
  externalUsers: number;
  exp: number;
  flags: string[];
}

/**
 * `LicenseKey.get_total()` per release (versions.ts `seats` and `expiry`). `exp` is
 * `int(mktime(lic.expiry.timetuple()))`, the key's `exp` again on a UTC server. A license counts as
 * unexpired while `expiry >= now()` (the 2023.10–2024.6 filter `expiry__gte=now()`; the comparison
 * #14451 uses is not settled by the sources, the same one is taken).
 *   2023.10–2024.6:      unexpired licenses only: their seats, their earliest expiry, their flags.
 *   2024.8 → 2025.4.0:   every license: all seats, the latest expiry, all flags.
 *   #14451 (2025.4.1 →): every license for the latest expiry and the flags; seats of unexpired ones only.
 */
export function licenseTotal(licenses: readonly StoredLicense[], rules: VersionRules, now: number): LicenseTotal {
  const unexpired = (license: StoredLicense): boolean => license.claims.exp * 1000 >= now;
  const visited = rules.expiry === 'earliest-unexpired' ? licenses.filter(unexpired) : licenses;
  const total: LicenseTotal = { internalUsers: 0, externalUsers: 0, exp: 0, flags: [] };
  for (const license of visited) {
    const { claims } = license;
    if (rules.seats === 'all' || unexpired(license)) {
      total.internalUsers += claims.internal_users;
      total.externalUsers += claims.external_users;
    }
    if (total.exp === 0) total.exp = claims.exp;
    total.exp = rules.expiry === 'latest' ? Math.max(total.exp, claims.exp) : Math.min(total.exp, claims.exp);
    total.flags.push(...claims.license_flags);
  }
  return total;
}
