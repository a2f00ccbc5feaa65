import type { AuthentikRules } from './authentik-rules';

/**
 * What authentik does on a date as its licenses run out and nothing is renewed: `expiry_soon` and
 * `expired` (the status says so), `read_only` (six weeks after the expiry), or, where an expired license
 * adds no seats, `seats_lapse` (from 2025.4.1: the users exceed the seats left, none, and administrators
 * see the banner at once) or `not_valid` (before 2024.8: `valid` turns false), then the banners and
 * read-only counted from authentik's last valid usage record (`user_banner`, `admin_banner`,
 * `read_only_capacity`).
 */
export type ExpiryStepKind =
  | 'expiry_soon'
  | 'expired'
  | 'read_only'
  | 'seats_lapse'
  | 'not_valid'
  | 'admin_banner'
  | 'user_banner'
  | 'read_only_capacity';

export interface ExpiryStep {
  kind: ExpiryStepKind;
  /** Epoch ms. */
  at: number;
  /**
   * The date follows authentik's last valid usage record, which its API does not show, taken as late as
   * it can be; the step comes earlier when that record is older (the users exceeded the seats before).
   */
  atTheLatest: boolean;
}

/**
 * The dates authentik acts on after `lastExpiry`, the expiry of its last license, by the rules of the
 * instance's release (docs/authentik-versions.md §1–3). `withUsers`: at least one internal or external
 * user is active, which is the rule (authentik always has its admin account); an unknown count should
 * be taken as yes.
 */
export function expirySteps(lastExpiry: number, rules: AuthentikRules, withUsers: boolean): ExpiryStep[] {
  const { adminWarningMs, userWarningMs, expiryWarningMs, readOnlyMs } = rules.thresholds;
  if (rules.summaryShape === 'booleans') {
    // Before 2024.8 there is no expiry status: with no seats left the users make `valid` false. Usage
    // records hold `within_limits`, true up to the expiry (one at most 8 h old), so the warnings come 2,
    // 4 and 6 weeks after it. With no active user `valid` stays true and nothing happens.
    if (!withUsers) return [];
    return [
      { kind: 'not_valid', at: lastExpiry, atTheLatest: false },
      { kind: 'admin_banner', at: lastExpiry + adminWarningMs, atTheLatest: true },
      { kind: 'user_banner', at: lastExpiry + userWarningMs, atTheLatest: true },
      { kind: 'read_only_capacity', at: lastExpiry + readOnlyMs, atTheLatest: true },
    ];
  }
  const soon: ExpiryStep = { kind: 'expiry_soon', at: lastExpiry - expiryWarningMs, atTheLatest: false };
  if (rules.expiredSeatsCount || !withUsers) {
    return [
      soon,
      { kind: 'expired', at: lastExpiry, atTheLatest: false },
      { kind: 'read_only', at: lastExpiry + readOnlyMs, atTheLatest: false },
    ];
  }
  // From 2025.4.1 (#14451) the seats drop to none at the expiry, so the users exceed them. The last
  // `valid` record is from before the `expiry_soon` fortnight (those records say `expiry_soon`), so the
  // 2/4/6-week steps count from 2 weeks before the expiry: the admin banner at the expiry itself.
  const lastValid = lastExpiry - expiryWarningMs;
  return [
    soon,
    { kind: 'seats_lapse', at: Math.max(lastExpiry, lastValid + adminWarningMs), atTheLatest: false },
    { kind: 'user_banner', at: lastValid + userWarningMs, atTheLatest: true },
    { kind: 'read_only_capacity', at: lastValid + readOnlyMs, atTheLatest: true },
  ];
}
