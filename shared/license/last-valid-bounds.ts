import type { AuthentikRules } from './authentik-rules';
import { DAY_MS } from '../time/durations';

const HOUR_MS = 60 * 60 * 1000;
/**
 * `record_usage()` writes a usage record only when none is younger than 8 hours, and its task runs every
 * 2 hours: a `valid` reading means a record that said `valid` at most about 10 hours before (or one soon after).
 */
export const RECORD_GAP_MS = 10 * HOUR_MS;
/** Usage records expire 90 days after they are written (`usage_expiry`), so an older valid record no longer counts. */
export const RECORD_LIFETIME_MS = 90 * DAY_MS;

/** One reading of an instance: when (on the instance's clock), authentik's live status, and whether the users exceeded the seats. */
export interface StatusObservation {
  /** Epoch ms. */
  at: number;
  /** authentik's live status, as received (unknown values included). */
  status: string;
  /** The active users exceeded the summary's licensed seats; null when usage was unknown. */
  overCapacity: boolean | null;
}

/**
 * What is known of authentik's `last_valid_date()`: the newest usage record that said `valid`.
 * `never`: there is none, so authentik falls back to the epoch (2024.8 and later: every step at once) or
 * to now (before 2024.8: no step ever starts). `between`: it lies in [notBefore, notAfter], both
 * inclusive; a null `notBefore` means no lower bound is known (it may be very old, or missing).
 */
export type LastValidBounds =
  | { kind: 'never'; basis: BoundsBasis }
  | { kind: 'between'; notBefore: number | null; notAfter: number; basis: BoundsBasis };

/** What the bounds rest on: the status read now and, when it narrowed them, one reading of the history. */
export interface BoundsBasis {
  status: string;
  /** The reading that gave the lower bound; null when the status alone did. */
  history: { at: number; status: string } | null;
}

type Interval = { kind: 'never' } | { kind: 'between'; notBefore: number | null; notAfter: number };

/**
 * What one status, read at `at`, proves about the last valid record then, by authentik's `status()`
 * (docs/authentik-versions.md §1): over capacity, it is `read_only` 6 weeks after the last valid record,
 * `limit_exceeded_user` after 4 and `limit_exceeded_admin` after 2; within 2 weeks it falls through to
 * the expiry checks. Before 2024.8 the warning booleans follow the same thresholds, and `invalid` (not
 * valid, no warning) means under 2 weeks.
 */
function provenBy(reading: Omit<StatusObservation, 'at'>, at: number, rules: AuthentikRules): Interval {
  const { adminWarningMs, userWarningMs, expiryWarningMs, readOnlyMs } = rules.thresholds;
  // authentik's thresholds are strict (`last_valid < now - 2 weeks`), so a status past one proves a record before it: 1 ms before.
  const between = (from: number | null, to: number): Interval => ({
    kind: 'between',
    notBefore: from === null ? null : at - from,
    notAfter: to === 0 ? at : at - to - 1,
  });
  switch (reading.status) {
    // Within capacity the usage task records `valid` now; over it, a `valid` status means a valid record under 2 weeks old, and the task records `valid` again.
    case 'valid':
      return between(RECORD_GAP_MS, 0);
    // Its records of the last 2 weeks say `expiry_soon`; the one before said `valid` unless the instance was over capacity then (it would have shown).
    case 'expiry_soon':
      return between(expiryWarningMs, 0);
    case 'invalid':
      return between(adminWarningMs, 0);
    // Over capacity, `expired` means the capacity checks fell through (a valid record under 2 weeks old); within it, the expiry alone decided.
    case 'expired':
      return reading.overCapacity === true ? between(adminWarningMs, 0) : between(null, 0);
    case 'limit_exceeded_admin':
      return between(userWarningMs, adminWarningMs);
    case 'limit_exceeded_user':
      return between(readOnlyMs, userWarningMs);
    // Over capacity for more than 6 weeks, or expired for more than 6 (whose records since were not valid either).
    case 'read_only':
      return between(null, readOnlyMs);
    case 'unlicensed':
      return { kind: 'never' };
    default:
      return between(null, 0);
  }
}

export interface LastValidInput {
  /** authentik's live status now. */
  status: string;
  /** The active users exceed the licensed seats now; null when usage is unknown. */
  overCapacity: boolean | null;
  /** Epoch ms on the instance's clock. */
  now: number;
  rules: AuthentikRules;
  /** Earlier readings of the instance (the app's status history), in any order; none for a one-off read. */
  history: readonly StatusObservation[];
}

/**
 * Bounds authentik's last valid date from the status read now and, where it can narrow them, from the
 * history: a record a reading proves is still there (under 90 days old) is a lower bound now, since
 * `last_valid_date()` only moves forward while its records last. A history that contradicts the status
 * (a lower bound after its upper one) is set aside: the status is what authentik computes.
 */
export function lastValidBounds(input: LastValidInput): LastValidBounds {
  const { now, rules } = input;
  const current = provenBy(input, now, rules);
  let floor: { at: number; status: string; notBefore: number } | null = null;
  for (const reading of input.history) {
    if (reading.at > now) continue;
    const proven = provenBy(reading, reading.at, rules);
    if (proven.kind !== 'between' || proven.notBefore === null || proven.notBefore <= now - RECORD_LIFETIME_MS)
      continue;
    if (floor === null || proven.notBefore > floor.notBefore)
      floor = { at: reading.at, status: reading.status, notBefore: proven.notBefore };
  }
  const basis = (history: typeof floor): BoundsBasis => ({
    status: input.status,
    history: history === null ? null : { at: history.at, status: history.status },
  });
  if (current.kind === 'never') {
    // `unlicensed` is taken to mean no valid record; a valid reading within 90 days proves one (a license deleted since).
    return floor === null
      ? { kind: 'never', basis: basis(null) }
      : { kind: 'between', notBefore: floor.notBefore, notAfter: now, basis: basis(floor) };
  }
  const narrows =
    floor !== null &&
    (current.notBefore === null || floor.notBefore > current.notBefore) &&
    floor.notBefore <= current.notAfter;
  if (!narrows || floor === null) return { ...current, basis: basis(null) };
  return { kind: 'between', notBefore: floor.notBefore, notAfter: current.notAfter, basis: basis(floor) };
}
