import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { authentikRules } from '../../../shared/license/authentik-rules';
import type { InstanceSnapshot, InstalledLicense } from '../../../main/instances/instance-snapshot';
import { exitForStatus, worstExit } from '../../../main/instances/monitoring-state';
import { statusReport } from '../../../main/instances/status-report';
import { keyFingerprint } from '../../../main/license/fingerprint';
import { trustRootsOf } from '../../../main/license/trust-roots';
import { statusLine } from '../../../main/cli/output/status-line';
import { AT, AT_SECONDS, INSTALL_ID, OTHER_INSTALL_ID } from '../../pki/key-cases';
import { instanceSnapshot } from './snapshot-fixture';
import { licenseClaims, mintKey } from '../../pki/mint-key';
import { createTestPki } from '../../pki/test-pki';

const pki = await createTestPki();
const roots = trustRootsOf([new X509Certificate(pki.root.pem)]);
const now = AT.getTime();
const DAY = 24 * 3600;

function license(name: string, expSeconds: number, installId = INSTALL_ID): InstalledLicense {
  const key = mintKey({
    signer: pki.signerP384,
    intermediate: pki.intermediate,
    claims: licenseClaims(installId, expSeconds, { name, internal_users: 50, external_users: 100 }),
  });
  return { licenseUuid: `uuid-${name}`, name, key, expiry: expSeconds * 1000, internalUsers: 50, externalUsers: 100 };
}

const yearly = license('Yearly', AT_SECONDS + 365 * DAY);

function snapshot(overrides: Partial<InstanceSnapshot> = {}): InstanceSnapshot {
  const summary = {
    status: 'valid',
    internalUsers: 50,
    externalUsers: 100,
    latestValid: (AT_SECONDS + 365 * DAY) * 1000,
    licenseFlags: [],
  };
  return instanceSnapshot(summary, [yearly], {
    forecast: { internalUsers: 40, externalUsers: 3, forecastedInternalUsers: 24, forecastedExternalUsers: 36 },
    ...overrides,
  });
}

describe('status report', () => {
  it('is OK with no warning for a valid instance, with every field of the contract', () => {
    const report = statusReport(snapshot(), roots, now);
    expect(report).toEqual({
      instance: { url: 'https://auth.example.com', version: '2026.5.6', install_id: INSTALL_ID },
      status: 'valid',
      status_cached: 'valid',
      latest_valid: '2027-11-29T12:00:00Z',
      licensed: { internal_users: 50, external_users: 100 },
      usage: { internal_users: 40, external_users: 3 },
      forecast: { internal_users: 40, external_users: 3, forecasted_internal_users: 24, forecasted_external_users: 36 },
      flags: [],
      licenses: [
        {
          license_uuid: 'uuid-Yearly',
          name: 'Yearly',
          expiry: '2027-11-29T12:00:00Z',
          internal_users: 50,
          external_users: 100,
          fingerprint: keyFingerprint(yearly.key),
          verification: { valid: true, reason: 'ok' },
        },
      ],
      warnings: [],
      notes: [],
      exit: 0,
    });
    expect(JSON.stringify(report)).not.toContain(yearly.key);
    expect(statusLine(report, now)).toBe(
      'AKLM OK - valid, expires 2027-11-29 (365 days), internal 40/50, external 3/100',
    );
  });

  it('warns when the combined expiry is within 30 days, not at 31', () => {
    const soon = (days: number) =>
      statusReport(snapshot({ live: { ...snapshot().live, latestValid: now + days * DAY * 1000 } }), roots, now);
    expect(soon(30).warnings).toHaveLength(1);
    expect(soon(30).exit).toBe(1);
    expect(soon(31).warnings).toEqual([]);
  });

  it('warns about a duplicate key and a key that fails offline verification; an expired one is only a note', () => {
    const expired = license('Old', AT_SECONDS - DAY);
    const foreign = license('Foreign', AT_SECONDS + 90 * DAY, OTHER_INSTALL_ID);
    const report = statusReport(
      snapshot({ licenses: [yearly, { ...yearly, licenseUuid: 'uuid-copy' }, expired, foreign] }),
      roots,
      now,
    );
    expect(report.warnings).toHaveLength(2);
    expect(report.warnings[0]).toContain('installed twice');
    expect(report.warnings[1]).toContain('install_id_mismatch');
    expect(report.notes).toHaveLength(1);
    expect(report.notes[0]).toContain('expired license "Old"');
    expect(report.licenses.map((entry) => entry.verification.reason)).toEqual([
      'ok',
      'ok',
      'expired',
      'install_id_mismatch',
    ]);
    expect(report.exit).toBe(1);
  });

  it('warns when the live and cached status differ, and takes the worse of the two for the exit', () => {
    const report = statusReport(snapshot({ cached: { ...snapshot().live, status: 'read_only' } }), roots, now);
    expect(report.status).toBe('valid');
    expect(report.status_cached).toBe('read_only');
    expect(report.warnings[0]).toContain('cached status (read_only');
    expect(report.exit).toBe(2);
  });

  it('warns when the Install ID or usage is unreadable for lack of permission; an absent forecast is a note', () => {
    const forbidden = statusReport(
      snapshot({
        installId: null,
        installIdAvailability: 'forbidden',
        forecast: null,
        forecastAvailability: 'forbidden',
      }),
      roots,
      now,
    );
    expect(forbidden.warnings).toHaveLength(2);
    expect(forbidden.usage).toBeNull();
    expect(statusLine(forbidden, now)).toContain('internal ?/50, external ?/100');
    const absent = statusReport(snapshot({ forecast: null, forecastAvailability: 'absent' }), roots, now);
    expect(absent.warnings).toEqual([]);
    expect(absent.notes[0]).toContain('no forecast endpoint');
    expect(absent.exit).toBe(0);
  });

  it('notes clock skew without changing the exit', () => {
    const report = statusReport(snapshot({ clock: { skewMs: 10 * 60_000, source: 'date' } }), roots, now);
    expect(report.notes).toEqual([expect.stringContaining('10 minute(s) ahead')]);
    expect(report.exit).toBe(0);
  });

  it('reports an unknown status as received, UNKNOWN', () => {
    const report = statusReport(
      snapshot({ live: { ...snapshot().live, status: 'frozen' }, cached: { ...snapshot().live, status: 'frozen' } }),
      roots,
      now,
    );
    expect(report.status).toBe('frozen');
    expect(report.exit).toBe(3);
    expect(report.warnings).toEqual([]);
  });

  it('says "no license" when unlicensed, and counts days down when past', () => {
    const unlicensed = statusReport(
      snapshot({
        licenses: [],
        live: { ...snapshot().live, status: 'unlicensed', latestValid: null, internalUsers: 0, externalUsers: 0 },
        cached: { ...snapshot().live, status: 'unlicensed', latestValid: null, internalUsers: 0, externalUsers: 0 },
      }),
      roots,
      now,
    );
    expect(statusLine(unlicensed, now)).toBe('AKLM WARNING - unlicensed, no license, internal 40/0, external 3/0');
    const past = statusReport(
      snapshot({
        live: { ...snapshot().live, status: 'expired', latestValid: now - 3.5 * DAY * 1000 },
        cached: { ...snapshot().live, status: 'expired', latestValid: now - 3.5 * DAY * 1000 },
      }),
      roots,
      now,
    );
    expect(statusLine(past, now)).toMatch(/^AKLM CRITICAL - expired, expires 2026-11-26 \(-4 days\)/);
  });
});

