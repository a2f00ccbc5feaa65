import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { authentikRules } from '../../../shared/license/authentik-rules';
import { DAY_MS, WEEK_MS } from '../../../shared/time/durations';
import { toIsoUtc } from '../../../shared/time/iso';
import { preflightAgainst } from '../../../main/instances/install-preflight';
import type { InstanceSnapshot, LicenseSummary } from '../../../main/instances/instance-snapshot';
import type { StatusHistoryEntry } from '../../../main/instances/status-history';
import { trustRootsOf } from '../../../main/license/trust-roots';
import { AT, AT_SECONDS, INSTALL_ID } from '../../pki/key-cases';
import { instanceSnapshot } from './snapshot-fixture';
import { licenseClaims, mintKey } from '../../pki/mint-key';
import { createTestPki } from '../../pki/test-pki';

const pki = await createTestPki();
const roots = trustRootsOf([new X509Certificate(pki.root.pem)]);
const now = AT.getTime();
const DAY_S = 24 * 3600;
const key = (days: number, claims: Record<string, unknown> = {}) =>
  mintKey({
    signer: pki.signerP384,
    intermediate: pki.intermediate,
    claims: licenseClaims(INSTALL_ID, AT_SECONDS + Math.round(days * DAY_S), {
      internal_users: 10,
      external_users: 100,
      ...claims,
    }),
  });
const day = (ms: number) => toIsoUtc(ms).slice(0, 10);
const options = { roots, now, allowOverCapacity: false, overrideHint: '--allow-over-capacity' };

/** The newest release, 40 internal users, one license (50 seats) that expired five weeks ago: authentik's seats are 0. */
function lapsed(status: string, overrides: Partial<InstanceSnapshot> = {}): InstanceSnapshot {
  const expiredKey = key(-35, { name: 'Lapsed', internal_users: 50 });
  const summary: LicenseSummary = {
    status,
    internalUsers: 0,
    externalUsers: 0,
    latestValid: now - 5 * WEEK_MS,
    licenseFlags: [],
  };
  const licenses = [
    {
      licenseUuid: 'a6f0c2f5-1a3b-4c5d-8e9f-0a1b2c3d4e5f',
      name: 'Lapsed',
      key: expiredKey,
      expiry: now - 5 * WEEK_MS,
      internalUsers: 50,
      externalUsers: 100,
    },
  ];
  return instanceSnapshot(summary, licenses, {
    forecast: { internalUsers: 40, externalUsers: 3, forecastedInternalUsers: 0, forecastedExternalUsers: 36 },
    clock: null,
    ...overrides,
  });
}

