import { describe, expect, it } from 'vitest';
import { authentikTimeline, lastExpiryOf } from '../../../shared/instances/instance-timeline';
import type { OverCapacityOutlookView } from '../../../shared/instances/instance-detail';
import { authentikRules } from '../../../shared/license/authentik-rules';
import { authentikStatus } from '../../../shared/license/authentik-status';
import { DAY_MS, WEEK_MS } from '../../../shared/time/durations';
import { installed, NOW } from './instance-timeline-fixtures';

const HOUR = 3600 * 1000;
// 2024.8 to 2025.4.0: expired seats still count, so the expiry alone decides (as with no users on any release from 2024.8).
const V2024_8 = authentikRules('2025.4.0');
const NEWEST = authentikRules(null);
const PRE_2024_8 = authentikRules('2024.6.3');

type TimelineInput = Parameters<typeof authentikTimeline>[0];
const timeline = (input: Partial<TimelineInput>) =>
  authentikTimeline({
    lastExpiry: null,
    overCapacity: { since: null, outlook: null },
    now: NOW,
    rules: V2024_8,
    withUsers: true,
    ...input,
  });

describe('authentikTimeline: the expiry alone (2024.8 to 2025.4.0, or no user on any release from 2024.8)', () => {
  it('has no dates for an unlicensed instance that is not over capacity', () => {
    expect(timeline({})).toEqual({ expiry: [], overCapacity: null, readOnly: null });
  });

  it('puts expiring soon 2 weeks before the last expiry, expired at it and read-only 6 weeks after', () => {
    const latest = NOW + 30 * DAY_MS;
    const expected = [
      { kind: 'expiry_soon', at: latest - 2 * WEEK_MS, past: false, days: 16, atTheLatest: false },
      { kind: 'expired', at: latest, past: false, days: 30, atTheLatest: false },
      { kind: 'read_only', at: latest + 6 * WEEK_MS, past: false, days: 72, atTheLatest: false },
    ];
    expect(timeline({ lastExpiry: latest }).expiry).toEqual(expected);
    expect(timeline({ lastExpiry: latest, rules: NEWEST, withUsers: false }).expiry).toEqual(expected);
    expect(timeline({ lastExpiry: latest }).overCapacity).toBeNull();
    expect(timeline({ lastExpiry: latest }).readOnly).toEqual({
      kind: 'read_only',
      at: latest + 6 * WEEK_MS,
      past: false,
      days: 72,
      cause: 'expiry',
      estimate: false,
    });
  });

  it('agrees with authentik’s status logic on each side of every expiry date', () => {
    const latest = NOW + 3 * WEEK_MS;
    const licenses = [{ expiresAt: latest, internalUsers: 10, externalUsers: 10 }];
    const statusAt = (at: number) =>
      authentikStatus({
        licenses,
        usage: { internalUsers: 1, externalUsers: 1 },
        lastValid: latest - 2 * WEEK_MS,
        now: at,
        rules: V2024_8,
      });
    const [soon, expired, readOnly] = timeline({ lastExpiry: latest }).expiry;
    expect(statusAt((soon?.at ?? 0) - 1)).toBe('valid');
    expect(statusAt(soon?.at ?? 0)).toBe('expiry_soon');
    expect(statusAt(expired?.at ?? 0)).toBe('expiry_soon');
    expect(statusAt((expired?.at ?? 0) + 1)).toBe('expired');
    expect(statusAt(readOnly?.at ?? 0)).toBe('expired');
    expect(statusAt((readOnly?.at ?? 0) + 1)).toBe('read_only');
  });

  it('marks dates that have passed and counts the whole days since', () => {
    const [soon, expired, readOnly] = timeline({ lastExpiry: NOW - 10 * DAY_MS }).expiry;
    expect(soon).toMatchObject({ past: true, days: 24 });
    expect(expired).toMatchObject({ past: true, days: 10 });
    expect(readOnly).toMatchObject({ past: false, days: 32 });
  });

  it('counts a date exactly now as passed', () => {
    expect(timeline({ lastExpiry: NOW }).expiry[1]).toMatchObject({ past: true, days: 0 });
  });

  it('rounds down on both sides of now: an hour ago is 0 days since, an hour ahead 0 days left', () => {
    expect(timeline({ lastExpiry: NOW - HOUR }).expiry[1]).toMatchObject({ past: true, days: 0 });
    expect(timeline({ lastExpiry: NOW + HOUR }).expiry[1]).toMatchObject({ past: false, days: 0 });
    expect(timeline({ lastExpiry: NOW - 2 * DAY_MS + HOUR }).expiry[1]).toMatchObject({ past: true, days: 1 });
  });
});

