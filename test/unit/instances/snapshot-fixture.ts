import { authentikRules } from '../../../shared/license/authentik-rules';
import type { InstalledLicense, InstanceSnapshot, LicenseSummary } from '../../../main/instances/instance-snapshot';
import { INSTALL_ID } from '../../pki/key-cases';

/**
 * What one read of an instance on authentik 2026.5.6 returns: `summary` as both its live and cached
 * summary, `licenses` installed, the Install ID of the test keys, 40 internal and 3 external users
 * (forecast 48 and 36), the server's clock in step with ours; `overrides` replace any of it.
 */
export function instanceSnapshot(
  summary: LicenseSummary,
  licenses: InstalledLicense[],
  overrides: Partial<InstanceSnapshot> = {},
): InstanceSnapshot {
  return {
    url: 'https://auth.example.com',
    version: '2026.5.6',
    rules: authentikRules('2026.5.6'),
    installId: INSTALL_ID,
    installIdAvailability: 'ok',
    live: summary,
    cached: summary,
    forecast: { internalUsers: 40, externalUsers: 3, forecastedInternalUsers: 48, forecastedExternalUsers: 36 },
    forecastAvailability: 'ok',
    licenses,
    clock: { skewMs: 0, source: 'server_time' },
    ...overrides,
  };
}
