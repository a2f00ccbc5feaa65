import type { LicenseCapacity } from '../license/capacity';
import { guideTimeline, type CapacityStep, type GuideLadder } from '../license/guide-timeline';
import { daysLeft } from '../time/days-left';
import { WEEK_MS } from '../time/durations';

/** Thresholds of authentik's `LicenseKey.status()` (authentik/enterprise/models.py). */
const EXPIRY_WARNING_MS = 2 * WEEK_MS;
const ADMIN_WARNING_MS = 2 * WEEK_MS;
const USER_WARNING_MS = 4 * WEEK_MS;
const READ_ONLY_MS = 6 * WEEK_MS;

/** One date on an instance's timeline, with how far away it is. */
export interface TimelineDate<Kind extends string> {
  kind: Kind;
  /** Epoch ms. */
  at: number;
  /** True once the date is not after now. */
  past: boolean;
  /** Whole days between now and the date, rounded down, on whichever side of now it is (days left, or days since). */
  days: number;
}

/** The dates authentik's status code acts on after the combined expiry (`latest_valid`). */
export type ExpiryDateKind = 'expiry_soon' | 'expired' | 'read_only';

/** authentik's over-capacity steps, anchored at the first refresh that saw the instance over capacity. */
export type OverCapacityDateKind = 'over_capacity_seen' | 'admin_banner' | 'user_banner' | 'read_only';

/** The product guide's ladder, anchored at the last expiry. */
export type GuideLadderKind = keyof GuideLadder;

export interface AuthentikTimeline {
  /** From the server's combined expiry; empty when there is none (unlicensed). */
  expiry: TimelineDate<ExpiryDateKind>[];
  /** An estimate (authentik's last-valid record is not readable); empty when not seen over capacity. */
  overCapacity: TimelineDate<OverCapacityDateKind>[];
  /** The first date authentik turns the instance read-only, and why; null when neither applies. */
  readOnly: (TimelineDate<'read_only'> & { cause: 'expiry' | 'over_capacity'; estimate: boolean }) | null;
}

export interface InstanceGuideTimeline {
  /** The guide's cumulative license expiry: the earliest expiry among the unexpired licenses; null when none is. */
  cumulativeExpiry: TimelineDate<'cumulative_expiry'> | null;
  /** Licensed seats over time, stepping down at each expiry. */
  steps: CapacityStep[];
  /** Expiring soon, expiry, admin banner, user banner, read-only; empty without licenses. */
  ladder: TimelineDate<GuideLadderKind>[];
}

/** An installed license as the instance page knows it: its claims and its offline verdict. */
export interface VerifiedLicense {
  expiry: string;
  internalUsers: number;
  externalUsers: number;
  verdict: { valid: boolean; reason: string };
}

function dated<Kind extends string>(kind: Kind, at: number, now: number): TimelineDate<Kind> {
  const past = at <= now;
  return { kind, at, past, days: past ? daysLeft(now, at) : daysLeft(at, now) };
}

/**
 * What authentik's own code will do and when: expiring soon 2 weeks before the combined expiry, expired
 * from it, read-only 6 weeks after it; and, once the instance was seen over capacity, the admin banner,
 * user banner and read-only 2, 4 and 6 weeks after that first sighting (an estimate).
 */
export function authentikTimeline(input: { latestValid: number | null; overCapacitySince: number | null; now: number }): AuthentikTimeline {
  const { latestValid, overCapacitySince, now } = input;
  const expiry =
    latestValid === null
      ? []
      : [
          dated('expiry_soon', latestValid - EXPIRY_WARNING_MS, now),
          dated('expired', latestValid, now),
          dated('read_only', latestValid + READ_ONLY_MS, now),
        ];
  const overCapacity =
    overCapacitySince === null
      ? []
      : [
          dated('over_capacity_seen', overCapacitySince, now),
          dated('admin_banner', overCapacitySince + ADMIN_WARNING_MS, now),
          dated('user_banner', overCapacitySince + USER_WARNING_MS, now),
          dated('read_only', overCapacitySince + READ_ONLY_MS, now),
        ];
  const candidates = [
    ...(latestValid === null ? [] : [{ at: latestValid + READ_ONLY_MS, cause: 'expiry' as const, estimate: false }]),
    ...(overCapacitySince === null ? [] : [{ at: overCapacitySince + READ_ONLY_MS, cause: 'over_capacity' as const, estimate: true }]),
  ];
  const first = candidates.reduce<(typeof candidates)[number] | null>((earliest, candidate) => (earliest === null || candidate.at < earliest.at ? candidate : earliest), null);
  return {
    expiry,
    overCapacity,
    readOnly: first === null ? null : { ...dated('read_only', first.at, now), cause: first.cause, estimate: first.estimate },
  };
}

/** The licenses the guide's timeline counts: those that verify offline, expired ones included. */
export function guideCapacities(licenses: readonly VerifiedLicense[]): LicenseCapacity[] {
  return licenses
    .filter((license) => license.verdict.valid || license.verdict.reason === 'expired')
    .map((license) => ({ expiresAt: Date.parse(license.expiry), internalUsers: license.internalUsers, externalUsers: license.externalUsers }));
}

const LADDER_ORDER: readonly GuideLadderKind[] = ['expirySoon', 'expiry', 'adminWarning', 'userWarning', 'readOnly'];

/** The product guide's view of the installed licenses at `now`: cumulative expiry, capacity step-down, banner ladder. */
export function guideInstanceTimeline(licenses: readonly LicenseCapacity[], now: number): InstanceGuideTimeline {
  const { cumulativeExpiry, steps, ladder } = guideTimeline(licenses, now);
  return {
    cumulativeExpiry: cumulativeExpiry === null ? null : dated('cumulative_expiry', cumulativeExpiry, now),
    steps,
    ladder: ladder === null ? [] : LADDER_ORDER.map((kind) => dated(kind, ladder[kind], now)),
  };
}
