import { describe, expect, it } from 'vitest';
import { authentikRules } from '../../../shared/license/authentik-rules';
import { authentikStatus, type AuthentikStatusInput } from '../../../shared/license/authentik-status';
import {
  combinedExpiry,
  licensedCapacity,
  type LicenseCapacity,
  type UserCounts,
} from '../../../shared/license/capacity';
import { DAY_MS, WEEK_MS } from '../../../shared/time/durations';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const HOUR = 60 * 60 * 1000;

const license = (expiresAt: number, internalUsers = 100, externalUsers = 100): LicenseCapacity => ({
  expiresAt,
  internalUsers,
  externalUsers,
});
const users = (internalUsers: number, externalUsers: number): UserCounts => ({ internalUsers, externalUsers });
const at = (version: string | null, now = NOW) => ({ rules: authentikRules(version), now });

const status = (
  version: string | null,
  input: Omit<AuthentikStatusInput, 'rules' | 'now'> & { now?: number },
): string => authentikStatus({ now: NOW, ...input, rules: authentikRules(version) });

/** A 100/100 license expired a day ago beside a 10/10 one valid for a year. */
const MIXED = [license(NOW - DAY_MS), license(NOW + 365 * DAY_MS, 10, 10)];

describe("licensedCapacity by release: expired licenses' seats", () => {
  it.each(['2024.8.0', '2024.10.5', '2025.2.4', '2025.4.0'])(
    'counts them in %s (get_total() sums every license)',
    (version) => {
      expect(licensedCapacity(MIXED, at(version))).toEqual(users(110, 110));
    },
  );

  it.each(['2023.10.7', '2024.6.3', '2025.4.1', '2025.10.2', '2026.5.6', null])(
    'does not count them in %s',
    (version) => {
      expect(licensedCapacity(MIXED, at(version))).toEqual(users(10, 10));
    },
  );

  it('counts a license until its expiry instant, inclusive (expiry >= now)', () => {
    expect(licensedCapacity([license(NOW, 7, 3)], at('2026.5.6'))).toEqual(users(7, 3));
    expect(licensedCapacity([license(NOW - 1, 7, 3)], at('2026.5.6'))).toEqual(users(0, 0));
  });

  it('leaves an instance whose only license expired no seats on the newest rules', () => {
    expect(licensedCapacity([license(NOW - HOUR)], at(null))).toEqual(users(0, 0));
    expect(licensedCapacity([license(NOW - HOUR)], at('2025.4.0'))).toEqual(users(100, 100));
  });
});

describe('combinedExpiry by release', () => {
  const licenses = [license(NOW - DAY_MS), license(NOW + 30 * DAY_MS), license(NOW + 90 * DAY_MS)];

  it('takes the earliest unexpired expiry before 2024.8', () => {
    expect(combinedExpiry(licenses, at('2024.6.3'))).toBe(NOW + 30 * DAY_MS);
    expect(combinedExpiry([license(NOW - DAY_MS)], at('2023.10.7'))).toBeNull();
  });

  it.each(['2024.8.0', '2025.4.1', '2026.5.6', null])('takes the latest of all licenses in %s', (version) => {
    expect(combinedExpiry(licenses, at(version))).toBe(NOW + 90 * DAY_MS);
    expect(combinedExpiry([license(NOW - DAY_MS)], at(version))).toBe(NOW - DAY_MS);
  });
});

describe('authentikStatus by release: an instance whose only license expired', () => {
  // Its last `valid` record is from just before the expiry_soon fortnight began.
  const expiredAgo = (ago: number) => ({
    licenses: [license(NOW - ago)],
    usage: users(1, 0),
    lastValid: NOW - ago - 2 * WEEK_MS - HOUR,
  });

  it('is expired on 2024.8 to 2025.4.0, where its seats still count, and read-only 6 weeks after the expiry', () => {
    expect(status('2025.4.0', expiredAgo(10 * HOUR))).toBe('expired');
    expect(status('2025.4.0', expiredAgo(5 * WEEK_MS))).toBe('expired');
    expect(status('2025.4.0', expiredAgo(6 * WEEK_MS + HOUR))).toBe('read_only');
  });

  it('is over capacity from 2025.4.1 (no seats left): admin banner at once, read-only about 4 weeks after the expiry', () => {
    expect(status('2025.4.1', expiredAgo(10 * HOUR))).toBe('limit_exceeded_admin');
    expect(status('2026.5.6', expiredAgo(2 * WEEK_MS + HOUR))).toBe('limit_exceeded_user');
    expect(status('2026.5.6', expiredAgo(5 * WEEK_MS))).toBe('read_only');
  });

  it('is expired on every release from 2024.8 when no user is active', () => {
    for (const version of ['2024.8.0', '2025.4.1', null]) {
      expect(status(version, { ...expiredAgo(10 * HOUR), usage: users(0, 0) })).toBe('expired');
    }
  });

  it('is invalid before 2024.8: its users exceed the seats of the unexpired licenses (none)', () => {
    // last_valid falls back to now() when no record qualifies, so no warning starts.
    expect(status('2024.6.3', { licenses: [license(NOW - 10 * HOUR)], usage: users(1, 0), lastValid: null })).toBe(
      'invalid',
    );
    expect(status('2024.6.3', { licenses: [license(NOW - 10 * HOUR)], usage: users(0, 0), lastValid: null })).toBe(
      'valid',
    );
  });
});

describe('authentikStatus before 2024.8: the boolean summary, read back', () => {
  it('is invalid over capacity (no warning yet), whatever the expiry', () => {
    expect(status('2024.6.3', { licenses: MIXED, usage: users(11, 0), lastValid: NOW })).toBe('invalid');
    expect(status('2024.6.3', { licenses: MIXED, usage: users(10, 10), lastValid: NOW })).toBe('valid');
  });

  it('warns from the last valid record 2, 4 and 6 weeks back, as the later releases do', () => {
    const over = { licenses: MIXED, usage: users(11, 0) };
    expect(status('2024.6.3', { ...over, lastValid: NOW - 3 * WEEK_MS })).toBe('limit_exceeded_admin');
    expect(status('2024.6.3', { ...over, lastValid: NOW - 5 * WEEK_MS })).toBe('limit_exceeded_user');
    expect(status('2024.6.3', { ...over, lastValid: NOW - 7 * WEEK_MS })).toBe('read_only');
  });

  it('has no expiry_soon: a license about to expire reads as valid', () => {
    expect(status('2024.6.3', { licenses: [license(NOW + HOUR)], usage: users(1, 0), lastValid: NOW })).toBe('valid');
    expect(status('2024.8.0', { licenses: [license(NOW + HOUR)], usage: users(1, 0), lastValid: NOW })).toBe(
      'expiry_soon',
    );
  });

  it('is unlicensed without licenses; in 2023.10 old records still raise the warnings (not yet ANDed with has_license)', () => {
    const none = { licenses: [], usage: users(1, 0), lastValid: NOW - 7 * WEEK_MS };
    expect(status('2024.2.0', none)).toBe('unlicensed');
    expect(status('2023.10.7', none)).toBe('read_only');
  });

  it('never turns read-only at once: with no valid record last_valid is now, not the epoch', () => {
    const first = { licenses: [license(NOW + 365 * DAY_MS, 0, 0)], usage: users(5, 0), lastValid: null };
    expect(status('2024.6.3', first)).toBe('invalid');
    expect(status('2024.8.0', first)).toBe('read_only');
  });
});
