import { WEEK_MS } from '../time/durations';
import type { LicenseCapacity, UserCounts } from './capacity';

/** Values of authentik's `LicenseUsageStatus` (the `status` of `/enterprise/license/summary/`). */
export const AUTHENTIK_STATUSES = [
  'unlicensed',
  'valid',
  'expired',
  'expiry_soon',
  'limit_exceeded_admin',
  'limit_exceeded_user',
  'read_only',
] as const;

export type AuthentikStatus = (typeof AUTHENTIK_STATUSES)[number];

// Thresholds from authentik/enterprise/models.py.
const ADMIN_WARNING_MS = 2 * WEEK_MS;
const USER_WARNING_MS = 4 * WEEK_MS;
const EXPIRY_WARNING_MS = 2 * WEEK_MS;
const READ_ONLY_MS = 6 * WEEK_MS;

export interface AuthentikStatusInput {
  /** Every installed license, expired ones included (authentik sums them all). */
  licenses: readonly LicenseCapacity[];
  /** Current active user counts; null when unknown (the capacity check is then skipped). */
  usage: UserCounts | null;
  /** Time (epoch ms) of the newest usage record whose status was `valid`; null means never (epoch). */
  lastValid: number | null;
  now: number;
}

/** Latest expiry among the licenses, as authentik's `LicenseKey.get_total()` takes it; null when none. */
export function combinedExpiry(licenses: readonly LicenseCapacity[]): number | null {
  let latest: number | null = null;
  for (const license of licenses) {
    if (latest === null || license.expiresAt > latest) latest = license.expiresAt;
  }
  return latest;
}

/** Summed capacity of every license given (expired ones too), as authentik's `LicenseKey.get_total()` sums it. */
export function licensedCapacity<License extends UserCounts>(licenses: readonly License[]): UserCounts {
  let internalUsers = 0;
  let externalUsers = 0;
  for (const license of licenses) {
    internalUsers += license.internalUsers;
    externalUsers += license.externalUsers;
  }
  return { internalUsers, externalUsers };
}

/** The status authentik's `LicenseKey.status()` computes for the given licenses, usage and time. */
export function authentikStatus(input: AuthentikStatusInput): AuthentikStatus {
  const { licenses, usage, now } = input;
  const latest = combinedExpiry(licenses);
  if (latest === null) return 'unlicensed';

  const lastValid = input.lastValid ?? 0;
  if (usage !== null) {
    const capacity = licensedCapacity(licenses);
    if (usage.internalUsers > capacity.internalUsers || usage.externalUsers > capacity.externalUsers) {
      if (lastValid < now - READ_ONLY_MS) return 'read_only';
      if (lastValid < now - USER_WARNING_MS) return 'limit_exceeded_user';
      if (lastValid < now - ADMIN_WARNING_MS) return 'limit_exceeded_admin';
      // Within the first 2 weeks over capacity the expiry checks decide.
    }
  }

  if (latest < now) return latest < now - READ_ONLY_MS ? 'read_only' : 'expired';
  if (latest <= now + EXPIRY_WARNING_MS) return 'expiry_soon';
  return 'valid';
}
