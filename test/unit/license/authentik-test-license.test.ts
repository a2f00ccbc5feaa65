import { X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { trustRootsOf } from '../../../main/license/trust-roots';
import { verifyKey } from '../../../main/license/verify-key';
import { authentikRules } from '../../../shared/license/authentik-rules';
import { authentikStatus, type AuthentikStatus } from '../../../shared/license/authentik-status';
import { combinedExpiry, exceeds, licensedCapacity, type LicenseCapacity } from '../../../shared/license/capacity';
import { DAY_MS, WEEK_MS } from '../../../shared/time/durations';
import { createTestPki } from '../../pki/test-pki';
import { readInstalledKey, validateLicenseKey } from '../../sim/authentik/key-validation';
import { licenseStatus, withinLimits } from '../../sim/authentik/license-status';
import type { StoredLicense } from '../../sim/authentik/license-store';
import { licenseTotal } from '../../sim/authentik/license-total';
import { computeSummary } from '../../sim/authentik/summary';
import { UsageRecords } from '../../sim/authentik/usage-records';
import { resolveVersion } from '../../sim/authentik/versions';

/*
 * authentik's own `authentik/enterprise/tests/test_license.py` (TestEnterpriseLicense), case by case,
 * against the simulator's functions and the app's rules alike. As in those tests, `LicenseKey.validate`
 * is patched away: each license is its claims (100 internal, 100 external seats); `record_usage` is
 * mocked, so the usage records are only the ones a test writes. Fixtures from
 * `authentik/enterprise/tests/__init__.py`, with now fixed at a whole second.
 */
const NOW = Date.UTC(2026, 4, 6, 12);
const seconds = (ms: number): number => Math.trunc(ms / 1000);
const EXPIRY_VALID = seconds(NOW + 3000 * DAY_MS);
const EXPIRY_SOON = seconds(NOW + 10 * 3600_000);
const EXPIRY_EXPIRED = seconds(NOW - 10 * 3600_000);
const EXPIRY_EXPIRED_READ_ONLY = seconds(NOW - 7 * WEEK_MS);
/** The patched `get_internal_user_count` / `get_external_user_count`. */
const THOUSAND_EACH = { internal: 1000, external: 1000 };
/** The test database's own users where a test leaves the counts real: an admin; any handful gives the same verdict. */
const REAL_USERS = { internal: 1, external: 0 };
const NO_USERS = { internal: 0, external: 0 };

interface Scenario {
  version: string;
  /** Each license's `exp` (Unix seconds); 100/100 seats each. */
  licenses: number[];
  users: { internal: number; external: number };
  /** The one `LicenseUsage` a test writes (`status=VALID`, or `within_limits` before 2024.8), its `record_date` in ms. */
  validRecordAt?: number;
}

/** Both sides for one scenario: the simulator's `get_total()` and summary, the app's status; `only` picks one license. */
function judge(scenario: Scenario, only?: number) {
  const pick = <T>(all: T[]): T[] => (only === undefined ? all : all.slice(only, only + 1));
  const rules = resolveVersion({ version: scenario.version });
  const usage = new UsageRecords(rules);
  const at = scenario.validRecordAt;
  usage.replace(at === undefined ? [] : [rules.statusApi ? { at, status: 'valid' } : { at, withinLimits: true }]);
  const users = { ...scenario.users, internalJoinedLast30Days: 0 };
  const claims = { aud: '', name: 'enterprise_test', internal_users: 100, external_users: 100, license_flags: [] };
  const stored: StoredLicense[] = pick(
    scenario.licenses.map((exp, index) => ({ licenseUuid: `${index}`, key: `${index}`, claims: { ...claims, exp } })),
  );
  const total = licenseTotal(stored, rules, NOW);

  const appRules = authentikRules(scenario.version);
  const capacities: LicenseCapacity[] = pick(
    scenario.licenses.map((exp) => ({ expiresAt: exp * 1000, internalUsers: 100, externalUsers: 100 })),
  );
  const counts = { internalUsers: users.internal, externalUsers: users.external };
  const seats = licensedCapacity(capacities, { rules: appRules, now: NOW });
  return {
    simulator: {
      total,
      summary: computeSummary({ licenses: stored, users, usage, rules, now: NOW }),
      /** `LicenseKey.status()` of these licenses (2024.8 →). */
      status: licenseStatus({ total, hasLicense: true, users, lastValid: usage.lastValid(NOW), now: NOW }),
      /** `LicenseKey.is_valid()` (before 2024.8). */
      isValid: withinLimits(total, users),
    },
    app: {
      seats,
      combinedExpiry: combinedExpiry(capacities, { rules: appRules, now: NOW }),
      status: authentikStatus({
        licenses: capacities,
        usage: counts,
        lastValid: at ?? null,
        now: NOW,
        rules: appRules,
      }),
      isValid: !exceeds(counts, seats),
    },
  };
}

/** `LicenseUsageStatus.is_valid`: VALID or EXPIRY_SOON. */
const IS_VALID: AuthentikStatus[] = ['valid', 'expiry_soon'];

describe.each(['2024.8.0', '2025.4.0', '2025.4.1', '2026.5.6'])(
  'authentik test_license.py, status forms, on %s',
  (version) => {
    it('test_valid: a second license besides the fixture one; its own status().is_valid, internal_users 100', () => {
      const { simulator, app } = judge({ version, licenses: [EXPIRY_VALID, EXPIRY_VALID], users: REAL_USERS }, 1);
      expect(IS_VALID).toContain(simulator.status);
      expect(IS_VALID).toContain(app.status);
      expect(simulator.total.internalUsers).toBe(100);
      expect(app.seats.internalUsers).toBe(100);
    });

    it('test_valid_multiple: two licenses 100/100 → get_total() 200/200, exp = expiry_valid, status().is_valid', () => {
      const scenario = { version, licenses: [EXPIRY_VALID, EXPIRY_VALID], users: REAL_USERS };
      for (const index of [0, 1]) {
        expect(IS_VALID).toContain(judge(scenario, index).simulator.status);
        expect(IS_VALID).toContain(judge(scenario, index).app.status);
      }
      const { simulator, app } = judge(scenario);
      expect(simulator.total).toMatchObject({ internalUsers: 200, externalUsers: 200, exp: EXPIRY_VALID });
      expect(app.seats).toEqual({ internalUsers: 200, externalUsers: 200 });
      expect(app.combinedExpiry).toBe(EXPIRY_VALID * 1000);
      expect(IS_VALID).toContain(simulator.status);
      expect(IS_VALID).toContain(app.status);
    });

    it.each([
      ['test_limit_exceeded_read_only', 7, 'read_only'],
      ['test_limit_exceeded_user_warning', 5, 'limit_exceeded_user'],
      ['test_limit_exceeded_admin_warning', 3, 'limit_exceeded_admin'],
    ] as const)('%s: license 100/100, users 1000/1000, one valid record %i weeks old → %s', (_name, weeks, status) => {
      const { simulator, app } = judge({
        version,
        licenses: [EXPIRY_VALID],
        users: THOUSAND_EACH,
        validRecordAt: NOW - weeks * WEEK_MS,
      });
      expect(simulator.summary).toMatchObject({ status });
      expect(app.status).toBe(status);
    });

    it('test_expiry_read_only: the license expired 7 weeks ago, real user counts, no record → read_only', () => {
      const { simulator, app } = judge({ version, licenses: [EXPIRY_EXPIRED_READ_ONLY], users: REAL_USERS });
      expect(simulator.summary).toMatchObject({ status: 'read_only' });
      expect(app.status).toBe('read_only');
    });

    it('test_expiry_soon: the license expires in 10 hours, real user counts → expiry_soon', () => {
      const { simulator, app } = judge({ version, licenses: [EXPIRY_SOON], users: REAL_USERS });
      expect(simulator.summary).toMatchObject({ status: 'expiry_soon' });
      expect(app.status).toBe('expiry_soon');
    });
  },
);

describe('authentik test_license.py test_expiry_expired: one license expired 10 hours ago → expired', () => {
  it.each(['2025.4.1', '2026.5.6'])('the #14451 form on %s: all users deleted first', (version) => {
    const { simulator, app } = judge({ version, licenses: [EXPIRY_EXPIRED], users: NO_USERS });
    expect(simulator.summary).toMatchObject({ status: 'expired' });
    expect(app.status).toBe('expired');
  });

  it.each(['2024.8.0', '2025.4.0'])(
    'the earlier form on %s: the users kept, the expired seats still count',
    (version) => {
      const { simulator, app } = judge({ version, licenses: [EXPIRY_EXPIRED], users: REAL_USERS });
      expect(simulator.summary).toMatchObject({ status: 'expired' });
      expect(app.status).toBe('expired');
    },
  );

  it('why #14451 deletes the users: on 2025.4.1 and later the earlier form would be read_only (no seats, no valid record)', () => {
    const { simulator, app } = judge({ version: '2026.5.6', licenses: [EXPIRY_EXPIRED], users: REAL_USERS });
    expect(simulator.summary).toMatchObject({ status: 'read_only' });
    expect(app.status).toBe('read_only');
  });
});

describe.each(['2024.2.0', '2024.6.3'])(
  'authentik test_license.py, boolean forms (before 2024.8), on %s',
  (version) => {
    it("test_valid: the license's is_valid() and internal_users 100", () => {
      const { simulator, app } = judge({ version, licenses: [EXPIRY_VALID, EXPIRY_VALID], users: REAL_USERS }, 1);
      expect(simulator.isValid).toBe(true);
      expect(app.isValid).toBe(true);
      expect(simulator.total.internalUsers).toBe(100);
      expect(app.seats.internalUsers).toBe(100);
    });

    it("test_valid_multiple: two licenses → get_total() 200/200, exp = _exp, is_valid(); the summary's valid too", () => {
      const { simulator, app } = judge({ version, licenses: [EXPIRY_VALID, EXPIRY_VALID], users: REAL_USERS });
      expect(simulator.total).toMatchObject({ internalUsers: 200, externalUsers: 200, exp: EXPIRY_VALID });
      expect(app.seats).toEqual({ internalUsers: 200, externalUsers: 200 });
      expect(app.combinedExpiry).toBe(EXPIRY_VALID * 1000);
      expect(simulator.isValid && app.isValid).toBe(true);
      expect(simulator.summary).toMatchObject({ valid: true, read_only: false, has_license: true });
      expect(app.status).toBe('valid');
    });
  },
);

describe('authentik test_license.py test_invalid: License.objects.create(key=generate_id()) raises ValidationError', () => {
  let roots: X509Certificate[];
  beforeAll(async () => {
    roots = [new X509Certificate((await createTestPki()).root.pem)];
  });

  it.each(['2024.2.0', '2024.6.3', '2024.8.0', '2025.4.1', '2026.5.6'])(
    'on %s: both refuse a random 40-character id as a key',
    (version) => {
      const key = 'd4e8f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8';
      const rules = resolveVersion({ version });
      // The ORM create's pre_save reads the key (2024.8 →, without the expiry checks), the API validates it.
      expect(readInstalledKey(key, { roots, rules })).toBeNull();
      expect(validateLicenseKey(key, { roots, installId: 'any', now: NOW, rules })).toEqual({
        ok: false,
        status: 400,
        message: 'Unable to verify license',
      });
      expect(verifyKey(key, { roots: trustRootsOf(roots), at: NOW, rules: authentikRules(version) })).toMatchObject({
        valid: false,
        reason: 'malformed',
      });
    },
  );
});
