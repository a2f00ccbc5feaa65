import { describe, expect, it } from 'vitest';
import {
  authentikRules,
  firstReleaseAccepting,
  parseAuthentikVersion,
  rulesBasis,
} from '../../../shared/license/authentik-rules';
import { WEEK_MS } from '../../../shared/time/durations';

/** The rules that change between releases, for a compact comparison. */
function shape(version: string | null) {
  const rules = authentikRules(version);
  return {
    expiredSeatsCount: rules.expiredSeatsCount,
    combinedExpiry: rules.combinedExpiry,
    lastValidFallback: rules.lastValidFallback,
    summaryShape: rules.summaryShape,
    warningsNeedLicense: rules.warningsNeedLicense,
    algorithms: rules.algorithms,
    installIdPath: rules.installIdPath,
  };
}

const PRE_2024_2 = {
  expiredSeatsCount: false,
  combinedExpiry: 'earliest_unexpired',
  lastValidFallback: 'now',
  summaryShape: 'booleans',
  warningsNeedLicense: false,
  algorithms: ['ES512'],
  installIdPath: '/enterprise/license/get_install_id/',
};
const PRE_2024_8 = { ...PRE_2024_2, warningsNeedLicense: true };
const EXPIRED_SEATS_SUMMED = {
  expiredSeatsCount: true,
  combinedExpiry: 'latest',
  lastValidFallback: 'epoch',
  summaryShape: 'status',
  warningsNeedLicense: false,
  algorithms: ['ES512'],
  installIdPath: '/enterprise/license/install_id/',
};
const EXPIRED_SEATS_DROPPED = { ...EXPIRED_SEATS_SUMMED, expiredSeatsCount: false };
const NEWEST = { ...EXPIRED_SEATS_DROPPED, algorithms: ['ES512', 'ES384'] };

describe('authentikRules: the table, release by release', () => {
  it.each([
    ['2023.10.7', PRE_2024_2],
    ['2024.2.0', PRE_2024_8],
    ['2024.4.4', PRE_2024_8],
    ['2024.6.3', PRE_2024_8],
    ['2024.8.0-rc1', EXPIRED_SEATS_SUMMED],
    ['2024.8.3', EXPIRED_SEATS_SUMMED],
    ['2024.12.2', EXPIRED_SEATS_SUMMED],
    ['2025.2.4', EXPIRED_SEATS_SUMMED],
    ['2025.4.0', EXPIRED_SEATS_SUMMED],
    ['2025.4', EXPIRED_SEATS_SUMMED],
    ['2025.4.1', EXPIRED_SEATS_DROPPED],
    ['2025.6.0', EXPIRED_SEATS_DROPPED],
    ['2025.10.2', EXPIRED_SEATS_DROPPED],
    ['2026.2.3', EXPIRED_SEATS_DROPPED],
    ['2026.5.0-rc1', NEWEST],
    ['2026.5.6', NEWEST],
    ['v2026.8.3', NEWEST],
  ])('%s', (version, expected) => {
    expect(shape(version)).toEqual(expected);
    expect(authentikRules(version)).toMatchObject({ version, assumption: null });
  });

  it("keeps authentik's week thresholds in every release", () => {
    for (const version of ['2023.10.0', '2024.8.0', '2026.8.0', null]) {
      expect(authentikRules(version).thresholds).toEqual({
        adminWarningMs: 2 * WEEK_MS,
        userWarningMs: 4 * WEEK_MS,
        expiryWarningMs: 2 * WEEK_MS,
        readOnlyMs: 6 * WEEK_MS,
      });
    }
  });

  it('names the releases each span describes', () => {
    expect(authentikRules('2024.6.3').releases).toBe('authentik 2024.2 to 2024.6');
    expect(authentikRules('2025.4.0').releases).toBe('authentik 2024.8 to 2025.4.0');
    expect(authentikRules('2025.4.1').releases).toBe('authentik 2025.4.1 up to 2026.5');
    expect(authentikRules('2026.5.6').releases).toBe('authentik 2026.5 or later');
  });
});

describe('authentikRules: when the version does not settle it', () => {
  it.each([
    [null, 'no authentik version known'],
    ['', 'authentik version "" not readable'],
    ['main', 'authentik version "main" not readable'],
    ['gh-next', 'authentik version "gh-next" not readable'],
    ['2026.10.0', '2026.10.0 is newer than the releases checked'],
    ['2027.2.1', '2027.2.1 is newer than the releases checked'],
  ])('takes the newest rules for %j, and says why', (version, why) => {
    const rules = authentikRules(version);
    expect(shape(version)).toEqual(NEWEST);
    expect(rules.version).toBe(version);
    expect(rules.assumption).toBe(`newest rules assumed (authentik 2026.5 or later): ${why}`);
    expect(rulesBasis(rules)).toBe(rules.assumption);
  });

  it('takes the oldest rules for a release before 2023.10, flagged', () => {
    expect(shape('2023.8.3')).toEqual(PRE_2024_2);
    expect(authentikRules('2023.8.3').assumption).toBe(
      'oldest rules assumed (authentik 2023.10): 2023.8.3 is older than the releases checked',
    );
  });

  it('states the rules applied when the version is known', () => {
    expect(rulesBasis(authentikRules('2025.10.2'))).toBe(
      'rules of authentik 2025.4.1 up to 2026.5 (the instance runs 2025.10.2)',
    );
  });
});

describe('parseAuthentikVersion', () => {
  it.each([
    ['2025.4.1', [2025, 4, 1]],
    ['2024.8.0-rc1', [2024, 8, 0]],
    ['2026.5.6', [2026, 5, 6]],
    [' v2023.10.7 ', [2023, 10, 7]],
    ['2025.4', [2025, 4, 0]],
    ['2025.12.0+build.7', [2025, 12, 0]],
    ['2025.4.x', null],
    ['2025', null],
    ['25.4.1', null],
    ['2025.4.1beta', null],
    ['latest', null],
  ])('%j → %j', (version, expected) => {
    expect(parseAuthentikVersion(version)).toEqual(expected);
  });
});

describe('firstReleaseAccepting', () => {
  it('dates each algorithm authentik accepts, and none other', () => {
    expect(firstReleaseAccepting('ES512')).toBe('2023.10');
    expect(firstReleaseAccepting('ES384')).toBe('2026.5');
    expect(firstReleaseAccepting('RS256')).toBeNull();
  });
});
