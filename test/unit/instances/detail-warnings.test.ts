import { describe, expect, it } from 'vitest';
import {
  CLOCK_SKEW_WARNING_MS,
  clockSkewWarning,
  describeDuration,
  duplicateKeyWarnings,
  installIdChangedWarning,
  TRIAL_ONLY_HORIZON_MS,
  trialOnlyWarning,
} from '../../../main/instances/detail-warnings';
import type { LicenseFacts } from '../../../main/instances/reading-facts';

const NOW = Date.parse('2026-11-29T12:00:00Z');
const DAY = 86_400_000;
const SECOND = 1000;
const FP_A = `sha256:${'a'.repeat(64)}`;
const FP_B = `sha256:${'b'.repeat(64)}`;
const OLD_ID = '6b3c8a51-2f4e-4d7a-9c1b-0e5f7a9d2c44';
const NEW_ID = 'f0e1d2c3-b4a5-4968-8776-655443322110';

function license(overrides: Partial<LicenseFacts>): LicenseFacts {
  // Distinct keys are distinct licenses unless a test says otherwise.
  const fingerprint = overrides.fingerprint ?? FP_A;
  return {
    licenseUuid: crypto.randomUUID(),
    name: 'Acme',
    internalUsers: 10,
    externalUsers: 100,
    expiry: NOW + 365 * DAY,
    fingerprint,
    licenseIdentity: fingerprint,
    flags: [],
    verdict: { valid: true, reason: 'ok', message: 'valid' },
    verdictByLocalClock: null,
    ...overrides,
  };
}

describe('clock skew warning (more than 5 minutes either way)', () => {
  it.each([
    ['exactly 5 minutes ahead', CLOCK_SKEW_WARNING_MS, false],
    ['exactly 5 minutes behind', -CLOCK_SKEW_WARNING_MS, false],
    ['5 minutes less a second ahead', CLOCK_SKEW_WARNING_MS - SECOND, false],
    ['5 minutes and a second ahead', CLOCK_SKEW_WARNING_MS + SECOND, true],
    ['5 minutes and a second behind', -CLOCK_SKEW_WARNING_MS - SECOND, true],
  ])('%s: warned %s', (_, skew, warned) => {
    expect(clockSkewWarning({ skewMs: skew, source: 'server_time' }) !== null).toBe(warned);
  });

  it('is silent when the server told no time', () => {
    expect(clockSkewWarning(null)).toBeNull();
  });

  it('says ahead or behind, by how much, and that authentik judges expiry by its own clock', () => {
    const ahead = clockSkewWarning({ skewMs: 7 * 60_000 + 12 * SECOND, source: 'server_time' });
    expect(ahead).toEqual({
      kind: 'clock_skew',
      message: expect.stringContaining("7 minutes 12 seconds ahead of this computer's"),
    });
    expect(ahead?.message).toContain('authentik judges expiry by its own clock');
    expect(ahead?.message).toContain('run out there 7 minutes 12 seconds earlier');
    expect(ahead?.message).toContain('(from the server time authentik reports)');
    const behind = clockSkewWarning({ skewMs: -3 * 3_600_000, source: 'date' });
    expect(behind?.message).toContain("3 hours behind this computer's (from its HTTP Date header)");
    expect(behind?.message).toContain('later than the dates shown here');
  });
});

describe('describeDuration', () => {
  it.each([
    [0, '0 seconds'],
    [SECOND, '1 second'],
    [5 * 60_000 + SECOND, '5 minutes 1 second'],
    [-(2 * DAY + 3 * 3_600_000 + 59_000), '2 days 3 hours'],
    [DAY + 30_000, '1 day'],
  ])('%d ms is "%s"', (ms, words) => {
    expect(describeDuration(ms)).toBe(words);
  });
});

