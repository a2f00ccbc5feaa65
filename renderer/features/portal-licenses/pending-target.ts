import type { LicenseInstallTarget } from './license-install-screen';
import type { PendingInstall } from './queries';

/** The pairing as an install: its license into its instance, the key fetched as the account it came from. */
export function pendingTarget(pending: PendingInstall, instanceName: string): LicenseInstallTarget {
  return {
    orgId: pending.org,
    licenseId: pending.license.id,
    licenseName: pending.license.nickname,
    instanceId: pending.instanceId,
    instanceName,
    accountId: pending.accountId,
  };
}

/** The pairing whose key runs longest first: the one worth installing. */
export function latestFirst(pending: readonly PendingInstall[]): PendingInstall[] {
  return [...pending].sort((a, b) => Date.parse(b.license.expires_at ?? '') - Date.parse(a.license.expires_at ?? ''));
}
