import { notInstalledOrigin } from '../../../shared/links/renewed-not-installed';
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

/** How the keys waiting to be installed came: "paid" (new purchases), "renewed", or both. */
export function pendingOrigins(entries: readonly { license: PendingInstall['license'] }[]): string {
  const origins = new Set(
    entries.map(({ license }) => notInstalledOrigin({ previousKeyFingerprint: license.previous_key_fingerprint })),
  );
  return origins.size > 1 ? 'paid or renewed' : origins.has('renewed') ? 'renewed' : 'paid';
}
