import { describe, expect, it } from 'vitest';
import { authentikRules } from '../../../shared/license/authentik-rules';
import {
  AUTHENTIK_STATUSES,
  authentikStatus,
  type AuthentikStatusInput,
} from '../../../shared/license/authentik-status';
import {
  combinedExpiry,
  licensedCapacity,
  type LicenseCapacity,
  type UserCounts,
} from '../../../shared/license/capacity';
import { DAY_MS, WEEK_MS } from '../../../shared/time/durations';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const SECOND = 1000;
const HOUR = 60 * 60 * 1000;
// authentik's tests below are the newest test_license.py's, so they run against the newest rules.
const NEWEST = authentikRules('2026.8.3');
const AT_NOW = { rules: NEWEST, now: NOW };

// The expiries authentik's test fixtures use (authentik/enterprise/tests/__init__.py):
// expiry_valid = now + 3000 days, expiry_soon = now + 10 h, expiry_expired = now - 10 h,
// expiry_expired_read_only = now - (THRESHOLD_READ_ONLY_WEEKS + 1) weeks.
const EXPIRY_VALID = NOW + 3000 * DAY_MS;
const EXPIRY_SOON = NOW + 10 * HOUR;
const EXPIRY_EXPIRED = NOW - 10 * HOUR;
const EXPIRY_EXPIRED_READ_ONLY = NOW - 7 * WEEK_MS;

function license(expiresAt: number, internalUsers = 100, externalUsers = 100): LicenseCapacity {
  return { expiresAt, internalUsers, externalUsers };
}

function users(internalUsers: number, externalUsers: number): UserCounts {
  return { internalUsers, externalUsers };
}

/** One 100/100 license that is far from expiry, usage within capacity, never valid before. */
function status(overrides: Partial<AuthentikStatusInput>): string {
  return authentikStatus({
    licenses: [license(EXPIRY_VALID)],
    usage: users(0, 0),
    lastValid: null,
    now: NOW,
    rules: NEWEST,
    ...overrides,
  });
}

const OVER = users(1000, 1000);

describe('AUTHENTIK_STATUSES', () => {
  it('lists exactly the values of authentik LicenseUsageStatus, and invalid for the pre-2024.8 valid: false', () => {
    expect([...AUTHENTIK_STATUSES].sort()).toEqual([
      'expired',
      'expiry_soon',
      'invalid',
      'limit_exceeded_admin',
      'limit_exceeded_user',
      'read_only',
      'unlicensed',
      'valid',
    ]);
  });
});

describe('authentikStatus: cases mirrored from authentik/enterprise/tests', () => {
  // test_license.py test_valid: one 100/100 license with expiry_valid is valid.
  it('test_valid: an unexpired license with usage within capacity is valid', () => {
    expect(status({ usage: users(5, 5) })).toBe('valid');
  });

  // test_license.py test_valid_multiple: two 100/100 licenses sum to 200/200, total.exp == expiry_valid.
  it('test_valid_multiple: two licenses sum their capacity and keep the expiry', () => {
    const licenses = [license(EXPIRY_VALID), license(EXPIRY_VALID)];
    expect(licensedCapacity(licenses, AT_NOW)).toEqual(users(200, 200));
    expect(combinedExpiry(licenses, AT_NOW)).toBe(EXPIRY_VALID);
    expect(status({ licenses, usage: users(200, 200) })).toBe('valid');
  });

  // test_license.py test_limit_exceeded_read_only (and every test in test_read_only.py, which set up the
  // same state before checking the middleware): 1000/1000 users on a 100/100 license, last VALID usage
  // record 7 weeks old.
  it('test_limit_exceeded_read_only: over capacity with last valid 7 weeks ago is read_only', () => {
    expect(status({ usage: OVER, lastValid: NOW - 7 * WEEK_MS })).toBe('read_only');
  });

  // test_license.py test_limit_exceeded_user_warning: last VALID record (4 + 1) weeks old.
  it('test_limit_exceeded_user_warning: over capacity with last valid 5 weeks ago is limit_exceeded_user', () => {
    expect(status({ usage: OVER, lastValid: NOW - 5 * WEEK_MS })).toBe('limit_exceeded_user');
  });

  // test_license.py test_limit_exceeded_admin_warning: last VALID record (2 + 1) weeks old.
  it('test_limit_exceeded_admin_warning: over capacity with last valid 3 weeks ago is limit_exceeded_admin', () => {
    expect(status({ usage: OVER, lastValid: NOW - 3 * WEEK_MS })).toBe('limit_exceeded_admin');
  });

  // test_license.py test_expiry_read_only: license expired (6 + 1) weeks ago.
  it('test_expiry_read_only: a license expired 7 weeks ago is read_only', () => {
    expect(status({ licenses: [license(EXPIRY_EXPIRED_READ_ONLY)] })).toBe('read_only');
  });

  // test_license.py test_expiry_expired: license expired 10 hours ago; the test deletes every user first,
  // because from #14451 the expired license adds no seats and any user would be over capacity.
  it('test_expiry_expired: a license expired 10 hours ago is expired, with no users', () => {
    expect(status({ licenses: [license(EXPIRY_EXPIRED)] })).toBe('expired');
    expect(status({ licenses: [license(EXPIRY_EXPIRED)], usage: users(1, 0) })).toBe('read_only');
  });

  // test_license.py test_expiry_soon: license expiring in 10 hours.
  it('test_expiry_soon: a license expiring in 10 hours is expiry_soon', () => {
    expect(status({ licenses: [license(EXPIRY_SOON)] })).toBe('expiry_soon');
  });
});

