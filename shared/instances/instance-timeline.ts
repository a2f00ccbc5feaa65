import type { AuthentikRules } from '../license/authentik-rules';
import type { LicenseCapacity } from '../license/capacity';
import { expirySteps, type ExpiryStepKind } from '../license/expiry-steps';
import { guideTimeline, type CapacityStep, type GuideLadder } from '../license/guide-timeline';
import { daysLeft } from '../time/days-left';

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

/** The dates authentik's status code acts on as the licenses run out, by the instance's release. */
export type ExpiryDateKind = ExpiryStepKind;

/** authentik's over-capacity steps, anchored at the first refresh that saw the instance over capacity. */
export type OverCapacityDateKind = 'over_capacity_seen' | 'admin_banner' | 'user_banner' | 'read_only';

/** The product guide's ladder, anchored at the last expiry. */
export type GuideLadderKind = keyof GuideLadder;

export interface AuthentikTimeline {
  /** From the last license's expiry, by the instance's release; empty when there is none (unlicensed). */
  expiry: (TimelineDate<ExpiryDateKind> & { atTheLatest: boolean })[];
  /** An estimate (authentik's last-valid record is not readable); empty when not seen over capacity. */
  overCapacity: TimelineDate<OverCapacityDateKind>[];
  /**
   * The first date authentik turns the instance read-only, and why: six weeks after the expiry, the
   * users exceeding the seats left once the licenses expired (at the latest), or the over-capacity
   * estimate; null when none applies.
   */
  readOnly: (TimelineDate<'read_only'> & { cause: 'expiry' | 'seats_lapse' | 'over_capacity'; estimate: boolean }) | null;
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
 * What authentik's own code will do and when, by the rules of the instance's release: the steps after
 * the last license's expiry (`lastExpiry`, see `lastExpiryOf`), and, once the instance was seen over
 * capacity, the admin banner, user banner and read-only 2, 4 and 6 weeks after that first sighting (an
 * estimate). `withUsers`: any internal or external user is active (unknown counts as yes).
 */
export function authentikTimeline(input: {
  lastExpiry: number | null;
  overCapacitySince: number | null;
  now: number;
  rules: AuthentikRules;
  withUsers: boolean;
}): AuthentikTimeline {
  const { lastExpiry, overCapacitySince, now, rules } = input;
  const { adminWarningMs, userWarningMs, readOnlyMs } = rules.thresholds;
  const steps = lastExpiry === null ? [] : expirySteps(lastExpiry, rules, input.withUsers);
  const expiry = steps.map((step) => ({ ...dated(step.kind, step.at, now), atTheLatest: step.atTheLatest }));
  const overCapacity =
    overCapacitySince === null
      ? []
      : [
          dated('over_capacity_seen', overCapacitySince, now),
          dated('admin_banner', overCapacitySince + adminWarningMs, now),
          dated('user_banner', overCapacitySince + userWarningMs, now),
          dated('read_only', overCapacitySince + readOnlyMs, now),
        ];
  const candidates = [
    ...steps.flatMap((step) =>
      step.kind === 'read_only' || step.kind === 'read_only_capacity'
        ? [{ at: step.at, cause: step.kind === 'read_only' ? ('expiry' as const) : ('seats_lapse' as const), estimate: step.atTheLatest }]
        : [],
    ),
    ...(overCapacitySince === null ? [] : [{ at: overCapacitySince + readOnlyMs, cause: 'over_capacity' as const, estimate: true }]),
  ];
  const first = candidates.reduce<(typeof candidates)[number] | null>((earliest, candidate) => (earliest === null || candidate.at < earliest.at ? candidate : earliest), null);
  return {
    expiry,
    overCapacity,
    readOnly: first === null ? null : { ...dated('read_only', first.at, now), cause: first.cause, estimate: first.estimate },
  };
}

/**
 * When the instance's last license expires, as its release reports it: from 2024.8 that is the
 * server's `latest_valid`; before, `latest_valid` is the earliest unexpired expiry, so the latest expiry
 * among the installed licenses that verify is taken instead. Null when there is none.
 */
export function lastExpiryOf(rules: AuthentikRules, latestValid: number | null, licenses: readonly VerifiedLicense[]): number | null {
  if (rules.combinedExpiry === 'latest') return latestValid;
  const expiries = guideCapacities(licenses).map((license) => license.expiresAt);
  return expiries.length === 0 ? null : Math.max(...expiries);
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
