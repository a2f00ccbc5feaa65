import { describe, expect, it } from 'vitest';
import type { LicenseCapacity } from '../../../shared/license/capacity';
import { guideTimeline } from '../../../shared/license/guide-timeline';
import { DAY_MS, WEEK_MS } from '../../../shared/time/durations';

const AT = Date.UTC(2026, 2, 1, 0, 0, 0);
const SECOND = 1000;

function license(expiresAt: number, internalUsers: number, externalUsers: number): LicenseCapacity {
  return Object.freeze({ expiresAt, internalUsers, externalUsers });
}

function licenses(...items: LicenseCapacity[]): readonly LicenseCapacity[] {
  // Frozen so that sorting or otherwise mutating the caller's list throws.
  return Object.freeze(items);
}

describe('guideTimeline', () => {
  it('is empty for no licenses', () => {
    expect(guideTimeline([], AT)).toEqual({ cumulativeExpiry: null, steps: [], ladder: null });
  });

  it('gives one step and the ladder for a single license', () => {
    const last = AT + 10 * DAY_MS;
    expect(guideTimeline(licenses(license(last, 10, 5)), AT)).toEqual({
      cumulativeExpiry: last,
      steps: [{ from: AT, to: last, internalUsers: 10, externalUsers: 5 }],
      ladder: {
        expirySoon: last - 14 * DAY_MS,
        expiry: last,
        adminWarning: last + 14 * DAY_MS,
        userWarning: last + 28 * DAY_MS,
        readOnly: last + 42 * DAY_MS,
      },
    });
  });

  describe('cumulative expiry and capacity step-down', () => {
    const b = AT + 10 * DAY_MS;
    const a = AT + 30 * DAY_MS;
    const c = AT + 60 * DAY_MS;
    // Deliberately not in expiry order.
    const set = licenses(license(a, 10, 0), license(b, 5, 2), license(c, 1, 1));

    it('takes the earliest expiry and steps capacity down at each expiry', () => {
      const timeline = guideTimeline(set, AT);
      expect(timeline.cumulativeExpiry).toBe(b);
      expect(timeline.steps).toEqual([
        { from: AT, to: b, internalUsers: 16, externalUsers: 3 },
        { from: b, to: a, internalUsers: 11, externalUsers: 1 },
        { from: a, to: c, internalUsers: 1, externalUsers: 1 },
      ]);
      expect(timeline.ladder?.expiry).toBe(c);
    });

    it('still counts a license one second before its expiry', () => {
      const timeline = guideTimeline(set, b - SECOND);
      expect(timeline.cumulativeExpiry).toBe(b);
      expect(timeline.steps[0]).toEqual({ from: b - SECOND, to: b, internalUsers: 16, externalUsers: 3 });
    });

    it('recomputes without the first license once it expires', () => {
      const timeline = guideTimeline(set, b);
      expect(timeline.cumulativeExpiry).toBe(a);
      expect(timeline.steps).toEqual([
        { from: b, to: a, internalUsers: 11, externalUsers: 1 },
        { from: a, to: c, internalUsers: 1, externalUsers: 1 },
      ]);
    });

    it('recomputes again after the second expiry', () => {
      const timeline = guideTimeline(set, a + SECOND);
      expect(timeline.cumulativeExpiry).toBe(c);
      expect(timeline.steps).toEqual([{ from: a + SECOND, to: c, internalUsers: 1, externalUsers: 1 }]);
    });

    it('has no cumulative expiry or steps once all have expired, ladder still at the last expiry', () => {
      const timeline = guideTimeline(set, c);
      expect(timeline.cumulativeExpiry).toBeNull();
      expect(timeline.steps).toEqual([]);
      expect(timeline.ladder?.expiry).toBe(c);
    });
  });

  it('merges licenses with equal expiries into one boundary', () => {
    const shared = AT + 20 * DAY_MS;
    const later = AT + 40 * DAY_MS;
    const timeline = guideTimeline(licenses(license(shared, 3, 1), license(later, 1, 0), license(shared, 4, 2)), AT);
    expect(timeline.cumulativeExpiry).toBe(shared);
    expect(timeline.steps).toEqual([
      { from: AT, to: shared, internalUsers: 8, externalUsers: 3 },
      { from: shared, to: later, internalUsers: 1, externalUsers: 0 },
    ]);
  });

  it('treats a license expiring exactly at `at` as expired', () => {
    const other = AT + 5 * DAY_MS;
    const set = licenses(license(AT, 100, 100), license(other, 1, 1));
    const timeline = guideTimeline(set, AT);
    expect(timeline.cumulativeExpiry).toBe(other);
    expect(timeline.steps).toEqual([{ from: AT, to: other, internalUsers: 1, externalUsers: 1 }]);
    // One second earlier it is still unexpired and is the cumulative expiry.
    const before = guideTimeline(set, AT - SECOND);
    expect(before.cumulativeExpiry).toBe(AT);
    expect(before.steps).toEqual([
      { from: AT - SECOND, to: AT, internalUsers: 101, externalUsers: 101 },
      { from: AT, to: other, internalUsers: 1, externalUsers: 1 },
    ]);
  });

  it('ignores expired licenses for the cumulative expiry and capacity', () => {
    const future = AT + 7 * DAY_MS;
    const timeline = guideTimeline(licenses(license(AT - 30 * DAY_MS, 50, 50), license(future, 2, 3)), AT);
    expect(timeline.cumulativeExpiry).toBe(future);
    expect(timeline.steps).toEqual([{ from: AT, to: future, internalUsers: 2, externalUsers: 3 }]);
    expect(timeline.ladder?.expiry).toBe(future);
  });

  it('anchors the ladder at the latest past expiry when all licenses have expired', () => {
    const latestPast = AT - 3 * DAY_MS;
    const timeline = guideTimeline(licenses(license(AT - 30 * DAY_MS, 5, 5), license(latestPast, 1, 1)), AT);
    expect(timeline).toEqual({
      cumulativeExpiry: null,
      steps: [],
      ladder: {
        expirySoon: latestPast - 2 * WEEK_MS,
        expiry: latestPast,
        adminWarning: latestPast + 2 * WEEK_MS,
        userWarning: latestPast + 4 * WEEK_MS,
        readOnly: latestPast + 6 * WEEK_MS,
      },
    });
  });

  it('places the ladder rungs 2 weeks apart in the guide order', () => {
    const ladder = guideTimeline(licenses(license(AT + DAY_MS, 1, 0)), AT).ladder;
    expect(ladder).not.toBeNull();
    if (ladder === null) return;
    expect(ladder.expiry - ladder.expirySoon).toBe(14 * DAY_MS);
    expect(ladder.adminWarning - ladder.expiry).toBe(14 * DAY_MS);
    expect(ladder.userWarning - ladder.adminWarning).toBe(14 * DAY_MS);
    expect(ladder.readOnly - ladder.userWarning).toBe(14 * DAY_MS);
  });

  it('leaves the input list unchanged', () => {
    const set = licenses(license(AT + 9 * DAY_MS, 1, 1), license(AT + DAY_MS, 2, 2));
    guideTimeline(set, AT);
    expect(set.map((l) => l.expiresAt)).toEqual([AT + 9 * DAY_MS, AT + DAY_MS]);
  });
});
