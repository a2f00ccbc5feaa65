import { describe, expect, it } from 'vitest';
import { authentikTimeline, guideCapacities, guideInstanceTimeline, type VerifiedLicense } from '../../../shared/instances/instance-timeline';
import { authentikStatus } from '../../../shared/license/authentik-status';
import { DAY_MS, WEEK_MS } from '../../../shared/time/durations';

const NOW = Date.UTC(2026, 4, 10, 12, 0, 0);
const HOUR = 3600 * 1000;

describe('authentikTimeline', () => {
  it('has no dates for an unlicensed instance that is not over capacity', () => {
    expect(authentikTimeline({ latestValid: null, overCapacitySince: null, now: NOW })).toEqual({ expiry: [], overCapacity: [], readOnly: null });
  });

  it('puts expiring soon 2 weeks before the combined expiry, expired at it and read-only 6 weeks after', () => {
    const latest = NOW + 30 * DAY_MS;
    const timeline = authentikTimeline({ latestValid: latest, overCapacitySince: null, now: NOW });
    expect(timeline.expiry).toEqual([
      { kind: 'expiry_soon', at: latest - 2 * WEEK_MS, past: false, days: 16 },
      { kind: 'expired', at: latest, past: false, days: 30 },
      { kind: 'read_only', at: latest + 6 * WEEK_MS, past: false, days: 72 },
    ]);
    expect(timeline.overCapacity).toEqual([]);
    expect(timeline.readOnly).toEqual({ kind: 'read_only', at: latest + 6 * WEEK_MS, past: false, days: 72, cause: 'expiry', estimate: false });
  });

  it('agrees with authentik’s status logic on each side of every expiry date', () => {
    const latest = NOW + 3 * WEEK_MS;
    const licenses = [{ expiresAt: latest, internalUsers: 10, externalUsers: 10 }];
    const statusAt = (at: number) => authentikStatus({ licenses, usage: { internalUsers: 1, externalUsers: 1 }, lastValid: at, now: at });
    const [soon, expired, readOnly] = authentikTimeline({ latestValid: latest, overCapacitySince: null, now: NOW }).expiry;
    expect(statusAt((soon?.at ?? 0) - 1)).toBe('valid');
    expect(statusAt(soon?.at ?? 0)).toBe('expiry_soon');
    expect(statusAt(expired?.at ?? 0)).toBe('expiry_soon');
    expect(statusAt((expired?.at ?? 0) + 1)).toBe('expired');
    expect(statusAt(readOnly?.at ?? 0)).toBe('expired');
    expect(statusAt((readOnly?.at ?? 0) + 1)).toBe('read_only');
  });

  it('marks dates that have passed and counts the whole days since', () => {
    const latest = NOW - 10 * DAY_MS;
    const [soon, expired, readOnly] = authentikTimeline({ latestValid: latest, overCapacitySince: null, now: NOW }).expiry;
    expect(soon).toMatchObject({ past: true, days: 24 });
    expect(expired).toMatchObject({ past: true, days: 10 });
    expect(readOnly).toMatchObject({ past: false, days: 32 });
  });

  it('counts a date exactly now as passed', () => {
    const [, expired] = authentikTimeline({ latestValid: NOW, overCapacitySince: null, now: NOW }).expiry;
    expect(expired).toMatchObject({ past: true, days: 0 });
  });

  it('rounds down on both sides of now: an hour ago is 0 days since, an hour ahead 0 days left', () => {
    const [, justPassed] = authentikTimeline({ latestValid: NOW - HOUR, overCapacitySince: null, now: NOW }).expiry;
    const [, justAhead] = authentikTimeline({ latestValid: NOW + HOUR, overCapacitySince: null, now: NOW }).expiry;
    expect(justPassed).toMatchObject({ past: true, days: 0 });
    expect(justAhead).toMatchObject({ past: false, days: 0 });
    const [, almostTwo] = authentikTimeline({ latestValid: NOW - 2 * DAY_MS + HOUR, overCapacitySince: null, now: NOW }).expiry;
    expect(almostTwo).toMatchObject({ past: true, days: 1 });
  });

  it('steps over capacity 2, 4 and 6 weeks after the first refresh that saw it, as an estimate', () => {
    const since = NOW - 3 * WEEK_MS;
    const timeline = authentikTimeline({ latestValid: NOW + 365 * DAY_MS, overCapacitySince: since, now: NOW });
    expect(timeline.overCapacity).toEqual([
      { kind: 'over_capacity_seen', at: since, past: true, days: 21 },
      { kind: 'admin_banner', at: since + 2 * WEEK_MS, past: true, days: 7 },
      { kind: 'user_banner', at: since + 4 * WEEK_MS, past: false, days: 7 },
      { kind: 'read_only', at: since + 6 * WEEK_MS, past: false, days: 21 },
    ]);
    expect(timeline.readOnly).toEqual({ kind: 'read_only', at: since + 6 * WEEK_MS, past: false, days: 21, cause: 'over_capacity', estimate: true });
  });

  it('matches authentik’s over-capacity statuses when the last valid record is the first over-capacity sighting', () => {
    const since = NOW;
    const licenses = [{ expiresAt: NOW + 365 * DAY_MS, internalUsers: 10, externalUsers: 10 }];
    const statusAt = (at: number) => authentikStatus({ licenses, usage: { internalUsers: 11, externalUsers: 0 }, lastValid: since, now: at });
    const [, admin, user, readOnly] = authentikTimeline({ latestValid: licenses[0]?.expiresAt ?? 0, overCapacitySince: since, now: NOW }).overCapacity;
    expect(statusAt((admin?.at ?? 0) + HOUR)).toBe('limit_exceeded_admin');
    expect(statusAt((user?.at ?? 0) + HOUR)).toBe('limit_exceeded_user');
    expect(statusAt((readOnly?.at ?? 0) + HOUR)).toBe('read_only');
    expect(statusAt((admin?.at ?? 0) - HOUR)).toBe('valid');
  });

  it('takes whichever read-only date comes first', () => {
    const timeline = authentikTimeline({ latestValid: NOW - 5 * WEEK_MS, overCapacitySince: NOW - 2 * WEEK_MS, now: NOW });
    expect(timeline.readOnly).toEqual({ kind: 'read_only', at: NOW + WEEK_MS, past: false, days: 7, cause: 'expiry', estimate: false });
  });
});