describe('authentikTimeline: when expired licenses add no seats and users are active', () => {
  const latest = NOW + 3 * WEEK_MS;
  const licenses = [{ expiresAt: latest, internalUsers: 10, externalUsers: 10 }];

  it('from 2025.4.1: the admin banner at the expiry, users 2 weeks and read-only 4 weeks after it, at the latest', () => {
    const result = timeline({ lastExpiry: latest, rules: NEWEST });
    expect(result.expiry.map(({ kind, at, atTheLatest }) => [kind, (at - latest) / WEEK_MS, atTheLatest])).toEqual([
      ['expiry_soon', -2, false],
      ['seats_lapse', 0, false],
      ['user_banner', 2, true],
      ['read_only_capacity', 4, true],
    ]);
    expect(result.readOnly).toMatchObject({ at: latest + 4 * WEEK_MS, cause: 'seats_lapse', estimate: true });
  });

  it('agrees with authentik’s status logic when the last valid record is from before the expiry_soon fortnight', () => {
    const statusAt = (at: number) =>
      authentikStatus({
        licenses,
        usage: { internalUsers: 1, externalUsers: 0 },
        lastValid: latest - 2 * WEEK_MS,
        now: at,
        rules: NEWEST,
      });
    const [, lapse, user, readOnly] = timeline({ lastExpiry: latest, rules: NEWEST }).expiry;
    expect(statusAt((lapse?.at ?? 0) - 1)).toBe('expiry_soon');
    expect(statusAt((lapse?.at ?? 0) + 1)).toBe('limit_exceeded_admin');
    expect(statusAt((user?.at ?? 0) + 1)).toBe('limit_exceeded_user');
    expect(statusAt((readOnly?.at ?? 0) - 1)).toBe('limit_exceeded_user');
    expect(statusAt((readOnly?.at ?? 0) + 1)).toBe('read_only');
  });

  it('before 2024.8: not valid at the expiry, then the warnings 2, 4 and 6 weeks after; nothing without users', () => {
    const statusAt = (at: number) =>
      authentikStatus({
        licenses,
        usage: { internalUsers: 1, externalUsers: 0 },
        lastValid: latest,
        now: at,
        rules: PRE_2024_8,
      });
    const steps = timeline({ lastExpiry: latest, rules: PRE_2024_8 }).expiry;
    expect(steps.map(({ kind, at }) => [kind, (at - latest) / WEEK_MS])).toEqual([
      ['not_valid', 0],
      ['admin_banner', 2],
      ['user_banner', 4],
      ['read_only_capacity', 6],
    ]);
    expect(steps.map((step) => statusAt(step.at + 1))).toEqual([
      'invalid',
      'limit_exceeded_admin',
      'limit_exceeded_user',
      'read_only',
    ]);
    expect(timeline({ lastExpiry: latest, rules: PRE_2024_8, withUsers: false })).toEqual({
      expiry: [],
      overCapacity: null,
      readOnly: null,
    });
  });
});

describe('lastExpiryOf', () => {
  const licenses = [
    installed(NOW + 10 * DAY_MS, 1, 1),
    installed(NOW + 90 * DAY_MS, 1, 1),
    installed(NOW + 400 * DAY_MS, 1, 1, 'install_id_mismatch'),
  ];

  it("is the server's latest_valid from 2024.8, and the latest verified license expiry before", () => {
    expect(lastExpiryOf(NEWEST, NOW + 90 * DAY_MS, licenses)).toBe(NOW + 90 * DAY_MS);
    expect(lastExpiryOf(PRE_2024_8, NOW + 10 * DAY_MS, licenses)).toBe(NOW + 90 * DAY_MS);
    expect(lastExpiryOf(PRE_2024_8, null, [])).toBeNull();
  });
});

const iso = (at: number) => new Date(at).toISOString();

