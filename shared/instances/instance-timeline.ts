import type { OverCapacityOutlookView } from './instance-detail';
import type { AuthentikRules } from '../license/authentik-rules';
import type { LicenseCapacity } from '../license/capacity';
import { expirySteps, type ExpiryStepKind } from '../license/expiry-steps';
import { guideTimeline, type GuideLadder } from '../license/guide-timeline';
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

/** authentik's over-capacity steps, counted from its last valid usage record. */
export type OverCapacityDateKind = OverCapacityOutlookView['steps'][number]['kind'];

/** While the users exceed the seats: when this app first saw it, and authentik's steps, each dated at its latest. */
export interface OverCapacityTimeline {
  /** The first refresh that saw the instance over capacity; null when not recorded. */
  seen: TimelineDate<'over_capacity_seen'> | null;
  outlook: OverCapacityOutlookView;
  /** Each step at the latest date it can come, with the earliest (null: unknown, possibly long ago). */
  steps: (TimelineDate<OverCapacityDateKind> & { earliest: number | null })[];
}

/** The product guide's ladder, anchored at the last expiry. */
export type GuideLadderKind = keyof GuideLadder;

export interface AuthentikTimeline {
  /** From the last license's expiry, by the instance's release; empty when there is none (unlicensed). */
  expiry: (TimelineDate<ExpiryDateKind> & { atTheLatest: boolean })[];
  /** Null while the users are within the seats (or it is not known). */
  overCapacity: OverCapacityTimeline | null;
  /**
   * The first date authentik turns the instance read-only, and why: six weeks after the expiry, the
   * users exceeding the seats left once the licenses expired (at the latest), or six weeks after its
   * last valid usage record while over capacity (at the latest); null when none applies.
   */
  readOnly:
    (TimelineDate<'read_only'> & { cause: 'expiry' | 'seats_lapse' | 'over_capacity'; estimate: boolean }) | null;
}

export interface InstanceGuideTimeline {
  /** The guide's cumulative license expiry: the earliest expiry among the unexpired licenses; null when none is. */
  cumulativeExpiry: TimelineDate<'cumulative_expiry'> | null;
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

/** When an over-capacity instance turns read-only, at the latest: already (by its last valid record, or now when none is known) or its read-only step. */
function overCapacityReadOnly(
  outlook: OverCapacityOutlookView,
  rules: AuthentikRules,
  now: number,
): { at: number; estimate: boolean } | null {
  if (outlook.atOnce === 'yes')
    return {
      at:
        outlook.lastValid === null
          ? now
          : Math.min(now, Date.parse(outlook.lastValid.notAfter) + rules.thresholds.readOnlyMs),
      estimate: true,
    };
  const step = outlook.steps.find((candidate) => candidate.kind === 'read_only');
  if (step === undefined) return null;
  return { at: Date.parse(step.latest), estimate: step.earliest !== step.latest };
}

/**
 * What authentik's own code will do and when, by the rules of the instance's release: the steps after
 * the last license's expiry (`lastExpiry`, see `lastExpiryOf`), and, while the users exceed the seats,
 * the admin banner, user banner and read-only of `overCapacity.outlook` (counted from authentik's last
 * valid usage record, as bounded by what the app read). `withUsers`: any internal or external user is
 * active (unknown counts as yes).
 */
export function authentikTimeline(input: {
  lastExpiry: number | null;
  overCapacity: { since: number | null; outlook: OverCapacityOutlookView | null };
  now: number;
  rules: AuthentikRules;
  withUsers: boolean;
}): AuthentikTimeline {
  const { lastExpiry, now, rules } = input;
  const steps = lastExpiry === null ? [] : expirySteps(lastExpiry, rules, input.withUsers);
  const expiry = steps.map((step) => ({ ...dated(step.kind, step.at, now), atTheLatest: step.atTheLatest }));
  const { since, outlook } = input.overCapacity;
  const overCapacity =
    outlook === null
      ? null
      : {
          seen: since === null ? null : dated('over_capacity_seen', since, now),
          outlook,
          steps: outlook.steps.map((step) => ({
            ...dated(step.kind, Date.parse(step.latest), now),
            earliest: step.earliest === null ? null : Date.parse(step.earliest),
          })),
        };
  const overCapacityEnd = outlook === null ? null : overCapacityReadOnly(outlook, rules, now);
  const candidates = [
    ...steps.flatMap((step) =>
      step.kind === 'read_only' || step.kind === 'read_only_capacity'
        ? [
            {
              at: step.at,
              cause: step.kind === 'read_only' ? ('expiry' as const) : ('seats_lapse' as const),
              estimate: step.atTheLatest,
            },
          ]
        : [],
    ),
    ...(overCapacityEnd === null ? [] : [{ ...overCapacityEnd, cause: 'over_capacity' as const }]),
  ];
  const first = candidates.reduce<(typeof candidates)[number] | null>(
    (earliest, candidate) => (earliest === null || candidate.at < earliest.at ? candidate : earliest),
    null,
  );
  return {
    expiry,
    overCapacity,
    readOnly:
      first === null ? null : { ...dated('read_only', first.at, now), cause: first.cause, estimate: first.estimate },
  };
}

/**
 * When the instance's last license expires, as its release reports it: from 2024.8 that is the
 * server's `latest_valid`; before, `latest_valid` is the earliest unexpired expiry, so the latest expiry
 * among the installed licenses that verify is taken instead. Null when there is none.
 */
export function lastExpiryOf(
  rules: AuthentikRules,
  latestValid: number | null,
  licenses: readonly VerifiedLicense[],
): number | null {
  if (rules.combinedExpiry === 'latest') return latestValid;
  const expiries = guideCapacities(licenses).map((license) => license.expiresAt);
  return expiries.length === 0 ? null : Math.max(...expiries);
}

/** The licenses the guide's timeline counts: those that verify offline, expired ones included. */
export function guideCapacities(licenses: readonly VerifiedLicense[]): LicenseCapacity[] {
  return licenses
    .filter((license) => license.verdict.valid || license.verdict.reason === 'expired')
    .map((license) => ({
      expiresAt: Date.parse(license.expiry),
      internalUsers: license.internalUsers,
      externalUsers: license.externalUsers,
    }));
}

const LADDER_ORDER: readonly GuideLadderKind[] = ['expirySoon', 'expiry', 'adminWarning', 'userWarning', 'readOnly'];

/** The product guide's view of the installed licenses at `now`: cumulative expiry and banner ladder. */
export function guideInstanceTimeline(licenses: readonly LicenseCapacity[], now: number): InstanceGuideTimeline {
  const { cumulativeExpiry, ladder } = guideTimeline(licenses, now);
  return {
    cumulativeExpiry: cumulativeExpiry === null ? null : dated('cumulative_expiry', cumulativeExpiry, now),
    ladder: ladder === null ? [] : LADDER_ORDER.map((kind) => dated(kind, ladder[kind], now)),
  };
}
