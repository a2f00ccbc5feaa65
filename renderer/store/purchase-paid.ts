import type { Api } from '../../shared/ipc/api';
import type { PortalLicense } from './portal-licenses';
import type { LicenseInstallTarget } from './portal-licenses-install';

/** The paid license is there: for an order its key exists; for a renewal its expiry moved on. */
export function isPaid(license: PortalLicense, renewing: PortalLicense | null): boolean {
  if (license.status !== 'active' || license.key_fingerprint === null || license.expires_at === null) return false;
  if (renewing === null) return true;
  return renewing.expires_at === null || Date.parse(license.expires_at) > Date.parse(renewing.expires_at);
}

/**
 * "Install into <instance>" for a license just paid, on one of the saved instances with its Install ID; a
 * renewal replaces the installed key it renews (found by its old fingerprint), so its seats are not counted
 * twice. Null when the license has no such instance.
 */
export async function paidInstallTarget(
  client: Api,
  { orgId, license, renewing, instanceId }: { orgId: string; license: PortalLicense; renewing: PortalLicense | null; instanceId: string },
): Promise<LicenseInstallTarget | null> {
  const link = license.instances.find((instance) => instance.instanceId === instanceId);
  if (link === undefined) return null;
  let replaces: LicenseInstallTarget['replaces'] = null;
  if (renewing !== null && renewing.key_fingerprint !== null) {
    const detail = await client.invoke('instances:detail', { id: instanceId, refresh: false });
    const renewed = detail.ok ? detail.value.licenses.find((installed) => installed.fingerprint === renewing.key_fingerprint) : undefined;
    if (renewed !== undefined) replaces = { licenseUuid: renewed.licenseUuid, name: renewed.name };
  }
  return { orgId, licenseId: license.id, licenseName: license.nickname, instanceId, instanceName: link.instanceName, replaces };
}
