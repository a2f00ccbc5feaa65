import type { PortalLicenseView } from '../../../shared/ipc/portal-contract';
import { isRenewedNotInstalled } from '../../../shared/links/renewed-not-installed';
import type { License } from '../../../shared/portal/schemas/licenses';
import type { FleetMonitor } from '../../instances/fleet-monitor';
import type { StatusFailure, StatusReport } from '../../instances/status-report';
import { sameInstallId } from '../../license/install-id';
import type { InstanceRecord } from '../../registry/instance-record';
import type { InstanceRegistry } from '../../registry/instance-registry';
import type { Emit } from '../event-hub';

/** The saved instances and what the fleet monitor last read of them. */
export interface InstanceLinkDeps {
  registry: InstanceRegistry;
  monitor: FleetMonitor;
  emit: Emit;
}

/** A license's key is waiting to be installed on this instance, judged from list data only (no key revealed). */
function renewedNotInstalled(license: License, report: StatusReport | StatusFailure | undefined): boolean {
  if (report === undefined || report.status === null) return false;
  return isRenewedNotInstalled(
    { installId: license.install_id, status: license.status, keyFingerprint: license.key_fingerprint, expiresAt: license.expires_at === null ? null : Date.parse(license.expires_at) },
    { installId: report.instance.install_id, installed: report.licenses.map((installed) => ({ fingerprint: installed.fingerprint, expiresAt: Date.parse(installed.expiry) })) },
  );
}

/** The saved instance a license is for: the first with the same Install ID, as last read. */
function recordFor(records: readonly InstanceRecord[], installId: string): InstanceRecord | undefined {
  return records.find((record) => record.lastInstallId !== null && sameInstallId(record.lastInstallId, installId));
}

/**
 * Each license with the saved instance of the same Install ID (the registry's last read one), and whether
 * its key still has to be installed there. Instances not read yet this session are read first, once.
 */
export async function linkLicenses(deps: InstanceLinkDeps, licenses: readonly License[]): Promise<PortalLicenseView[]> {
  const records = deps.registry.list();
  const linked = licenses.map((license) => ({ license, record: recordFor(records, license.install_id) }));
  const unread = [...new Set(linked.flatMap(({ record }) => (record !== undefined && deps.monitor.reportOf(record.id) === undefined ? [record.id] : [])))];
  if (unread.length > 0) {
    await deps.monitor.refresh(unread, () => undefined);
    deps.emit('instances:did-change', {});
  }
  return linked.map(({ license, record }) => ({
    ...license,
    instance: record === undefined ? null : { instanceId: record.id, instanceName: record.name, renewedNotInstalled: renewedNotInstalled(license, deps.monitor.reportOf(record.id)) },
  }));
}

/** One license, linked as `linkLicenses` does. */
export async function linkLicense(deps: InstanceLinkDeps, license: License): Promise<PortalLicenseView> {
  const [view] = await linkLicenses(deps, [license]);
  return view ?? { ...license, instance: null };
}