describe('authentikStatus: unlicensed', () => {
  it('is unlicensed without licenses, even over capacity and never valid', () => {
    expect(status({ licenses: [], usage: OVER, lastValid: null })).toBe('unlicensed');
    expect(status({ licenses: [], usage: null })).toBe('unlicensed');
  });
});

describe('authentikStatus: capacity comparison is strictly greater', () => {
  // lastValid null (epoch) makes any over-capacity state read_only, so the comparison alone decides.
  it.each([
    { name: 'internal and external equal to capacity', usage: users(100, 100), expected: 'valid' },
    { name: 'internal one over capacity', usage: users(101, 100), expected: 'read_only' },
    { name: 'external one over capacity', usage: users(100, 101), expected: 'read_only' },
    { name: 'internal one under, external one over', usage: users(99, 101), expected: 'read_only' },
    { name: 'both under capacity', usage: users(0, 0), expected: 'valid' },
  ])('$name -> $expected', ({ usage, expected }) => {
    expect(status({ usage, lastValid: null })).toBe(expected);
  });

  it('treats zero licensed external users as exceeded by a single external user', () => {
    const licenses = [license(EXPIRY_VALID, 10, 0)];
    expect(status({ licenses, usage: users(10, 0) })).toBe('valid');
    expect(status({ licenses, usage: users(10, 1) })).toBe('read_only');
  });

  it('skips the capacity check when usage is unknown', () => {
    expect(status({ licenses: [license(EXPIRY_VALID, 0, 0)], usage: null, lastValid: null })).toBe('valid');
  });

  it('ignores lastValid when usage is within capacity', () => {
    expect(status({ usage: users(100, 100), lastValid: null })).toBe('valid');
    expect(status({ usage: users(100, 100), lastValid: NOW - 10 * WEEK_MS })).toBe('valid');
  });

  it('is read_only at once when over capacity and never valid (lastValid null is the epoch)', () => {
    expect(status({ usage: users(101, 0), lastValid: null })).toBe('read_only');
    expect(status({ usage: users(101, 0), lastValid: 0 })).toBe('read_only');
  });
});

describe('authentikStatus: last-valid thresholds when over capacity (lastValid < now - N weeks)', () => {
  it.each([
    { name: 'now - 6w - 1s', lastValid: NOW - 6 * WEEK_MS - SECOND, expected: 'read_only' },
    { name: 'now - 6w', lastValid: NOW - 6 * WEEK_MS, expected: 'limit_exceeded_user' },
    { name: 'now - 6w + 1s', lastValid: NOW - 6 * WEEK_MS + SECOND, expected: 'limit_exceeded_user' },
    { name: 'now - 4w - 1s', lastValid: NOW - 4 * WEEK_MS - SECOND, expected: 'limit_exceeded_user' },
    { name: 'now - 4w', lastValid: NOW - 4 * WEEK_MS, expected: 'limit_exceeded_admin' },
    { name: 'now - 4w + 1s', lastValid: NOW - 4 * WEEK_MS + SECOND, expected: 'limit_exceeded_admin' },
    { name: 'now - 2w - 1s', lastValid: NOW - 2 * WEEK_MS - SECOND, expected: 'limit_exceeded_admin' },
    { name: 'now - 2w', lastValid: NOW - 2 * WEEK_MS, expected: 'valid' },
    { name: 'now - 2w + 1s', lastValid: NOW - 2 * WEEK_MS + SECOND, expected: 'valid' },
    { name: 'now', lastValid: NOW, expected: 'valid' },
  ])('lastValid $name -> $expected', ({ lastValid, expected }) => {
    expect(status({ usage: OVER, lastValid })).toBe(expected);
  });

  it('falls through to the expiry checks within the first 2 weeks over capacity', () => {
    const lastValid = NOW - WEEK_MS;
    expect(status({ usage: OVER, lastValid, licenses: [license(NOW - HOUR)] })).toBe('expired');
    expect(status({ usage: OVER, lastValid, licenses: [license(NOW - 7 * WEEK_MS)] })).toBe('read_only');
    expect(status({ usage: OVER, lastValid, licenses: [license(NOW + DAY_MS)] })).toBe('expiry_soon');
  });

  it('checks capacity before expiry: over capacity for 3 weeks beats a long-expired license', () => {
    expect(status({ usage: OVER, lastValid: NOW - 3 * WEEK_MS, licenses: [license(NOW - 7 * WEEK_MS)] })).toBe(
      'limit_exceeded_admin',
    );
  });
});