function installed(expiry: number, internalUsers: number, externalUsers: number, reason = 'ok'): VerifiedLicense {
  return { expiry: new Date(expiry).toISOString(), internalUsers, externalUsers, verdict: { valid: reason === 'ok', reason } };
}

describe('guideCapacities', () => {
  it('counts licenses that verify, expired ones too, and leaves out forged or foreign keys', () => {
    const capacities = guideCapacities([
      installed(NOW + DAY_MS, 10, 1),
      installed(NOW - DAY_MS, 5, 2, 'expired'),
      installed(NOW + 9 * DAY_MS, 100, 100, 'install_id_mismatch'),
      installed(NOW + 9 * DAY_MS, 100, 100, 'bad_signature'),
    ]);
    expect(capacities).toEqual([
      { expiresAt: NOW + DAY_MS, internalUsers: 10, externalUsers: 1 },
      { expiresAt: NOW - DAY_MS, internalUsers: 5, externalUsers: 2 },
    ]);
  });
});

describe('guideInstanceTimeline', () => {
  it('is empty without licenses', () => {
    expect(guideInstanceTimeline([], NOW)).toEqual({ cumulativeExpiry: null, steps: [], ladder: [] });
  });

  it('gives the cumulative expiry, the step-down and the ladder at the last expiry, with days left', () => {
    const first = NOW + 10 * DAY_MS;
    const last = NOW + 40 * DAY_MS;
    const timeline = guideInstanceTimeline(
      [
        { expiresAt: last, internalUsers: 10, externalUsers: 0 },
        { expiresAt: first, internalUsers: 5, externalUsers: 3 },
      ],
      NOW,
    );
    expect(timeline.cumulativeExpiry).toEqual({ kind: 'cumulative_expiry', at: first, past: false, days: 10 });
    expect(timeline.steps).toEqual([
      { from: NOW, to: first, internalUsers: 15, externalUsers: 3 },
      { from: first, to: last, internalUsers: 10, externalUsers: 0 },
    ]);
    expect(timeline.ladder).toEqual([
      { kind: 'expirySoon', at: last - 2 * WEEK_MS, past: false, days: 26 },
      { kind: 'expiry', at: last, past: false, days: 40 },
      { kind: 'adminWarning', at: last + 2 * WEEK_MS, past: false, days: 54 },
      { kind: 'userWarning', at: last + 4 * WEEK_MS, past: false, days: 68 },
      { kind: 'readOnly', at: last + 6 * WEEK_MS, past: false, days: 82 },
    ]);
  });

  it('has no cumulative expiry once every license has expired, but keeps the ladder', () => {
    const timeline = guideInstanceTimeline([{ expiresAt: NOW - 3 * DAY_MS, internalUsers: 1, externalUsers: 1 }], NOW);
    expect(timeline.cumulativeExpiry).toBeNull();
    expect(timeline.steps).toEqual([]);
    expect(timeline.ladder.map((date) => [date.kind, date.past])).toEqual([
      ['expirySoon', true],
      ['expiry', true],
      ['adminWarning', false],
      ['userWarning', false],
      ['readOnly', false],
    ]);
  });
});
