import { drfDateTime } from './drf-datetime';
import type { StoredLicense } from './license-store';
import {
  licenseStatus,
  THRESHOLD_READ_ONLY_MS,
  THRESHOLD_WARNING_ADMIN_MS,
  THRESHOLD_WARNING_USER_MS,
  withinLimits,
  type SimLicenseStatus,
  type StatusInput,
} from './license-status';
import { licenseTotal, type LicenseTotal } from './license-total';
import type { SimUsageRecord, SimUserCounts } from './types';
import type { UsageRecords } from './usage-records';
import type { VersionRules } from './versions';

/** `LicenseSummary` as the 2024.8 → API serializes it. */
export interface SummaryJson {
  internal_users: number;
  external_users: number;
  status: SimLicenseStatus;
  latest_valid: string;
  license_flags: string[];
}

/** `LicenseSummary` of 2024.2–2024.6. */
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

export type AnySummaryJson = SummaryJson | LegacySummaryJson;

/** What `LicenseKey` reads from the database and the clock. */
export interface LicenseFacts {
  licenses: readonly StoredLicense[];
  users: SimUserCounts;
  usage: UsageRecords;
  rules: VersionRules;
  now: number;
}

function statusInput(facts: LicenseFacts, total: LicenseTotal): StatusInput {
  return {
    total,
    hasLicense: facts.licenses.length > 0,
    users: facts.users,
    lastValid: facts.usage.lastValid(facts.now),
    now: facts.now,
  };
}

/**
 * `LicenseKey.get_total().summary()`, what `summary/?cached=false` answers and the usage task caches.
 * `latest_valid` is `datetime.fromtimestamp(total.exp)`: the epoch when `exp` is 0.
 * 2024.8 →: seats, `status()`, the flags of the licenses `get_total()` visits.
 * 2024.2–2024.6: seats, `valid = is_valid()` (seats only: expired licenses add none, so with every
 * license expired any user makes it false), and the warnings from `last_valid_date()` — admin after 2
 * weeks, user after 4, read-only after 6 — each ANDed with `has_license` (not in 2023.10).
 */
export function computeSummary(facts: LicenseFacts): AnySummaryJson {
  const total = licenseTotal(facts.licenses, facts.rules, facts.now);
  const seats = { internal_users: total.internalUsers, external_users: total.externalUsers };
  const latestValid = drfDateTime(total.exp * 1000);
  if (facts.rules.statusApi) {
    return {
      ...seats,
      status: licenseStatus(statusInput(facts, total)),
      latest_valid: latestValid,
      license_flags: total.flags,
    };
  }
  const { hasLicense, lastValid, now } = statusInput(facts, total);
  return {
    ...seats,
    valid: withinLimits(total, facts.users),
    show_admin_warning: hasLicense && lastValid < now - THRESHOLD_WARNING_ADMIN_MS,
    show_user_warning: hasLicense && lastValid < now - THRESHOLD_WARNING_USER_MS,
    read_only: hasLicense && lastValid < now - THRESHOLD_READ_ONLY_MS,
    latest_valid: latestValid,
    has_license: hasLicense,
  };
}

/** The row `record_usage()` writes now: `status=self.status()` (2024.8 →) or `within_limits=self.is_valid()`. */
export function usageRecordNow(facts: LicenseFacts): SimUsageRecord {
  const total = licenseTotal(facts.licenses, facts.rules, facts.now);
  if (facts.rules.statusApi) return { at: facts.now, status: licenseStatus(statusInput(facts, total)) };
  return { at: facts.now, withinLimits: withinLimits(total, facts.users) };
}

/**
 * Whether `EnterpriseMiddleware` refuses writes: the cached status is `read_only` (2024.8 →). Before
 * 2024.8 the same refusal existed (issue #9292, 2024.2), presumably on the cached `read_only` boolean;
 * no pre-2024.8 middleware is in the sources.
 */
export function refusesWrites(summary: AnySummaryJson): boolean {
  return 'status' in summary ? summary.status === 'read_only' : summary.read_only;
}

/**
 * Whether enterprise features are on (`is_enterprise` in `/root/config/`): `LicenseUsageStatus.is_valid`,
 * i.e. `valid` or `expiry_soon`, of the cached summary (2024.8 →); before, its `valid` boolean.
 */
export function enterpriseEnabled(summary: AnySummaryJson): boolean {
  return 'status' in summary ? summary.status === 'valid' || summary.status === 'expiry_soon' : summary.valid;
}
