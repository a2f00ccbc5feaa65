import { osActor } from '../../audit/audit-actor';
import { succeeded, type AuditRecorder } from '../../audit/audit-recorder';
import { editedFields, instanceTarget } from '../../audit/instance-audit';
import type { SecretClipboard } from '../../clipboard/secret-clipboard';
import type { FleetMonitor } from '../../instances/fleet-monitor';
import { refreshedRow, rowOf } from '../../instances/fleet-row';
import { createInstanceClient } from '../../instances/instance-client';
import { buildInstanceDetail } from '../../instances/instance-detail';
import { InstanceError } from '../../instances/instance-error';
import type { InstanceService } from '../../instances/instance-service';
import { uncoveredAfterDelete } from '../../instances/delete-license';
import type { DeletedKeyHolder } from '../../instances/undo-delete';
import type { StatusHistoryStore } from '../../instances/status-history';
import { keyFingerprint } from '../../license/fingerprint';
import type { Emit } from '../../ports/page-events';
import type { InstanceRegistry } from '../../registry/instance-registry';
import { instanceAccount, type SecretStore } from '../../secrets/secret-store';
import { answering } from '../answering/answering';
import type { Handlers } from '../handlers';
import { IpcError } from '../ipc-error';

export interface InstancePageDeps {
  registry: InstanceRegistry;
  service: Pick<InstanceService, 'update' | 'connectionFor'>;
  monitor: FleetMonitor;
  secrets: Pick<SecretStore, 'get'>;
  history: Pick<StatusHistoryStore, 'read'>;
  clipboard: Pick<SecretClipboard, 'copyText'>;
  emit: Emit;
  now: () => number;
  timeoutMs: number;
  /** Edits and deletions are recorded before they happen; neither happens when that fails. */
  audit: AuditRecorder;
  /** A deleted license's key, kept in memory for its Undo. */
  deletedKeys: Pick<DeletedKeyHolder, 'hold'>;
}

/** The instance page: its detail, the edit dialog, deleting a license and copying the Install ID. */
export function instancePageHandlers(
  deps: InstancePageDeps,
): Pick<Handlers, 'instances:update' | 'instances:detail' | 'instances:delete-license' | 'instances:copy-install-id'> {
  const { registry, monitor, emit } = deps;
  const saved = (id: string) => {
    const record = registry.get(id);
    if (record === undefined)
      throw new IpcError('not_found', 'That instance is no longer saved; it may have been removed in another window.');
    return record;
  };

  return {
    'instances:update': async ({ id, token, ...fields }) =>
      answering(async () => {
        const record = saved(id);
        await deps.audit.run(
          { actor: osActor(), action: 'instance.edit', target: instanceTarget(record), fingerprint: null },
          () => deps.service.update(id, { ...fields, ...(token === null ? {} : { token }) }),
          (updated) => ({ ...succeeded(editedFields(record, { ...fields, token })), target: instanceTarget(updated) }),
        );
        const instance = await refreshedRow(monitor, id);
        emit('instances:did-change', {});
        return { instance };
      }),

    'instances:detail': async ({ id, refresh }) =>
      answering(async () => {
        saved(id);
        if (refresh || monitor.readingOf(id) === undefined) {
          await monitor.refresh([id], () => undefined);
          emit('instances:did-change', {});
        }
        const hasToken = (await deps.secrets.get(instanceAccount(id))) !== null;
        const record = saved(id);
        const history = deps.history.read(id, record.url);
        return buildInstanceDetail({
          row: rowOf(monitor, id),
          record,
          reading: monitor.readingOf(id),
          hasToken,
          history,
          now: deps.now(),
        });
      }),

    'instances:delete-license': async ({ id, licenseUuid, allowOverCapacity }) =>
      answering(async () => {
        const record = saved(id);
        const client = createInstanceClient({ ...(await deps.service.connectionFor(id)), timeoutMs: deps.timeoutMs });
        const snapshot = await client.readSnapshot();
        const license = snapshot.licenses.find((candidate) => candidate.licenseUuid === licenseUuid);
        const gone = `No license with the id ${licenseUuid} is installed on "${record.name}": it was deleted or replaced meanwhile. Refresh the instance to see its licenses.`;
        if (license === undefined) throw new IpcError('not_found', gone);
        // The same consent as an install that leaves users over capacity: asked for, or nothing is deleted.
        const uncovered = uncoveredAfterDelete(snapshot, licenseUuid, deps.now());
        if (uncovered !== null && !allowOverCapacity)
          throw new IpcError(
            'refused',
            `Deleting "${license.name}" would leave users without a license (${uncovered}); confirm that to delete it. Nothing was deleted.`,
          );
        try {
          await deps.audit.run(
            {
              actor: osActor(),
              action: 'license.delete',
              target: { ...instanceTarget(record), license: licenseUuid, license_name: license.name },
              fingerprint: keyFingerprint(license.key),
            },
            () => client.deleteLicense(licenseUuid),
            () => succeeded(),
          );
        } catch (error) {
          if (error instanceof InstanceError && error.code === 'not_found') throw new IpcError('not_found', gone);
          throw error;
        }
        const undoId = deps.deletedKeys.hold(id, license.key);
        const instance = await refreshedRow(monitor, id);
        emit('instances:did-change', {});
        return { instance, undoId };
      }),

    'instances:copy-install-id': async ({ id }) =>
      answering(async () => {
        const row = rowOf(monitor, id);
        if (row.installId === null) {
          throw new IpcError(
            'not_found',
            `The Install ID of "${row.name}" is not known yet: refresh the instance. Reading it needs a token whose user has the permission "Can view License" (view_license).`,
          );
        }
        await deps.clipboard.copyText(row.installId);
        return {};
      }),
  };
}
