import { authentikStatus, combinedExpiry, licensedCapacity, type AuthentikStatus } from '../../../shared/license/authentik-status';
import { drfDateTime } from './drf-datetime';
import { capacityOf, type StoredLicense } from './license-store';
import type { SimUserCounts } from './types';

/** `LicenseSummary` as the current API serializes it. */
export interface SummaryJson {
  internal_users: number;
  external_users: number;
  status: AuthentikStatus;
  latest_valid: string;
  license_flags: string[];
}

/** The pre-2024.8 `LicenseSummary`. */
export interface LegacySummaryJson {
  internal_users: number;
  external_users: number;
  valid: boolean;
  show_admin_warning: boolean;
  show_user_warning: boolean;
  read_only: boolean;
  latest_valid: string;
  has_license: boolean;
}

export interface SummaryInput {
  licenses: readonly StoredLicense[];
  users: SimUserCounts;
  lastValid: number | null;
  now: number;
}

/**
 * `LicenseKey.get_total().summary()`: capacity summed over every license (expired ones too), the latest
 * expiry as `latest_valid` (the epoch when unlicensed), flags concatenated per license, and the status.
 */
export function computeSummary(input: SummaryInput): SummaryJson {
  const capacities = input.licenses.map(capacityOf);
  const capacity = licensedCapacity(capacities);
  const status = authentikStatus({
    licenses: capacities,
    usage: { internalUsers: input.users.internal, externalUsers: input.users.external },
    lastValid: input.lastValid,
    now: input.now,
  });
  return {
    internal_users: capacity.internalUsers,
    external_users: capacity.externalUsers,
    status,
    latest_valid: drfDateTime(combinedExpiry(capacities) ?? 0),
    license_flags: input.licenses.flatMap((license) => license.claims.license_flags),
  };
}

/**
 * The pre-2024.8 boolean shape, derived from the same status so that a client's legacy mapping
 * (read_only → read_only, show_user_warning → limit_exceeded_user, show_admin_warning →
 * limit_exceeded_admin, !has_license → unlicensed, !valid → expired, else valid) gives it back
 * (`expiry_soon` reads as valid: the old shape cannot say it). The warnings nest as authentik's
 * thresholds did (2, 4, 6 weeks). Real pre-2024.8 authentik derived them from the last in-limits usage
 * record instead, and `valid` from the current user counts only; this simulator does not model that.
 */
export function legacySummary(summary: SummaryJson): LegacySummaryJson {
  const { status } = summary;
  const readOnly = status === 'read_only';
  const userWarning = readOnly || status === 'limit_exceeded_user';
  return {
    internal_users: summary.internal_users,
    external_users: summary.external_users,
    valid: status === 'valid' || status === 'expiry_soon',
    show_admin_warning: userWarning || status === 'limit_exceeded_admin',
    show_user_warning: userWarning,
    read_only: readOnly,
    latest_valid: summary.latest_valid,
    has_license: status !== 'unlicensed',
  };
}
