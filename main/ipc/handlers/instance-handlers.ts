import type { InstanceRow } from '../../../shared/instances/instance-row';
import { osActor } from '../../audit/audit-actor';
import { succeeded, type AuditRecorder } from '../../audit/audit-recorder';
import { instanceTarget } from '../../audit/instance-audit';
import { exportFleet } from '../../instances/fleet-export';
import type { FleetMonitor } from '../../instances/fleet-monitor';
import { refreshedRow } from '../../instances/fleet-row';
import type { StatusHistoryStore } from '../../instances/status-history';
import type { Emit } from '../../ports/page-events';
import type { InstanceRecord } from '../../registry/instance-record';
import type { InstanceRegistry } from '../../registry/instance-registry';
import { answering } from '../answering/answering';
import type { Handlers } from '../handlers';
import { IpcError } from '../ipc-error';

/** The part of the instance service the page reaches. */
export interface InstanceActions {
  add(input: {
    name: string;
    url: string;
    token: string;
    customer: string | null;
    tags: string[];
    caPem: string | null;
    allowHttp?: boolean;
  }): Promise<InstanceRecord>;
  remove(id: string): Promise<unknown>;
}

/** The rows `ids` names, in that order (ids no longer saved are left out), or every row when null. */
function chosenRows(rows: readonly InstanceRow[], ids: readonly string[] | null): InstanceRow[] {
  if (ids === null) return [...rows];
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export function instanceHandlers(deps: {
  registry: InstanceRegistry;
  actions: InstanceActions;
  monitor: FleetMonitor;
  history: Pick<StatusHistoryStore, 'remove'>;
  emit: Emit;
  now: () => number;
  /** What was repaired in the data folder this session, told with every list. */
  dataNotices: () => readonly string[];
  /** Adding and removing are recorded before they happen; neither happens when that fails. */
  audit: AuditRecorder;
}): Pick<Handlers, 'instances:list' | 'instances:add' | 'instances:remove' | 'instances:refresh' | 'instances:export'> {
  const { monitor, emit } = deps;
  const progress = (done: number, total: number): void => emit('instances:refresh-progress', { done, total });
  return {
    'instances:list': async () =>
      answering(async () => ({ instances: monitor.rows(), dataNotices: [...deps.dataNotices()] })),
    'instances:add': async (input) =>
      answering(async () => {
        const record = await deps.audit.run(
          {
            actor: osActor(),
            action: 'instance.add',
            target: { instance: { id: null, name: input.name.trim(), url: input.url } },
            fingerprint: null,
          },
          () => deps.actions.add(input),
          (added) => ({ ...succeeded(), target: instanceTarget(added) }),
        );
        const instance = await refreshedRow(monitor, record.id);
        emit('instances:did-change', {});
        return { instance };
      }),
    'instances:remove': async ({ id }) =>
      answering(async () => {
        const record = deps.registry.get(id);
        if (record === undefined) throw new IpcError('not_found', 'That instance is no longer saved.');
        await deps.audit.run(
          { actor: osActor(), action: 'instance.remove', target: instanceTarget(record), fingerprint: null },
          () => deps.actions.remove(id),
          () => succeeded(),
        );
        monitor.forget(id);
        deps.history.remove(id);
        emit('instances:did-change', {});
        return {};
      }),
    'instances:refresh': async ({ ids }) =>
      answering(async () => {
        const instances = await monitor.refresh(ids, progress);
        emit('instances:did-change', {});
        return { instances };
      }),
    'instances:export': async ({ format, ids }) =>
      answering(async () => exportFleet(chosenRows(monitor.rows(), ids ?? null), format, new Date(deps.now()))),
  };
}
