import type { InstallPreflightView, OverCapacityView } from '../../../shared/instances/install-preflight-view';
import type { InstallOutcomeView } from '../../../shared/instances/install-outcome';
import type { AuditActor, AuditTarget } from '../../../shared/audit/audit-entry';
import type { LicenseInstallPreflight } from '../../../shared/ipc/portal-contract';
import { combinedExpiry, licensedCapacity, type LicenseCapacity } from '../../../shared/license/capacity';
import { guideTimeline } from '../../../shared/license/guide-timeline';
import { DAY_MS } from '../../../shared/time/durations';
import { toIsoUtc } from '../../../shared/time/iso';
import type { AuditRecorder } from '../../audit/audit-recorder';
import { installAttempt, installOutcome } from '../../audit/install-audit';
import type { FleetMonitor } from '../../instances/fleet-monitor';
import { createInstanceClient, type InstanceClient } from '../../instances/instance-client';
import type { InstanceService } from '../../instances/instance-service';
import type { InstanceSnapshot } from '../../instances/instance-snapshot';
import { installKey } from '../../instances/install-key';
import { preflightAgainst } from '../../instances/install-preflight';
import type { OverCapacityFinding } from '../../instances/over-capacity-words';
import type { StatusHistoryStore } from '../../instances/status-history';
import { keyFingerprint } from '../../license/fingerprint';
import { sameInstallId } from '../../license/install-id';
import type { TrustRoots } from '../../license/trust-roots';
import { toVerdictView } from '../../license/verdict-view';
import { verifyKey, type Verdict } from '../../license/verify-key';
import type { InstanceRegistry } from '../../registry/instance-registry';
import type { Emit } from '../event-hub';
import { refreshedRow } from './refreshed-row';

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

const iso = (ms: number | null): string | null => (ms === null ? null : toIsoUtc(ms));

/** The over-capacity finding as the dialog shows it, its dates on the instance's clock. */
function overCapacityView(finding: OverCapacityFinding | null): OverCapacityView | null {
  if (finding === null) return null;
  const { lastValid, outlook } = finding;
  return {
    readOnlyAtOnce: outlook.atOnce,
    readOnlyNow: finding.readOnlyNow,
    lastValid:
      lastValid.kind === 'never'
        ? { never: true, notBefore: null, notAfter: null }
        : // With no lower bound, an upper bound of about now says nothing: it cannot be dated.
          { never: false, notBefore: iso(lastValid.notBefore), notAfter: lastValid.notBefore === null && lastValid.notAfter >= finding.now - DAY_MS ? null : iso(lastValid.notAfter) },
    steps: outlook.steps.map((step) => ({ kind: step.kind, earliest: iso(step.earliest), latest: toIsoUtc(step.latest) })),
  };
}

/** The installed licenses that verify offline (expired ones included), as capacities; `leaving` (a replaced license's uuid) left out. */
function verifiedCapacities(snapshot: InstanceSnapshot, roots: TrustRoots, now: number, leaving: string | null): LicenseCapacity[] {
  return snapshot.licenses
    .filter((license) => {
      if (license.licenseUuid === leaving) return false;
      const { reason } = verifyKey(license.key, { roots, at: now, installId: snapshot.installId, rules: snapshot.rules });
      return reason === 'ok' || reason === 'expired';
    })
    .map((license) => ({ expiresAt: license.expiry, internalUsers: license.internalUsers, externalUsers: license.externalUsers }));
}

/** What the preflight says when it lets the key through. */
function sendMessage(snapshot: InstanceSnapshot, replaces: string | null): string {
  const replaced = snapshot.licenses.find((license) => license.licenseUuid === replaces);
  if (replaced === undefined) return 'The key is genuine and for this instance; nothing has been sent yet.';
  return `The key is genuine and for this instance, and would replace the key of "${replaced.name}" (a renewal: its seats are replaced, not added); nothing has been sent yet.`;
}

function capacityOf(verdict: Verdict): LicenseCapacity[] {
  const claims = verdict.claims;
  return verdict.valid && claims !== null ? [{ expiresAt: claims.exp * 1000, internalUsers: claims.internal_users, externalUsers: claims.external_users }] : [];
}

