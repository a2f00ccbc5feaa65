import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { instanceDetailSchema } from '../../../shared/instances/instance-detail';
import type { InstanceReading } from '../../../main/instances/fleet-monitor';
import { buildInstanceDetail } from '../../../main/instances/instance-detail';
import { toInstanceRow } from '../../../main/instances/instance-row';
import type { InstanceSnapshot } from '../../../main/instances/instance-snapshot';
import { readingFacts } from '../../../main/instances/reading-facts';
import { statusReport, verifyInstalled } from '../../../main/instances/status-report';
import { trustRootsOf } from '../../../main/license/trust-roots';
import { INSTALL_ID } from '../../pki/key-cases';
import { instanceSnapshot } from './snapshot-fixture';
import type { StatusHistoryEntry } from '../../../main/instances/status-history';
import { licenseClaims, mintKey } from '../../pki/mint-key';
import { createTestPki } from '../../pki/test-pki';
import { instanceRecord as record } from '../../seeds/instance-record';

const pki = await createTestPki();
const roots = trustRootsOf([new X509Certificate(pki.root.pem)]);
const NOW = Date.parse('2026-11-29T12:00:00Z');
const DAY = 86_400_000;
const key = (days: number, claims: Record<string, unknown> = {}) =>
  mintKey({
    signer: pki.signerP384,
    intermediate: pki.intermediate,
    claims: licenseClaims(INSTALL_ID, Math.floor((NOW + days * DAY) / 1000), claims),
  });

function snapshot(keys: string[], overrides: Partial<InstanceSnapshot> = {}): InstanceSnapshot {
  const summary = {
    status: 'valid',
    internalUsers: 100 * keys.length,
    externalUsers: 1000 * keys.length,
    latestValid: NOW + 300 * DAY,
    licenseFlags: [],
  };
  const licenses = keys.map((text, index) => ({
    licenseUuid: `00000000-0000-4000-8000-00000000000${index}`,
    name: `License ${index}`,
    key: text,
    expiry: NOW + 300 * DAY,
    internalUsers: 100,
    externalUsers: 1000,
  }));
  return instanceSnapshot(summary, licenses, overrides);
}

function reading(read: InstanceSnapshot): InstanceReading {
  const checked = verifyInstalled(read, roots, NOW);
  return { report: statusReport(read, roots, NOW, checked), facts: readingFacts(read, checked, NOW) };
}

function detail(
  read: InstanceSnapshot | undefined,
  saved = record({ lastInstallId: INSTALL_ID }),
  history: StatusHistoryEntry[] = [],
) {
  const current = read === undefined ? undefined : reading(read);
  const value = buildInstanceDetail({
    row: toInstanceRow(saved, current),
    record: saved,
    reading: current,
    hasToken: true,
    history,
    now: NOW,
  });
  expect(instanceDetailSchema.parse(value)).toEqual(value);
  return value;
}