/** An outlook whose last valid record lies between `from` (null: unknown) and `to`, its steps 2, 4 and 6 weeks after. */
function outlookOf(
  from: number | null,
  to: number,
  atOnce: OverCapacityOutlookView['atOnce'] = 'no',
): OverCapacityOutlookView {
  const step = (kind: 'admin_banner' | 'user_banner' | 'read_only', weeks: number) => ({
    kind,
    earliest: from === null ? null : iso(from + weeks * WEEK_MS),
    latest: iso(to + weeks * WEEK_MS),
  });
  return {
    atOnce,
    lastValid: { notBefore: from === null ? null : iso(from), notAfter: iso(to) },
    basis: { status: 'limit_exceeded_admin', history: null },
    waitsForExpiry: false,
    steps: atOnce === 'yes' ? [] : [step('admin_banner', 2), step('user_banner', 4), step('read_only', 6)],
  };
}

describe("authentikTimeline: over capacity, from the bounds of authentik's last valid usage record", () => {
  it('dates each step at its latest, keeps its earliest, and reads read-only at the latest as a bounded date', () => {
    const since = NOW - 3 * WEEK_MS;
    const outlook = outlookOf(NOW - 3 * WEEK_MS, NOW - 2 * WEEK_MS - 1);
    const result = timeline({ lastExpiry: NOW + 365 * DAY_MS, overCapacity: { since, outlook } });
    expect(result.overCapacity?.seen).toEqual({ kind: 'over_capacity_seen', at: since, past: true, days: 21 });
    expect(result.overCapacity?.steps.map((step) => [step.kind, step.earliest, step.at, step.past])).toEqual([
      ['admin_banner', NOW - WEEK_MS, NOW - 1, true],
      ['user_banner', NOW + WEEK_MS, NOW + 2 * WEEK_MS - 1, false],
      ['read_only', NOW + 3 * WEEK_MS, NOW + 4 * WEEK_MS - 1, false],
    ]);
    expect(result.readOnly).toEqual({
      kind: 'read_only',
      at: NOW + 4 * WEEK_MS - 1,
      past: false,
      days: 27,
      cause: 'over_capacity',
      estimate: true,
    });
  });

  it("matches authentik's over-capacity statuses when the last valid record is known to the millisecond", () => {
    const lastValid = NOW;
    const licenses = [{ expiresAt: NOW + 365 * DAY_MS, internalUsers: 10, externalUsers: 10 }];
    const statusAt = (at: number) =>
      authentikStatus({ licenses, usage: { internalUsers: 11, externalUsers: 0 }, lastValid, now: at, rules: NEWEST });
    const result = timeline({
      lastExpiry: licenses[0]?.expiresAt ?? 0,
      overCapacity: { since: null, outlook: outlookOf(lastValid, lastValid) },
      rules: NEWEST,
    });
    const [admin, user, readOnly] = result.overCapacity?.steps ?? [];
    expect(result.readOnly?.estimate).toBe(false);
    expect(statusAt((admin?.at ?? 0) + HOUR)).toBe('limit_exceeded_admin');
    expect(statusAt((user?.at ?? 0) + HOUR)).toBe('limit_exceeded_user');
    expect(statusAt((readOnly?.at ?? 0) + HOUR)).toBe('read_only');
    expect(statusAt((admin?.at ?? 0) - HOUR)).toBe('valid');
  });

  it('read-only already: since six weeks after the newest the record can be, or now when there is none', () => {
    const known = timeline({ overCapacity: { since: null, outlook: outlookOf(null, NOW - 7 * WEEK_MS, 'yes') } });
    expect(known.overCapacity?.steps).toEqual([]);
    expect(known.readOnly).toMatchObject({ at: NOW - WEEK_MS, past: true, cause: 'over_capacity' });
    const none = timeline({
      overCapacity: { since: null, outlook: { ...outlookOf(null, NOW, 'yes'), lastValid: null } },
    });
    expect(none.readOnly).toMatchObject({ at: NOW, past: true, cause: 'over_capacity' });
  });

  it('takes whichever read-only date comes first', () => {
    const result = timeline({
      lastExpiry: NOW - 5 * WEEK_MS,
      overCapacity: { since: null, outlook: outlookOf(NOW - 2 * WEEK_MS, NOW - 2 * WEEK_MS) },
    });
    expect(result.readOnly).toEqual({
      kind: 'read_only',
      at: NOW + WEEK_MS,
      past: false,
      days: 7,
      cause: 'expiry',
      estimate: false,
    });
  });
});
