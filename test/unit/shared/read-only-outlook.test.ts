import { describe, expect, it } from 'vitest';
import { authentikRules } from '../../../shared/license/authentik-rules';
import { authentikStatus } from '../../../shared/license/authentik-status';
import type { LastValidBounds } from '../../../shared/license/last-valid-bounds';
import { readOnlyOutlook } from '../../../shared/license/read-only-outlook';
import { DAY_MS, WEEK_MS } from '../../../shared/time/durations';

const NOW = Date.UTC(2026, 10, 29, 12, 0, 0);
const NEWEST = authentikRules('2026.5.6');
const PRE_2024_8 = authentikRules('2024.6.3');
const YEAR_OUT = NOW + 365 * DAY_MS;
const basis = { status: 'x', history: null };
const between = (notBefore: number | null, notAfter: number): LastValidBounds => ({
  kind: 'between',
  notBefore,
  notAfter,
  basis,
});
const outlook = (bounds: LastValidBounds, rules = NEWEST, expiryAfter: number | null = YEAR_OUT) =>
  readOnlyOutlook(bounds, { now: NOW, rules, expiryAfter });

describe('readOnlyOutlook: an install after which the users still exceed the seats', () => {
  it('no valid record: read-only at once from 2024.8 (the epoch), never a step before (now)', () => {
    expect(outlook({ kind: 'never', basis })).toEqual({ atOnce: 'yes', steps: [], waitsForExpiry: false });
    expect(outlook({ kind: 'never', basis }, PRE_2024_8)).toEqual({ atOnce: 'no', steps: [], waitsForExpiry: false });
  });

  it('a last valid record more than 6 weeks old: read-only at once', () => {
    expect(outlook(between(null, NOW - 6 * WEEK_MS - 1))).toEqual({ atOnce: 'yes', steps: [], waitsForExpiry: false });
    expect(outlook(between(NOW - 9 * WEEK_MS, NOW - 7 * WEEK_MS))).toEqual({
      atOnce: 'yes',
      steps: [],
      waitsForExpiry: false,
    });
  });

  it('a record that cannot be dated, or may be over 6 weeks old: maybe', () => {
    expect(outlook(between(null, NOW))).toMatchObject({
      atOnce: 'maybe',
      steps: [
        { kind: 'admin_banner', earliest: null },
        { kind: 'user_banner', earliest: null },
        { kind: 'read_only', earliest: null },
      ],
    });
    expect(outlook(between(NOW - 7 * WEEK_MS, NOW - 5 * WEEK_MS)).atOnce).toBe('maybe');
  });

  it('limit_exceeded_user (4 to 6 weeks): not at once, read-only within 2 weeks', () => {
    const last = between(NOW - 6 * WEEK_MS, NOW - 4 * WEEK_MS - 1);
    expect(outlook(last)).toEqual({
      atOnce: 'no',
      steps: [
        { kind: 'admin_banner', earliest: NOW - 4 * WEEK_MS, latest: NOW - 2 * WEEK_MS - 1 },
        { kind: 'user_banner', earliest: NOW - 2 * WEEK_MS, latest: NOW - 1 },
        { kind: 'read_only', earliest: NOW, latest: NOW + 2 * WEEK_MS - 1 },
      ],
      waitsForExpiry: false,
    });
  });

  it('a recent valid record and an expiry more than 2 weeks out: authentik keeps recording valid, the steps count from 2 weeks before the expiry', () => {
    expect(outlook(between(NOW - 10 * 3600_000, NOW))).toEqual({
      atOnce: 'no',
      steps: [
        { kind: 'admin_banner', earliest: YEAR_OUT, latest: YEAR_OUT },
        { kind: 'user_banner', earliest: YEAR_OUT + 2 * WEEK_MS, latest: YEAR_OUT + 2 * WEEK_MS },
        { kind: 'read_only', earliest: YEAR_OUT + 4 * WEEK_MS, latest: YEAR_OUT + 4 * WEEK_MS },
      ],
      waitsForExpiry: true,
    });
  });

  it('agrees with authentik status(): the last valid record of the fall-through stops at 2 weeks before the expiry', () => {
    // Over capacity with a record 1 day old and a key for a year: valid now, then limit_exceeded_admin from the expiry.
    const licenses = [{ expiresAt: YEAR_OUT, internalUsers: 10, externalUsers: 0 }];
    const usage = { internalUsers: 40, externalUsers: 0 };
    const at = (now: number, lastValid: number) => authentikStatus({ licenses, usage, lastValid, now, rules: NEWEST });
    expect(at(NOW, NOW - DAY_MS)).toBe('valid');
    const [admin, user, readOnly] = outlook(between(NOW - DAY_MS, NOW - DAY_MS)).steps;
    const lastValid = YEAR_OUT - 2 * WEEK_MS;
    expect(at((admin?.latest ?? 0) + 1, lastValid)).toBe('limit_exceeded_admin');
    expect(at((user?.latest ?? 0) + 1, lastValid)).toBe('limit_exceeded_user');
    expect(at((readOnly?.latest ?? 0) + 1, lastValid)).toBe('read_only');
    expect(at((readOnly?.latest ?? 0) - 1, lastValid)).toBe('limit_exceeded_user');
  });

  it('an expiry within 2 weeks: the records say expiry_soon, so the record stays where it is', () => {
    const soon = NOW + WEEK_MS;
    expect(outlook(between(NOW - DAY_MS, NOW - DAY_MS), NEWEST, soon).steps.map((step) => step.latest)).toEqual([
      NOW - DAY_MS + 2 * WEEK_MS,
      NOW - DAY_MS + 4 * WEEK_MS,
      NOW - DAY_MS + 6 * WEEK_MS,
    ]);
  });

  it('before 2024.8 the records hold within_limits, false over capacity: the steps count from the last valid record', () => {
    expect(outlook(between(NOW - DAY_MS, NOW - DAY_MS), PRE_2024_8).steps.map((step) => step.latest)).toEqual([
      NOW - DAY_MS + 2 * WEEK_MS,
      NOW - DAY_MS + 4 * WEEK_MS,
      NOW - DAY_MS + 6 * WEEK_MS,
    ]);
  });
});
