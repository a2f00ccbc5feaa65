import type { AuthentikRules } from './authentik-rules';
import type { LastValidBounds } from './last-valid-bounds';

/** authentik's steps for an instance whose users exceed its seats, counted from its last valid usage record. */
export type OutlookStepKind = 'admin_banner' | 'user_banner' | 'read_only';

export interface OutlookStep {
  kind: OutlookStepKind;
  /** Epoch ms; null when the last valid record has no lower bound (the step may have come long ago). */
  earliest: number | null;
  latest: number;
}

/** What authentik does with an instance that stays over capacity once a key is installed. */
export interface ReadOnlyOutlook {
  /** Read-only right after the install: proven (`yes`), not ruled out (`maybe`), or not (`no`). */
  atOnce: 'yes' | 'maybe' | 'no';
  /** The three steps, oldest first; empty when authentik is read-only at once or never starts them. */
  steps: OutlookStep[];
  /** The steps wait until 2 weeks before the combined expiry: till then authentik keeps recording `valid`. */
  waitsForExpiry: boolean;
}

export interface OutlookInput {
  /** Epoch ms on the instance's clock. */
  now: number;
  rules: AuthentikRules;
  /** authentik's combined expiry once the key is installed (`get_total().exp`); null when none. */
  expiryAfter: number | null;
}

/**
 * The dates of authentik's over-capacity steps once the key is installed and the users still exceed the
 * seats, from the bounds of the last valid record (docs/authentik-versions.md §1, §3). The record stays
 * where it is, since every usage record from now on says something other than `valid`, except from
 * 2024.8 while that record is under 2 weeks old and the combined expiry more than 2 weeks away: then
 * `status()` falls through to `valid` and the task keeps recording `valid` until the expiry is 2 weeks
 * away, so the steps count from then (the admin banner at the expiry).
 */
export function readOnlyOutlook(bounds: LastValidBounds, input: OutlookInput): ReadOnlyOutlook {
  const { now, rules, expiryAfter } = input;
  const { adminWarningMs, userWarningMs, expiryWarningMs, readOnlyMs } = rules.thresholds;
  if (bounds.kind === 'never') {
    // No valid record: the epoch (every step at once) from 2024.8, now (never a step) before.
    return { atOnce: rules.lastValidFallback === 'epoch' ? 'yes' : 'no', steps: [], waitsForExpiry: false };
  }
  const lastValidFrom = (lastValid: number): number => {
    const fallsThrough =
      rules.summaryShape === 'status' &&
      lastValid >= now - adminWarningMs &&
      expiryAfter !== null &&
      expiryAfter - expiryWarningMs > now;
    return fallsThrough && expiryAfter !== null ? expiryAfter - expiryWarningMs : lastValid;
  };
  const { notBefore, notAfter } = bounds;
  // `status()`: read-only when `last_valid < now - 6 weeks`.
  if (lastValidFrom(notAfter) + readOnlyMs < now) return { atOnce: 'yes', steps: [], waitsForExpiry: false };
  const step = (kind: OutlookStepKind, afterMs: number): OutlookStep => ({
    kind,
    earliest: notBefore === null ? null : lastValidFrom(notBefore) + afterMs,
    latest: lastValidFrom(notAfter) + afterMs,
  });
  const readOnly = step('read_only', readOnlyMs);
  return {
    atOnce: readOnly.earliest === null || readOnly.earliest < now ? 'maybe' : 'no',
    steps: [step('admin_banner', adminWarningMs), step('user_banner', userWarningMs), readOnly],
    waitsForExpiry: lastValidFrom(notAfter) !== notAfter,
  };
}