describe("status report by the instance's release", () => {
  const expired = license('Old', AT_SECONDS - DAY);
  const on = (version: string, overrides: Partial<InstanceSnapshot> = {}) =>
    snapshot({ version, rules: authentikRules(version), ...overrides });

  it('says whether an expired license still installed counts its seats', () => {
    expect(statusReport(on('2025.4.0', { licenses: [yearly, expired] }), roots, now).notes).toEqual([
      'The expired license "Old" (2026-11-28T12:00:00Z) is still installed; authentik 2024.8 to 2025.4.0 still counts its seats, and takes the latest expiry of all licenses.',
    ]);
    expect(statusReport(on('2026.5.6', { licenses: [yearly, expired] }), roots, now).notes).toEqual([
      'The expired license "Old" (2026-11-28T12:00:00Z) is still installed; its seats no longer count (authentik 2026.5 or later).',
    ]);
  });

  it('notes when the version is not readable and the newest rules stand in', () => {
    expect(statusReport(on('nightly'), roots, now).notes).toEqual([
      'Licensing rules: newest rules assumed (authentik 2026.5 or later): authentik version "nightly" not readable.',
    ]);
  });

  it('explains invalid, the pre-2024.8 valid: false, and is CRITICAL', () => {
    const invalid = { ...snapshot().live, status: 'invalid' };
    const report = statusReport(on('2024.6.3', { live: invalid, cached: invalid }), roots, now);
    expect(report.exit).toBe(2);
    expect(report.notes).toEqual([
      expect.stringContaining('because there are too many users or every license has expired'),
    ]);
  });

  it("verifies installed keys by the instance's algorithms: an ES384 key fails before 2026.5", () => {
    const es384 = mintKey({
      signer: pki.signerP384,
      intermediate: pki.intermediate,
      alg: 'ES384',
      claims: licenseClaims(INSTALL_ID, AT_SECONDS + DAY),
    });
    const installed = [{ ...yearly, licenseUuid: 'uuid-es384', key: es384 }];
    expect(statusReport(on('2026.2.3', { licenses: installed }), roots, now).licenses[0]?.verification).toEqual({
      valid: false,
      reason: 'unsupported_algorithm',
    });
    expect(statusReport(on('2026.5.0', { licenses: installed }), roots, now).licenses[0]?.verification).toEqual({
      valid: true,
      reason: 'ok',
    });
  });
});

describe('monitoring states', () => {
  it('maps each authentik status to its exit', () => {
    expect(
      [
        'valid',
        'expiry_soon',
        'limit_exceeded_admin',
        'unlicensed',
        'expired',
        'invalid',
        'limit_exceeded_user',
        'read_only',
        'new_status',
      ].map(exitForStatus),
    ).toEqual([0, 1, 1, 1, 2, 2, 2, 2, 3]);
  });

  it('ranks CRITICAL over UNKNOWN over WARNING over OK', () => {
    expect(worstExit([0, 1, 3, 2])).toBe(2);
    expect(worstExit([0, 1, 3])).toBe(3);
    expect(worstExit([0, 1])).toBe(1);
    expect(worstExit([])).toBe(0);
  });
});
