import type { AuthentikRules } from './authentik-rules';
import { combinedExpiry, exceeds, licensedCapacity, type LicenseCapacity, type UserCounts } from './capacity';
import { legacySummaryFlags, statusOfLegacySummary } from './legacy-summary';

/**
 * The statuses the app reports for an instance: the values of authentik's `LicenseUsageStatus` (the
 * `status` of `/enterprise/license/summary/`, 2024.8 and later), and `invalid`, the app's name for a
 * pre-2024.8 summary's `valid: false` with no warning flag set (see legacy-summary.ts).
 */
export const AUTHENTIK_STATUSES = [
  'unlicensed',
  'valid',
  'expired',
  'expiry_soon',
  'limit_exceeded_admin',
  'limit_exceeded_user',
  'read_only',
  'invalid',
] as const;

export type AuthentikStatus = (typeof AUTHENTIK_STATUSES)[number];

export interface AuthentikStatusInput {
  /** Every installed license, expired ones included. */
  licenses: readonly LicenseCapacity[];
  /** Current active user counts; null when unknown (the capacity check is then skipped). */
  usage: UserCounts | null;
  /**
   * Time (epoch ms) of the newest usage record that counted as valid (`status == "valid"`; before 2024.8
   * `within_limits`); null when there is none, which the rules' `lastValidFallback` then decides.
   */
  lastValid: number | null;
  now: number;
  /** authentik's rules for the instance's release (`authentikRules(null)` when no version is known). */
  rules: AuthentikRules;
}

/**
 * The status authentik's `LicenseKey.status()` computes for the given licenses, usage and time (2024.8
 * and later); for older releases, the status the app reads from the boolean summary they computed.
 */
export function authentikStatus(input: AuthentikStatusInput): AuthentikStatus {
  const { licenses, usage, now, rules } = input;
  const at = { rules, now };
  const seats = licensedCapacity(licenses, at);
  const lastValid = input.lastValid ?? (rules.lastValidFallback === 'now' ? now : 0);
  if (rules.summaryShape === 'booleans') {
    return statusOfLegacySummary(
      legacySummaryFlags({ seats, usage, hasLicense: licenses.length > 0, lastValid, now, rules }),
    );
  }

  const latest = combinedExpiry(licenses, at);
  if (latest === null) return 'unlicensed';
  const { thresholds } = rules;
  if (usage !== null && exceeds(usage, seats)) {
    if (lastValid < now - thresholds.readOnlyMs) return 'read_only';
    if (lastValid < now - thresholds.userWarningMs) return 'limit_exceeded_user';
    if (lastValid < now - thresholds.adminWarningMs) return 'limit_exceeded_admin';
    // Within the first 2 weeks over capacity the expiry checks decide.
  }

  if (latest < now) return latest < now - thresholds.readOnlyMs ? 'read_only' : 'expired';
  if (latest <= now + thresholds.expiryWarningMs) return 'expiry_soon';
  return 'valid';
}