describe("the instance page's detail", () => {
  it('lists each license with its fingerprint, verified flags and offline verdict, never its key', () => {
    const trial = key(300, { name: 'Trial', license_flags: ['trial'] });
    const value = detail(snapshot([trial]));
    expect(value.licenses).toEqual([
      {
        licenseUuid: '00000000-0000-4000-8000-000000000000',
        name: 'License 0',
        internalUsers: 100,
        externalUsers: 1000,
        expiry: '2027-09-25T12:00:00Z',
        fingerprint: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
        flags: ['trial'],
        verdict: { valid: true, reason: 'ok', message: expect.stringContaining('is genuine and valid') },
        verdictByLocalClock: null,
      },
    ]);
    expect(JSON.stringify(value)).not.toContain(trial);
    expect(value).toMatchObject({
      readAt: '2026-11-29T12:00:00Z',
      clockSkewMs: 0,
      forecast: { internalUsers: 40, forecastedExternalUsers: 36 },
      warnings: [],
      notes: [],
    });
  });

  it("carries what authentik's cached summary was computed with, so the page can tell licenses changed since", () => {
    const cached = {
      status: 'expiry_soon',
      internalUsers: 100,
      externalUsers: 1000,
      latestValid: NOW + 10 * DAY,
      licenseFlags: [],
    };
    const live = {
      status: 'valid',
      internalUsers: 200,
      externalUsers: 2000,
      latestValid: NOW + 300 * DAY,
      licenseFlags: [],
    };
    const value = detail(snapshot([key(300), key(10)], { live, cached }));
    expect(value.cachedSummary).toEqual({
      latestValid: '2026-12-09T12:00:00Z',
      licensed: { internalUsers: 100, externalUsers: 1000 },
    });
    expect(value.instance).toMatchObject({
      status: 'valid',
      statusCached: 'expiry_soon',
      latestValid: '2027-09-25T12:00:00Z',
      licensed: { internalUsers: 200, externalUsers: 2000 },
    });
    expect(detail(undefined).cachedSummary).toBeNull();
  });

  it('takes no flags from a key whose signature does not verify', () => {
    const forged = `${key(300, { license_flags: ['trial'] }).slice(0, -8)}AAAAAAAA`;
    expect(detail(snapshot([forged])).licenses[0]).toMatchObject({
      flags: [],
      verdict: { valid: false, reason: 'bad_signature' },
    });
  });

  it("says a duplicate key once, precisely, instead of the dashboard row's shorter warning", () => {
    const same = key(300);
    const value = detail(snapshot([same, same]));
    expect(value.warnings.map((warning) => warning.kind)).toEqual(['duplicate_key']);
    expect(value.instance.warnings.filter((warning) => warning.includes('installed twice'))).toEqual([]);
  });

  it("turns a clock more than 5 minutes off into a warning, and drops the report's clock note then", () => {
    const skewed = detail(snapshot([key(300)], { clock: { skewMs: 6 * 60_000, source: 'server_time' } }));
    expect(skewed.clockSkewMs).toBe(6 * 60_000);
    expect(skewed.warnings.map((warning) => warning.kind)).toEqual(['clock_skew']);
    expect(skewed.notes.filter((note) => note.includes('clock'))).toEqual([]);
    // Two minutes off: only the report's note.
    const slightly = detail(snapshot([key(300)], { clock: { skewMs: -2 * 60_000, source: 'date' } }));
    expect(slightly.warnings).toEqual([]);
    expect(slightly.notes).toEqual([expect.stringContaining('2 minute(s) behind')]);
  });

  it("judges each key by the instance's clock, and shows this computer's answer too where it differs", () => {
    // Expires in 3 minutes; the instance's clock is 6 minutes ahead, so authentik already counts it expired.
    const value = detail(
      snapshot([key(3 / 1440, { name: 'Ending' }), key(300)], { clock: { skewMs: 6 * 60_000, source: 'server_time' } }),
    );
    expect(
      value.licenses.map((license) => [license.verdict.reason, license.verdictByLocalClock?.reason ?? null]),
    ).toEqual([
      ['expired', 'ok'],
      ['ok', null],
    ]);
    expect(value.notes).toContain(
      "By the instance's clock, which authentik judges by (6 minutes ahead of this computer's), the license \"License 0\" has expired; by this computer's clock it is valid.",
    );
  });

  it("over the seats: dates authentik's steps from its last valid record, as the status and the history bound it", () => {
    const over = snapshot([key(300, { internal_users: 10 })], {
      forecast: { internalUsers: 40, externalUsers: 3, forecastedInternalUsers: 48, forecastedExternalUsers: 36 },
      live: {
        status: 'limit_exceeded_admin',
        internalUsers: 10,
        externalUsers: 1000,
        latestValid: NOW + 300 * DAY,
        licenseFlags: [],
      },
    });
    const seen = NOW - 20 * DAY;
    const history: StatusHistoryEntry[] = [
      {
        at: new Date(seen).toISOString(),
        status: 'valid',
        statusCached: 'valid',
        licensed: { internalUsers: 50, externalUsers: 1000 },
        usage: { internalUsers: 40, externalUsers: 3 },
      },
    ];
    const value = detail(over, undefined, history);
    expect(value.overCapacityOutlook).toMatchObject({
      atOnce: 'no',
      waitsForExpiry: false,
      basis: { status: 'limit_exceeded_admin', history: { status: 'valid' } },
    });
    expect(value.overCapacityOutlook?.steps.map((step) => step.kind)).toEqual([
      'admin_banner',
      'user_banner',
      'read_only',
    ]);
    expect(detail(snapshot([key(300)])).overCapacityOutlook).toBeNull();
  });

  it("warns of a changed Install ID from the record's previous one", () => {
    const saved = record({ lastInstallId: INSTALL_ID, previousInstallId: 'f0e1d2c3-b4a5-4968-8776-655443322110' });
    const value = detail(snapshot([key(300)]), saved);
    expect(value.previousInstallId).toBe('f0e1d2c3-b4a5-4968-8776-655443322110');
    expect(value.warnings.map((warning) => warning.kind)).toEqual(['install_id_changed']);
  });

  it('before any read this session: the saved record only, no licenses, readAt null', () => {
    const saved = record({ lastInstallId: INSTALL_ID, overCapacitySince: '2026-11-01T00:00:00Z', caPem: pki.root.pem });
    expect(detail(undefined, saved)).toMatchObject({
      instance: { state: 'never', installId: INSTALL_ID },
      readAt: null,
      licenses: [],
      forecast: null,
      clockSkewMs: null,
      overCapacitySince: '2026-11-01T00:00:00Z',
      caPem: pki.root.pem,
      hasToken: true,
      warnings: [],
      notes: [],
    });
  });
});
