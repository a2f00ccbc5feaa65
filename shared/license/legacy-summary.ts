import type { AuthentikRules } from './authentik-rules';
import type { AuthentikStatus } from './authentik-status';
import { exceeds, type UserCounts } from './capacity';

/** The booleans of a pre-2024.8 `/enterprise/license/summary/` (authentik 2023.10 to 2024.6). */
export interface LegacySummaryFlags {
  valid: boolean;
  showAdminWarning: boolean;
  showUserWarning: boolean;
  readOnly: boolean;
  hasLicense: boolean;
}

export interface LegacySummaryInput {
  /** `get_total()`'s seats, which in these releases are the unexpired licenses' only. */
  seats: UserCounts;
  /** Current active user counts; null when unknown (`valid` is then not judged and stays true). */
  usage: UserCounts | null;
  hasLicense: boolean;
  /** `last_valid_date()`, its fallback (now, in these releases) already applied. */
  lastValid: number;
  now: number;
  rules: AuthentikRules;
}

/**
 * The booleans as authentik 2023.10 to 2024.6 computed them (docs/authentik-versions.md §1) [V]:
 * `valid` compares the active users with the seats only, so an expired license counts through its
 * missing seats alone; the warnings follow the last valid usage record whatever `valid` says now, and
 * from 2024.2 only while a license is installed.
 */
export function legacySummaryFlags(input: LegacySummaryInput): LegacySummaryFlags {
  const { seats, usage, hasLicense, lastValid, now, rules } = input;
  const { thresholds } = rules;
  const warning = (after: number): boolean => lastValid < now - after && (hasLicense || !rules.warningsNeedLicense);
  return {
    valid: usage === null || !exceeds(usage, seats),
    showAdminWarning: warning(thresholds.adminWarningMs),
    showUserWarning: warning(thresholds.userWarningMs),
    readOnly: warning(thresholds.readOnlyMs),
    hasLicense,
  };
}

/**
 * The status the app gives a pre-2024.8 summary, its booleans checked in this order: `read_only`,
 * `show_user_warning`, `show_admin_warning`, then no license → `unlicensed`, not valid → `invalid`,
 * else `valid`. `valid: false` means the active users exceed the seats of the unexpired licenses: over
 * capacity, or every license expired (which leaves no seats, and authentik always has an active user).
 * It is not "expired", so it gets a status of its own. These releases had no `expiry_soon`: a license
 * about to expire reads as valid.
 */
export function statusOfLegacySummary(flags: LegacySummaryFlags): AuthentikStatus {
  if (flags.readOnly) return 'read_only';
  if (flags.showUserWarning) return 'limit_exceeded_user';
  if (flags.showAdminWarning) return 'limit_exceeded_admin';
  if (!flags.hasLicense) return 'unlicensed';
  if (!flags.valid) return 'invalid';
  return 'valid';
}