describe('authentikStatus: expiry thresholds (latest < now, latest < now - 6w, latest <= now + 2w)', () => {
  it.each([
    { name: 'now - 6w - 1s', expiresAt: NOW - 6 * WEEK_MS - SECOND, expected: 'read_only' },
    { name: 'now - 6w', expiresAt: NOW - 6 * WEEK_MS, expected: 'expired' },
    { name: 'now - 6w + 1s', expiresAt: NOW - 6 * WEEK_MS + SECOND, expected: 'expired' },
    { name: 'now - 1s', expiresAt: NOW - SECOND, expected: 'expired' },
    { name: 'now', expiresAt: NOW, expected: 'expiry_soon' },
    { name: 'now + 1s', expiresAt: NOW + SECOND, expected: 'expiry_soon' },
    { name: 'now + 2w - 1s', expiresAt: NOW + 2 * WEEK_MS - SECOND, expected: 'expiry_soon' },
    { name: 'now + 2w', expiresAt: NOW + 2 * WEEK_MS, expected: 'expiry_soon' },
    { name: 'now + 2w + 1s', expiresAt: NOW + 2 * WEEK_MS + SECOND, expected: 'valid' },
  ])('latest expiry $name -> $expected', ({ expiresAt, expected }) => {
    expect(status({ licenses: [license(expiresAt)] })).toBe(expected);
    // Unknown usage leads to the same answer: the expiry branch does not depend on it.
    expect(status({ licenses: [license(expiresAt)], usage: null })).toBe(expected);
  });
});

describe('authentikStatus: several licenses', () => {
  it('takes the latest expiry even when another license is long expired', () => {
    const licenses = [license(NOW - 10 * WEEK_MS), license(NOW + 30 * DAY_MS)];
    expect(status({ licenses })).toBe('valid');
    expect(status({ licenses: [...licenses].reverse() })).toBe('valid');
  });

  it('takes the latest expiry when it is itself close', () => {
    expect(status({ licenses: [license(NOW - HOUR), license(NOW + WEEK_MS)] })).toBe('expiry_soon');
  });

  it('is expired only when the latest expiry has passed', () => {
    expect(status({ licenses: [license(NOW - 2 * WEEK_MS), license(NOW - SECOND)] })).toBe('expired');
  });

  it("counts only the unexpired licenses' seats (#14451)", () => {
    // With the expired license's 100/100 the 110 users would fit; without them they exceed the 10 licensed.
    const licenses = [license(NOW - 10 * WEEK_MS, 100, 100), license(EXPIRY_VALID, 10, 10)];
    expect(status({ licenses, usage: users(10, 10) })).toBe('valid');
    expect(status({ licenses, usage: users(11, 10) })).toBe('read_only');
    expect(status({ licenses, usage: users(110, 110) })).toBe('read_only');
  });
});

describe('combinedExpiry', () => {
  it('is null without licenses', () => {
    expect(combinedExpiry([], AT_NOW)).toBeNull();
  });

  it('is the latest expiry whatever the order', () => {
    const licenses = [license(NOW + DAY_MS), license(NOW + 9 * DAY_MS), license(NOW - DAY_MS)];
    expect(combinedExpiry(licenses, AT_NOW)).toBe(NOW + 9 * DAY_MS);
    expect(combinedExpiry([...licenses].reverse(), AT_NOW)).toBe(NOW + 9 * DAY_MS);
  });

  it('keeps an expiry at the epoch or before', () => {
    expect(combinedExpiry([license(0)], AT_NOW)).toBe(0);
    expect(combinedExpiry([license(-5 * DAY_MS), license(-DAY_MS)], AT_NOW)).toBe(-DAY_MS);
  });
});

describe('licensedCapacity', () => {
  it('is zero without licenses', () => {
    expect(licensedCapacity([], AT_NOW)).toEqual(users(0, 0));
  });

  it('sums internal and external users separately, of the licenses unexpired at now (expiry >= now)', () => {
    expect(licensedCapacity([license(NOW, 10, 1), license(NOW - WEEK_MS, 5, 0), license(NOW, 0, 7)], AT_NOW)).toEqual(
      users(10, 8),
    );
  });
});