async function clientFor(deps: InstallStepDeps, id: string): Promise<{ client: InstanceClient; url: string }> {
  const connection = await deps.service.connectionFor(id);
  return { client: createInstanceClient({ ...connection, timeoutMs: deps.timeoutMs }), url: connection.url };
}

/** Reads the instance now and says what installing the key would do (with `replaces`: renewing that installed license); sends nothing. */
export async function preflightInstall(deps: InstallStepDeps, id: string, key: string, replaces: string | null): Promise<InstallPreflightView> {
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
  const renewed = previousFingerprint === null ? undefined : snapshot.licenses.find((license) => keyFingerprint(license.key) === previousFingerprint);
  const view = preflightOn(deps, id, snapshot, key, renewed?.licenseUuid ?? null);
  // Already installed: nothing is sent, so nothing is replaced either.
  const replaces = renewed === undefined || view.action === 'already_installed' ? null : { licenseUuid: renewed.licenseUuid, name: renewed.name };
  return { ...view, replaces };
}

function preflightOn(deps: InstallStepDeps, id: string, snapshot: InstanceSnapshot, key: string, replaces: string | null): InstallPreflightView {
  const roots = deps.roots();
  const { verdict, preflight, installed, usage, instanceNow: now } = preflightAgainst(snapshot, key, {
    roots,
    now: deps.now(),
    allowOverCapacity: false,
    overrideHint: APP_OVERRIDE_HINT,
    replaces,
    history: deps.history.read(id, snapshot.url),
  });
  const keyInstallId = verdict.installId;
  const other =
    keyInstallId !== null && (snapshot.installId === null || !sameInstallId(keyInstallId, snapshot.installId))
      ? deps.registry.list().find((record) => record.id !== id && record.lastInstallId !== null && sameInstallId(record.lastInstallId, keyInstallId))
      : undefined;
  // What the key would add if installed (also when refused for capacity, to show by how much); a renewal takes the replaced license's place.
  const unchanged = preflight.action === 'already_installed' || (preflight.action === 'refuse' && preflight.reason === 'not_installed');
  const leaving = unchanged ? null : replaces;
  const adding = unchanged ? [] : capacityOf(verdict);
  const remaining = [...installed.filter((license) => license.licenseUuid !== leaving), ...adding];
  // Seats and combined expiry as the instance's release counts them (expired licenses' seats, earliest or latest expiry).
  const at = { rules: snapshot.rules, now };
  return {
    action: preflight.action,
    reason: preflight.action === 'refuse' ? preflight.reason : null,
    message:
      preflight.action === 'refuse'
        ? preflight.message
        : preflight.action === 'already_installed'
          ? 'This key is already installed on this instance; installing it again would count its users twice.'
          : sendMessage(snapshot, replaces),
    warnings: preflight.warnings,
    verdict: toVerdictView(verdict, now),
    otherInstance: other === undefined ? null : { id: other.id, name: other.name },
    usage,
    capacityNow: licensedCapacity(installed, at),
    capacityAfter: licensedCapacity(remaining, at),
    cumulativeExpiryNow: iso(guideTimeline(verifiedCapacities(snapshot, roots, now, null), now).cumulativeExpiry),
    cumulativeExpiryAfter: iso(guideTimeline([...verifiedCapacities(snapshot, roots, now, leaving), ...adding], now).cumulativeExpiry),
    latestValidNow: iso(snapshot.live.latestValid),
    latestValidAfter: unchanged ? iso(snapshot.live.latestValid) : iso(combinedExpiry(remaining, at)),
    overCapacity: overCapacityView(preflight.overCapacity),
  };
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
  const status = deps.monitor.reportOf(id);
  const current =
    status === undefined || status.status === null
      ? []
      : status.licenses
          .filter((license) => license.verification.valid)
          .map((license) => ({ expiresAt: Date.parse(license.expiry), internalUsers: license.internal_users, externalUsers: license.external_users }));
  return {
    installed: report.installed,
    reason: report.reason,
    message: report.message,
    warnings: report.warnings,
    instance,
    cumulativeExpiry: iso(guideTimeline(current, deps.now()).cumulativeExpiry),
    authentikExpiry: instance.lastRefresh?.ok === true ? { latestValid: instance.latestValid, readAt: instance.lastRefresh.at } : null,
  };
}
