import { describe, expect, it } from 'vitest';
import type { InstanceDetail, InstalledLicenseView } from '../../../shared/instances/instance-detail';
import type { InstanceRow } from '../../../shared/instances/instance-row';
import { capacityWithout } from '../../../renderer/features/instance/capacity';

const NOW = Date.parse('2026-11-29T12:00:00Z');
const DAY_MS = 86_400_000;

function license(
  licenseUuid: string,
  days: number,
  internalUsers: number,
  externalUsers: number,
): InstalledLicenseView {
  return {
    licenseUuid,
    name: licenseUuid,
    internalUsers,
    externalUsers,
    expiry: new Date(NOW + days * DAY_MS).toISOString(),
    fingerprint: `sha256:${'0'.repeat(64)}`,
    flags: [],
    verdict:
      days > 0
        ? { valid: true, reason: 'ok', message: 'valid' }
        : { valid: false, reason: 'expired', message: 'expired' },
    verdictByLocalClock: null,
  };
}

const row = (version: string) =>
  ({
    id: '5e6f7a81-9b0c-4a8b-8c1d-000000000001',
    name: 'Prod',
    version,
    usage: { internalUsers: 40, externalUsers: 3 },
  }) as InstanceRow;
const detail = (licenses: InstalledLicenseView[], version = '2026.5.6'): InstanceDetail =>
  ({
    instance: row(version),
    readAt: null,
    previousInstallId: null,
    caPem: null,
    hasToken: true,
    forecast: null,
    cachedSummary: null,
    licenses,
    clockSkewMs: null,
    overCapacitySince: null,
    overCapacityOutlook: null,
    warnings: [],
    notes: [],
  }) satisfies InstanceDetail;

describe("capacityWithout: the seats left after deleting a license, as the instance's release counts them", () => {
  const licenses = [license('main', 365, 5, 10), license('old', -30, 30, 100), license('spare', 100, 50, 0)];

  it('keeps counting an expired license on authentik 2024.8 to 2025.4.0, which sum every installed license', () => {
    const page = detail(licenses, '2025.4.0');
    expect(capacityWithout(page, 'spare', NOW)).toEqual({ internalUsers: 35, externalUsers: 110 });
    expect(capacityWithout(page, 'old', NOW)).toEqual({ internalUsers: 55, externalUsers: 10 });
  });

  it('leaves an expired license out on newer releases (#14451), and on unknown versions (newest rules)', () => {
    expect(capacityWithout(detail(licenses, '2026.5.6'), 'spare', NOW)).toEqual({
      internalUsers: 5,
      externalUsers: 10,
    });
    expect(capacityWithout(detail(licenses, 'unknown'), 'main', NOW)).toEqual({ internalUsers: 50, externalUsers: 0 });
  });

  it('counts a key installed twice twice, and leaves nothing once the last license goes', () => {
    expect(
      capacityWithout(detail([license('a', 30, 10, 1), license('b', 30, 10, 1), license('c', 30, 7, 0)]), 'c', NOW),
    ).toEqual({ internalUsers: 20, externalUsers: 2 });
    expect(capacityWithout(detail([license('only', 30, 10, 1)]), 'only', NOW)).toEqual({
      internalUsers: 0,
      externalUsers: 0,
    });
  });
});
