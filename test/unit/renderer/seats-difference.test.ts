import { describe, expect, it } from 'vitest';
import type { InstalledLicenseView, InstanceDetail } from '../../../shared/instances/instance-detail';
import { seatsDifference } from '../../../renderer/features/instance/capacity';
import { detailOf, FINGERPRINT, ROW } from './portal-licenses-fixtures';

const NOW = Date.parse('2026-11-29T12:00:00Z');

const license = (
  name: string,
  internalUsers: number,
  change: Partial<InstalledLicenseView> = {},
): InstalledLicenseView => ({
  licenseUuid: `55555555-5555-4555-8555-${String(internalUsers).padStart(12, '0')}`,
  name,
  internalUsers,
  externalUsers: 0,
  expiry: '2027-06-01T00:00:00.000Z',
  fingerprint: FINGERPRINT,
  flags: [],
  verdict: { valid: true, reason: 'ok', message: 'valid' },
  verdictByLocalClock: null,
  ...change,
});

const page = (version: string, internalUsers: number, licenses: InstalledLicenseView[]): InstanceDetail => ({
  ...detailOf(null),
  instance: { ...ROW, version, licensed: { internalUsers, externalUsers: 0 } },
  licenses,
});

describe('authentik’s licensed seats beside the product guide’s', () => {
  it('agree: nothing to explain', () => {
    expect(seatsDifference(page('2026.5.6', 55, [license('A', 50), license('B', 5)]), NOW)).toBeNull();
  });

  it('names a key for another Install ID, which authentik adds up and the guide does not', () => {
    const foreign = license('Elsewhere', 30, {
      verdict: { valid: false, reason: 'install_id_mismatch', message: 'for another Install ID' },
    });
    expect(seatsDifference(page('2026.5.6', 85, [license('A', 55), foreign]), NOW)).toEqual({
      authentik: { internalUsers: 85, externalUsers: 0 },
      guide: { internalUsers: 55, externalUsers: 0 },
      reasons: ['1 license not valid for this Install ID'],
    });
  });

  it('names expired licenses only where the release still counts their seats (2024.8 to 2025.4.0)', () => {
    const lapsed = license('Lapsed', 30, {
      expiry: '2026-10-01T00:00:00.000Z',
      verdict: { valid: false, reason: 'expired', message: 'expired' },
    });
    expect(seatsDifference(page('2025.2.0', 85, [license('A', 55), lapsed]), NOW)?.reasons).toEqual([
      '1 license already expired, whose seats this authentik release still counts',
    ]);
    expect(seatsDifference(page('2026.5.6', 85, [license('A', 55), lapsed]), NOW)?.reasons).toEqual([]);
  });
});