describe('trial-only warning (a trial becomes the only valid license within 30 days)', () => {
  const trial = license({ name: 'Trial', flags: ['trial'], expiry: NOW + 90 * DAY, fingerprint: FP_B });

  it.each([
    ['the last full license expires in exactly 30 days', TRIAL_ONLY_HORIZON_MS, true],
    ['in 30 days and a second', TRIAL_ONLY_HORIZON_MS + SECOND, false],
    ['in a day', DAY, true],
  ])('%s: warned %s', (_, left, warned) => {
    expect(trialOnlyWarning([license({ expiry: NOW + left }), trial], NOW) !== null).toBe(warned);
  });

  it('says when, and names the trial', () => {
    const warning = trialOnlyWarning([license({ name: 'Full', expiry: NOW + 12 * DAY }), trial], NOW);
    expect(warning?.kind).toBe('trial_only');
    expect(warning?.message).toContain('On 2026-12-11 (in 12 days) the last license that is not a trial expires');
    expect(warning?.message).toContain(
      'the trial license "Trial" (valid until 2027-02-27) becomes the only valid license',
    );
  });

  it('is silent when a full license outlives every trial', () => {
    expect(
      trialOnlyWarning([license({ expiry: NOW + 10 * DAY }), license({ expiry: NOW + 100 * DAY }), trial], NOW),
    ).toBeNull();
    expect(
      trialOnlyWarning([license({ expiry: NOW + 10 * DAY }), { ...trial, expiry: NOW + 9 * DAY }], NOW),
    ).toBeNull();
  });

  it('is silent when there is no trial, or only trials (nothing changes then)', () => {
    expect(trialOnlyWarning([license({ expiry: NOW + 10 * DAY })], NOW)).toBeNull();
    expect(trialOnlyWarning([trial], NOW)).toBeNull();
  });

  it('counts only licenses that verify and have not expired', () => {
    const invalidTrial = {
      ...trial,
      verdict: { valid: false, reason: 'install_id_mismatch', message: 'other install' },
    };
    expect(trialOnlyWarning([license({ expiry: NOW + 10 * DAY }), invalidTrial], NOW)).toBeNull();
    // The only full license already expired: the trial is the only one already, nothing to foresee.
    expect(trialOnlyWarning([license({ expiry: NOW - DAY }), trial], NOW)).toBeNull();
  });
});

describe('duplicate key warning', () => {
  it('names the key, counts the copies and the seats counted too many', () => {
    const warnings = duplicateKeyWarnings([
      license({ name: 'Acme' }),
      license({ name: 'Other', fingerprint: FP_B }),
      license({ name: 'Acme' }),
    ]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.kind).toBe('duplicate_key');
    expect(warnings[0]?.message).toContain(`The same key (${FP_A}) is installed 2 times, as "Acme"`);
    expect(warnings[0]?.message).toContain('10 internal and 100 external seats are counted 2 times');
    expect(warnings[0]?.message).toContain('10 internal and 100 external seats higher than what was bought');
    expect(warnings[0]?.message).toContain('Delete one of the two copies');
  });

  it('names every distinct name among the copies, and three copies as three', () => {
    const [warning] = duplicateKeyWarnings([license({ name: 'A' }), license({ name: 'B' }), license({ name: 'A' })]);
    expect(warning?.message).toContain('installed 3 times, as "A" and "B"');
    expect(warning?.message).toContain('20 internal and 200 external seats higher');
    expect(warning?.message).toContain('all but one of the 3 copies');
  });

  it('is silent when every key is installed once', () => {
    expect(duplicateKeyWarnings([license({}), license({ fingerprint: FP_B })])).toEqual([]);
  });
});

describe('Install ID changed warning', () => {
  it('explains that keys for the old Install ID no longer count and a new key is needed for the new one', () => {
    const mismatched = license({ verdict: { valid: false, reason: 'install_id_mismatch', message: '' } });
    const warning = installIdChangedWarning(OLD_ID, NEW_ID, [mismatched, license({})]);
    expect(warning?.kind).toBe('install_id_changed');
    expect(warning?.message).toContain(`changed from ${OLD_ID} to ${NEW_ID}`);
    expect(warning?.message).toContain(
      'Keys issued for the old Install ID no longer count here (1 installed license is for another Install ID)',
    );
    expect(warning?.message).toContain(`buy a new key for ${NEW_ID}`);
  });

  it('is silent when no previous Install ID is kept', () => {
    expect(installIdChangedWarning(null, NEW_ID, [])).toBeNull();
  });
});
