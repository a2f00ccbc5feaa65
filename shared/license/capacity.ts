import type { AuthentikRules } from './authentik-rules';

/** One license's expiry (epoch ms) and licensed seats. */
export interface LicenseCapacity {
  expiresAt: number;
  internalUsers: number;
  externalUsers: number;
}

/** A pair of user counts: licensed capacity or current usage. */
export interface UserCounts {
  internalUsers: number;
  externalUsers: number;
}

/** Usage above the seats, compared as authentik compares them: strictly greater, in either count. */
export function exceeds(usage: UserCounts, capacity: UserCounts): boolean {
  return usage.internalUsers > capacity.internalUsers || usage.externalUsers > capacity.externalUsers;
}

/** The rules to judge by and the instant to judge at: which licenses count as expired depends on both. */
export interface RulesAt {
  rules: AuthentikRules;
  /** Epoch ms. */
  now: number;
}

/** Whether a license still counts as unexpired in `get_total()` (`expiry__gte=now()`; the `>=` is [U] after #14451). */
function unexpired(license: LicenseCapacity, now: number): boolean {
  return license.expiresAt >= now;
}

/**
 * The combined expiry authentik's `LicenseKey.get_total()` computes: the latest expiry of all licenses
 * (2024.8 and later), or the earliest among the unexpired ones (before 2024.8); null when there is none.
 */
export function combinedExpiry(licenses: readonly LicenseCapacity[], at: RulesAt): number | null {
  const earliestUnexpired = at.rules.combinedExpiry === 'earliest_unexpired';
  let combined: number | null = null;
  for (const license of licenses) {
    if (earliestUnexpired) {
      if (unexpired(license, at.now) && (combined === null || license.expiresAt < combined))
        combined = license.expiresAt;
    } else if (combined === null || license.expiresAt > combined) {
      combined = license.expiresAt;
    }
  }
  return combined;
}

/**
 * The licensed seats authentik's `LicenseKey.get_total()` sums: every license's (2024.8 to 2025.4.0), or
 * only the unexpired licenses' (before 2024.8, and again from 2025.4.1).
 */
export function licensedCapacity(licenses: readonly LicenseCapacity[], at: RulesAt): UserCounts {
  let internalUsers = 0;
  let externalUsers = 0;
  for (const license of licenses) {
    if (!at.rules.expiredSeatsCount && !unexpired(license, at.now)) continue;
    internalUsers += license.internalUsers;
    externalUsers += license.externalUsers;
  }
  return { internalUsers, externalUsers };
}
