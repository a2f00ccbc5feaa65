import type { LicenseInstallTarget } from './license-install-screen';
import type { PortalLicense } from './queries';

/** The paid license is there: for an order its key exists; for a renewal its expiry moved on. */
export function isPaid(license: PortalLicense | undefined, renewing: PortalLicense | null): boolean {
  if (
    license === undefined ||
    license.status !== 'active' ||
    license.key_fingerprint === null ||
    license.expires_at === null
  )
    return false;
  if (renewing === null) return true;
  return renewing.expires_at === null || Date.parse(license.expires_at) > Date.parse(renewing.expires_at);
}

/**
 * "Install into <instance>" for a license just paid, on one of the saved instances with its Install ID,
 * its key fetched as the account that placed the order (a renewal replaces the key it renews there: main's
 * preflight finds it). Null when the license has no such instance.
 */
export function paidInstallTarget({
  orgId,
  accountId,
  license,
  instanceId,
}: {
  orgId: string;
  accountId: string | null;
  license: PortalLicense;
  instanceId: string;
}): LicenseInstallTarget | null {
  const link = license.instances.find((instance) => instance.instanceId === instanceId);
  if (link === undefined) return null;
  return {
    orgId,
    licenseId: license.id,
    licenseName: license.nickname,
    instanceId,
    instanceName: link.instanceName,
    accountId,
  };
}