describe('the install preflight refuses a key after which authentik stays read-only', () => {
  it('read_only now and too few seats after the key: refused (over_capacity), saying why with the dates', () => {
    const { preflight } = preflightAgainst(lapsed('read_only'), key(365), options);
    expect(preflight).toMatchObject({
      action: 'refuse',
      reason: 'over_capacity',
      overCapacity: { readOnlyNow: true, outlook: { atOnce: 'yes' } },
    });
    expect(preflight.action === 'refuse' && preflight.message).toBe(
      'It stays read-only: 40 internal users, 10 seats after this key. The seats of the expired license "Lapsed" do not count (authentik 2026.5 or later). ' +
        `authentik's last valid usage record is from before ${day(now - 6 * WEEK_MS - 1)} (it reports read_only now), more than 6 weeks ago, and authentik is read-only ` +
        'while the users exceed the seats that long after it; only enough seats lift it. Nothing was sent; use a license with enough seats for the users, or --allow-over-capacity to install it anyway.',
    );
  });

  it('lets it through when allowed, saying what happens; and a key with enough seats without a word', () => {
    const allowed = preflightAgainst(lapsed('read_only'), key(365), { ...options, allowOverCapacity: true }).preflight;
    expect(allowed.action).toBe('send');
    expect(allowed.warnings).toEqual([
      expect.stringContaining('With this key, 40 internal users exceed the 10 licensed.'),
    ]);
    expect(allowed.warnings[0]).toContain('Installed anyway: it stays read-only.');
    expect(preflightAgainst(lapsed('read_only'), key(365, { internal_users: 40 }), options).preflight).toEqual({
      action: 'send',
      warnings: [],
      overCapacity: null,
    });
  });

  it('a replace judged without the replaced license: the same refusal', () => {
    const snapshot = lapsed('read_only');
    const { preflight } = preflightAgainst(snapshot, key(365, { internal_users: 20 }), {
      ...options,
      replaces: snapshot.licenses[0]?.licenseUuid ?? null,
    });
    expect(preflight).toMatchObject({ action: 'refuse', reason: 'over_capacity' });
    expect(preflight.action === 'refuse' && preflight.message).toMatch(
      /^It stays read-only: 40 internal users, 20 seats after this key\. authentik's last valid/,
    );
  });

  it('not read-only right after (limit_exceeded_user): sends, warning with the real dates of the next steps', () => {
    const { preflight } = preflightAgainst(lapsed('limit_exceeded_user'), key(365), options);
    expect(preflight.action).toBe('send');
    expect(preflight.warnings[0]).toContain(
      `authentik's last valid usage record is from between ${day(now - 6 * WEEK_MS)} and ${day(now - 4 * WEEK_MS - 1)} (it reports limit_exceeded_user now).`,
    );
    expect(preflight.warnings[0]).toContain(
      `Unless enough seats are licensed first, administrators already see a warning banner, users already see a warning banner and it turns read-only between ${day(now)} and ${day(now + 2 * WEEK_MS - 1)}.`,
    );
  });

  it('a status that cannot date the last valid record (2025.4.0, expired seats still counting): refused as possibly read-only', () => {
    const snapshot = lapsed('expired', {
      version: '2025.4.0',
      rules: authentikRules('2025.4.0'),
      live: { ...lapsed('expired').live, internalUsers: 50 },
    });
    const { preflight } = preflightAgainst(snapshot, key(365, { internal_users: 20 }), {
      ...options,
      replaces: snapshot.licenses[0]?.licenseUuid ?? null,
    });
    expect(preflight).toMatchObject({
      action: 'refuse',
      reason: 'over_capacity',
      overCapacity: { outlook: { atOnce: 'maybe' } },
    });
    expect(preflight.action === 'refuse' && preflight.message).toContain(
      `It may turn read-only at once: 40 internal users, 20 seats after this key. authentik's last valid usage record cannot be dated (it reports expired now), and authentik is read-only at once if that record is from before ${day(now - 6 * WEEK_MS)}.`,
    );
  });
});

describe("the app's history narrows the bounds (saved instances only)", () => {
  const reading = (daysAgo: number, status: string): StatusHistoryEntry => ({
    at: toIsoUtc(now - daysAgo * DAY_MS),
    status,
    statusCached: status,
    licensed: { internalUsers: 50, externalUsers: 100 },
    usage: { internalUsers: 40, externalUsers: 3 },
  });

  it('an unlicensed instance the app saw valid 10 days ago (its license deleted since) is not read-only right after: warns instead', () => {
    const snapshot = lapsed('unlicensed', {
      licenses: [],
      live: { status: 'unlicensed', internalUsers: 0, externalUsers: 0, latestValid: null, licenseFlags: [] },
    });
    expect(preflightAgainst(snapshot, key(365), options).preflight).toMatchObject({
      action: 'refuse',
      reason: 'over_capacity',
    });
    const { preflight } = preflightAgainst(snapshot, key(365), {
      ...options,
      history: [reading(30, 'valid'), reading(10, 'valid')],
    });
    expect(preflight.action).toBe('send');
    expect(preflight.warnings[0]).toContain(
      `(it reports unlicensed now; the app read valid on ${day(now - 10 * DAY_MS)}).`,
    );
  });
});

describe("keys are judged by the instance's clock", () => {
  it('a key that expires in one hour is expired on an instance whose clock is 2 hours ahead: refused, with both answers', () => {
    const snapshot = lapsed('valid', { licenses: [], clock: { skewMs: 2 * 3600_000, source: 'server_time' } });
    const { preflight, instanceNow } = preflightAgainst(snapshot, key(1 / 24, { internal_users: 50 }), options);
    expect(instanceNow).toBe(now + 2 * 3600_000);
    expect(preflight).toMatchObject({ action: 'refuse', reason: 'expired' });
    expect(preflight.warnings).toEqual([
      "By the instance's clock, which authentik judges by (2 hours ahead of this computer's), the key has expired; by this computer's clock it is valid.",
    ]);
  });

  it('clocks under a second apart are the same clock: one answer', () => {
    const snapshot = lapsed('valid', { licenses: [], clock: { skewMs: 600, source: 'date' } });
    const { preflight, instanceNow } = preflightAgainst(snapshot, key(365, { internal_users: 50 }), options);
    expect(instanceNow).toBe(now);
    expect(preflight).toEqual({ action: 'send', warnings: [], overCapacity: null });
  });
});
