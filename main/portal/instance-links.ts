import type { PortalLicenseView } from '../../shared/ipc/portal-contract';
import { isRenewedNotInstalled } from '../../shared/links/renewed-not-installed';
import type { License } from '../../shared/portal/schemas/licenses';
import type { FleetMonitor } from '../instances/fleet-monitor';
import type { StatusFailure, StatusReport } from '../instances/status-report';
import { sameInstallId } from '../license/install-id';
import type { Emit } from '../ports/page-events';
import type { InstanceRecord } from '../registry/instance-record';
import type { InstanceRegistry } from '../registry/instance-registry';

/** The saved instances and what the fleet monitor last read of them. */
export interface InstanceLinkDeps {
  registry: InstanceRegistry;
  monitor: Pick<FleetMonitor, 'reportOf' | 'refresh'>;
  emit: Emit;
}

/** A license's key is waiting to be installed on this instance, judged from list data only (no key revealed). */
function renewedNotInstalled(license: License, report: StatusReport | StatusFailure | undefined): boolean {
  if (report === undefined || report.status === null) return false;
  return isRenewedNotInstalled(
    {
      installId: license.install_id,
      status: license.status,
      keyFingerprint: license.key_fingerprint,
      expiresAt: license.expires_at === null ? null : Date.parse(license.expires_at),
    },
    {
      installId: report.instance.install_id,
      installed: report.licenses.map((installed) => ({
        fingerprint: installed.fingerprint,
        expiresAt: Date.parse(installed.expiry),
      })),
    },
  );
}

/**
 * Why the license could not be compared with the instance's installed keys: its last read failed, so
 * what is installed there is unknown. Null when it was compared, or when there is nothing to compare (a
 * license without a key, or expired, is never waiting to be installed).
 */
function lastReadProblem(license: License, report: StatusReport | StatusFailure | undefined): string | null {
  if (report === undefined || report.status !== null) return null;
  if (license.status !== 'active' || license.key_fingerprint === null) return null;
  return report.error.message;
}

/**
 * The saved instances a license is for: every one with the same Install ID, as last read (a copy of an
 * instance, or the same instance saved twice under two names, shares its Install ID).
 */
function recordsFor(records: readonly InstanceRecord[], installId: string): InstanceRecord[] {
  return records.filter((record) => record.lastInstallId !== null && sameInstallId(record.lastInstallId, installId));
}

/**
 * Each license with every saved instance of the same Install ID (the registry's last read one), and
 * whether its key still has to be installed on each. Instances not read yet this session are read first, once.
 */
export async function linkLicenses(deps: InstanceLinkDeps, licenses: readonly License[]): Promise<PortalLicenseView[]> {
  const records = deps.registry.list();
  const linked = licenses.map((license) => ({ license, matching: recordsFor(records, license.install_id) }));
  const unread = [
    ...new Set(
      linked.flatMap(({ matching }) =>
        matching.filter((record) => deps.monitor.reportOf(record.id) === undefined).map((record) => record.id),
      ),
    ),
  ];
  if (unread.length > 0) {
    await deps.monitor.refresh(unread, () => undefined);
    deps.emit('instances:did-change', {});
  }
  return linked.map(({ license, matching }) => ({
    ...license,
    instances: matching.map((record) => {
      const report = deps.monitor.reportOf(record.id);
      return {
        instanceId: record.id,
        instanceName: record.name,
        renewedNotInstalled: renewedNotInstalled(license, report),
        lastReadProblem: lastReadProblem(license, report),
      };
    }),
  }));
}

/** One license, linked as `linkLicenses` does. */
export async function linkLicense(deps: InstanceLinkDeps, license: License): Promise<PortalLicenseView> {
  const [view] = await linkLicenses(deps, [license]);
  return view ?? { ...license, instances: [] };
}
