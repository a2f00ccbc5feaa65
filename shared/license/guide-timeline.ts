import { WEEK_MS } from '../time/durations';
import type { LicenseCapacity } from './capacity';

/** Capacity that holds from `from` (inclusive) until `to` (the next expiry). */
export interface CapacityStep {
  from: number;
  to: number;
  internalUsers: number;
  externalUsers: number;
}

/** The product guide's notification ladder, anchored at the last expiry. */
export interface GuideLadder {
  expirySoon: number;
  expiry: number;
  adminWarning: number;
  userWarning: number;
  readOnly: number;
}

export interface GuideTimeline {
  /** Earliest expiry among the licenses unexpired at `at`; null when none is. */
  cumulativeExpiry: number | null;
  /** Capacity over time, stepping down at each distinct expiry; empty when nothing is unexpired. */
  steps: CapacityStep[];
  /** Null when no license was given. */
  ladder: GuideLadder | null;
}

/**
 * What the product guide promises for a set of verified licenses at time `at`: the "cumulative license
 * expiry" (earliest expiry among unexpired licenses, recomputed without each license once it expires),
 * the capacity step-down, and the expiry/warning/read-only ladder. A license is unexpired iff `expiresAt > at`.
 */
export function guideTimeline(licenses: readonly LicenseCapacity[], at: number): GuideTimeline {
  const unexpired = licenses.filter((license) => license.expiresAt > at);
  const boundaries = [...new Set(unexpired.map((license) => license.expiresAt))].sort((a, b) => a - b);

  const steps: CapacityStep[] = [];
  let from = at;
  for (const to of boundaries) {
    let internalUsers = 0;
    let externalUsers = 0;
    for (const license of unexpired) {
      if (license.expiresAt > from) {
        internalUsers += license.internalUsers;
        externalUsers += license.externalUsers;
      }
    }
    steps.push({ from, to, internalUsers, externalUsers });
    from = to;
  }

  return {
    cumulativeExpiry: boundaries[0] ?? null,
    steps,
    ladder: ladderAt(licenses),
  };
}

function ladderAt(licenses: readonly LicenseCapacity[]): GuideLadder | null {
  if (licenses.length === 0) return null;
  const last = licenses.reduce((latest, license) => Math.max(latest, license.expiresAt), -Infinity);
  return {
    expirySoon: last - 2 * WEEK_MS,
    expiry: last,
    adminWarning: last + 2 * WEEK_MS,
    userWarning: last + 4 * WEEK_MS,
    readOnly: last + 6 * WEEK_MS,
  };
}
