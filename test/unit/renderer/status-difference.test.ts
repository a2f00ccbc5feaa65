import { describe, expect, it } from 'vitest';
import { localDate } from '../../../renderer/format/dates';
import { statusDifference, type StatusDifferenceInput } from '../../../renderer/format/status-difference';
import { authentikRules } from '../../../shared/license/authentik-rules';

const READ_AT = Date.parse('2026-11-29T12:00:00Z');
const DAY_MS = 86_400_000;
const at = (days: number): string => new Date(READ_AT + days * DAY_MS).toISOString();
const SEATS = { internalUsers: 50, externalUsers: 100 };

/** Live and cached computed from the same licenses, 300 days before the combined expiry, 10 internal and 3 external users in use. */
function input(overrides: Partial<StatusDifferenceInput>): StatusDifferenceInput {
  const latestValid = overrides.latestValid === undefined ? at(300) : overrides.latestValid;
  return {
    live: 'valid',
    cached: 'valid',
    latestValid,
    licensed: SEATS,
    usage: { internalUsers: 10, externalUsers: 3 },
    cachedSummary: { latestValid, licensed: SEATS },
    readAt: new Date(READ_AT).toISOString(),
    rules: authentikRules('2026.5.6'),
    ...overrides,
  };
}

describe('statusDifference: why live and cached status differ, in words', () => {
  it('licenses installed, replaced or removed since the cache was computed: names both sets of seats and expiries', () => {
    const reason = statusDifference(
      input({
        live: 'valid',
        cached: 'expiry_soon',
        latestValid: at(365),
        licensed: { internalUsers: 100, externalUsers: 200 },
        cachedSummary: { latestValid: at(10), licensed: SEATS },
      }),
    );
    expect(reason.kind).toBe('licenses_changed');
    expect(reason.text).toBe(
      `Licenses were installed, replaced or removed after authentik last computed its cached status: it was computed with 50 internal and 100 external seats and a combined expiry of ${localDate(at(10))}; the licenses installed now give 100 internal and 200 external seats and a combined expiry of ${localDate(at(365))}.`,
    );
  });

  it('a changed capacity alone, or the last license removed, is a change of licenses too', () => {
    expect(
      statusDifference(
        input({
          live: 'limit_exceeded_admin',
          cached: 'valid',
          cachedSummary: { latestValid: at(300), licensed: { internalUsers: 80, externalUsers: 100 } },
        }),
      ).kind,
    ).toBe('licenses_changed');
    const removed = statusDifference(
      input({
        live: 'unlicensed',
        cached: 'valid',
        latestValid: null,
        licensed: { internalUsers: 0, externalUsers: 0 },
        cachedSummary: { latestValid: at(300), licensed: SEATS },
      }),
    );
    expect(removed.kind).toBe('licenses_changed');
    expect(removed.text).toContain(
      'the licenses installed now give 0 internal and 0 external seats and no combined expiry',
    );
  });

  it('the combined expiry passed after the cache was computed', () => {
    const reason = statusDifference(input({ live: 'expired', cached: 'expiry_soon', latestValid: at(-0.5) }));
    expect(reason).toEqual({
      kind: 'expired',
      text: `The combined expiry, ${localDate(at(-0.5))}, passed after authentik last computed its cached status.`,
    });
  });

  it('the combined expiry came within two weeks after the cache was computed', () => {
    const reason = statusDifference(input({ live: 'expiry_soon', cached: 'valid', latestValid: at(13) }));
    expect(reason).toEqual({
      kind: 'expiry_soon',
      text: `The combined expiry, ${localDate(at(13))}, came within two weeks on ${localDate(at(-1))}, after authentik last computed its cached status.`,
    });
  });

  it('six weeks after the combined expiry the live status turned read-only before the cached one', () => {
    const reason = statusDifference(input({ live: 'read_only', cached: 'expired', latestValid: at(-43) }));
    expect(reason).toEqual({
      kind: 'read_only_after_expiry',
      text: `Six weeks after the combined expiry of ${localDate(at(-43))}, on ${localDate(at(-1))}, the instance became read-only after authentik last computed its cached status.`,
    });
  });

  it('the users in use crossed the licensed seats after the cache was computed', () => {
    const reason = statusDifference(
      input({ live: 'limit_exceeded_admin', cached: 'valid', usage: { internalUsers: 60, externalUsers: 120 } }),
    );
    expect(reason).toEqual({
      kind: 'over_capacity',
      text: 'The users in use now exceed the licensed seats (60 internal users against 50 seats and 120 external users against 100 seats); authentik last computed its cached status before they did.',
    });
  });

  it('the users in use came back within the seats after the cache was computed', () => {
    const reason = statusDifference(
      input({ live: 'valid', cached: 'limit_exceeded_user', usage: { internalUsers: 40, externalUsers: 3 } }),
    );
    expect(reason).toEqual({
      kind: 'within_capacity',
      text: 'The users in use are back within the licensed seats (40 internal of 50, 3 external of 100); authentik last computed its cached status while they exceeded them.',
    });
    // A cached read-only that the expiry (300 days away) cannot explain came from the user count.
    expect(statusDifference(input({ live: 'valid', cached: 'read_only' })).kind).toBe('within_capacity');
  });

  it('otherwise the plain lag of the cache, also when usage or the read time is unknown', () => {
    const lag = {
      kind: 'cache_lag',
      text: 'Nothing in what was read points to one change; authentik’s cached status simply lags the live one.',
    };
    expect(
      statusDifference(
        input({ live: 'valid', cached: 'limit_exceeded_admin', usage: { internalUsers: 60, externalUsers: 3 } }),
      ),
    ).toEqual(lag);
    expect(statusDifference(input({ live: 'limit_exceeded_admin', cached: 'valid', usage: null }))).toEqual(lag);
    expect(
      statusDifference(input({ live: 'expiry_soon', cached: 'valid', latestValid: at(13), readAt: null })),
    ).toEqual(lag);
    expect(
      statusDifference(input({ live: 'expired', cached: 'valid', latestValid: at(-1), cachedSummary: null })),
    ).toMatchObject({ kind: 'expired' });
  });
});
