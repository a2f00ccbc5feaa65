import type { AuditActor, AuditTarget } from '../../shared/audit/audit-entry';
import type { InstallOutcomeView } from '../../shared/instances/install-outcome';
import type { InstallPreflightView } from '../../shared/instances/install-preflight-view';
import type { LicenseInstallPreflight } from '../../shared/ipc/portal-contract';
import type { AuditRecorder } from '../audit/audit-recorder';
import { installAttempt, installOutcome } from '../audit/install-audit';
import { keyFingerprint } from '../license/fingerprint';
import { sameInstallId } from '../license/install-id';
import type { TrustRoots } from '../license/trust-roots';
import type { Verdict } from '../license/verify-key';
import type { Emit } from '../ports/page-events';
import type { InstanceRegistry } from '../registry/instance-registry';
import type { FleetMonitor } from './fleet-monitor';
import { refreshedRow } from './fleet-row';
import { installKey } from './install-key';
import { preflightAgainst } from './install-preflight';
import { cumulativeExpiryOf, preflightView } from './install-view';
import { createInstanceClient, type InstanceClient } from './instance-client';
import type { InstanceService } from './instance-service';
import type { InstanceSnapshot } from './instance-snapshot';
import type { StatusHistoryStore } from './status-history';

/** What installing a key on a saved instance needs; shared by the instance channels and the portal's. */
export interface InstallStepDeps {
  registry: InstanceRegistry;
  service: Pick<InstanceService, 'connectionFor'>;
  monitor: FleetMonitor;
  roots: () => TrustRoots;
  now: () => number;
  timeoutMs: number;
  emit: Emit;
  /** Each instance's readings, which narrow the bounds of authentik's last valid date. */
  history: Pick<StatusHistoryStore, 'read'>;
  /** Every install is recorded before anything is sent; one that cannot be recorded is not made. */
  audit: AuditRecorder;
}

/** How the person overrides an over-capacity refusal in the app: the consent names the consequence, then the button. */
const APP_OVERRIDE_HINT = 'confirm the consequence below and choose "Install anyway"';

async function clientFor(deps: InstallStepDeps, id: string): Promise<{ client: InstanceClient; url: string }> {
  const connection = await deps.service.connectionFor(id);
  return { client: createInstanceClient({ ...connection, timeoutMs: deps.timeoutMs }), url: connection.url };
}

/** Another saved instance the key is for, when it is not for this one (by the Install IDs last read). */
function otherInstanceFor(
  deps: InstallStepDeps,
  id: string,
  snapshot: InstanceSnapshot,
  verdict: Verdict,
): { id: string; name: string } | null {
  const keyInstallId = verdict.installId;
  if (keyInstallId === null || (snapshot.installId !== null && sameInstallId(keyInstallId, snapshot.installId)))
    return null;
  const other = deps.registry
    .list()
    .find(
      (record) =>
        record.id !== id && record.lastInstallId !== null && sameInstallId(record.lastInstallId, keyInstallId),
    );
  return other === undefined ? null : { id: other.id, name: other.name };
}

function preflightOn(
  deps: InstallStepDeps,
  id: string,
  snapshot: InstanceSnapshot,
  key: string,
  replaces: string | null,
): InstallPreflightView {
  const roots = deps.roots();
  const checked = preflightAgainst(snapshot, key, {
    roots,
    now: deps.now(),
    allowOverCapacity: false,
    overrideHint: APP_OVERRIDE_HINT,
    replaces,
    history: deps.history.read(id, snapshot.url),
  });
  return preflightView(snapshot, checked, {
    roots,
    replaces,
    otherInstance: otherInstanceFor(deps, id, snapshot, checked.verdict),
  });
}

/** Reads the instance now and says what installing the key would do (with `replaces`: renewing that installed license); sends nothing. */
export async function preflightInstall(
  deps: InstallStepDeps,
  id: string,
  key: string,
  replaces: string | null,
): Promise<InstallPreflightView> {
  const { client } = await clientFor(deps, id);
  return preflightOn(deps, id, await client.readSnapshot(), key, replaces);
}

/**
 * The preflight of a portal license's key, renewal or not: when the instance still runs the key the
 * license held before its latest renewal (`previousFingerprint`, from the portal's list data), the key
 * replaces that installed license in place (its seats are not counted twice); otherwise it is installed
 * beside the others. `replaces` says which, for the person to confirm; null when nothing would be replaced.
 */
export async function preflightPortalKey(
  deps: InstallStepDeps,
  id: string,
  key: string,
  previousFingerprint: string | null,
): Promise<LicenseInstallPreflight> {
  const { client } = await clientFor(deps, id);
  const snapshot = await client.readSnapshot();
  const renewed =
    previousFingerprint === null
      ? undefined
      : snapshot.licenses.find((license) => keyFingerprint(license.key) === previousFingerprint);
  const view = preflightOn(deps, id, snapshot, key, renewed?.licenseUuid ?? null);
  // Already installed: nothing is sent, so nothing is replaced either.
  const replaces =
    renewed === undefined || view.action === 'already_installed'
      ? null
      : { licenseUuid: renewed.licenseUuid, name: renewed.name };
  return { ...view, replaces };
}

/**
 * Records the attempt in the audit trail (nothing happens when it cannot be), runs the same preflight
 * again, then installs with exactly one POST (one PATCH of `replaces`) and records the outcome; the
 * instance is read again after. `actor` is who installs; `target` adds where the key came from (a portal license).
 */
export async function installOnInstance(
  deps: InstallStepDeps,
  id: string,
  key: string,
  options: { allowOverCapacity: boolean; replaces: string | null; actor: AuditActor; target?: AuditTarget },
): Promise<InstallOutcomeView> {
  const { client, url } = await clientFor(deps, id);
  const saved = { id, name: deps.registry.get(id)?.name ?? null, url };
  const { report } = await deps.audit.run(
    installAttempt(options.actor, saved, keyFingerprint(key), options.replaces, options.target),
    () =>
      installKey(client, key, {
        roots: deps.roots(),
        now: deps.now(),
        allowOverCapacity: options.allowOverCapacity,
        url,
        overrideHint: APP_OVERRIDE_HINT,
        replaces: options.replaces,
        history: deps.history.read(id, url),
      }),
    installOutcome,
  );
  const instance = await refreshedRow(deps.monitor, id);
  deps.emit('instances:did-change', {});
  return {
    installed: report.installed,
    reason: report.reason,
    message: report.message,
    warnings: report.warnings,
    instance,
    cumulativeExpiry: cumulativeExpiryOf(deps.monitor.reportOf(id), deps.now()),
    authentikExpiry:
      instance.lastRefresh?.ok === true ? { latestValid: instance.latestValid, readAt: instance.lastRefresh.at } : null,
  };
}
