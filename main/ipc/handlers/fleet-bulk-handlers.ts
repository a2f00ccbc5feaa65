import { osActor } from '../../audit/audit-actor';
import { succeeded, type AuditRecorder } from '../../audit/audit-recorder';
import { instanceTarget } from '../../audit/instance-audit';
import { bulkTagPatches, type TagChange } from '../../instances/bulk-tags';
import type { FleetMonitor } from '../../instances/fleet-monitor';
import type { Emit } from '../../ports/page-events';
import type { InstanceRecord } from '../../registry/instance-record';
import type { InstanceRegistry } from '../../registry/instance-registry';
import { answering } from '../answering/answering';
import type { Handlers } from '../handlers';

/**
 * Runs `work` inside one `instance.edit` audit entry per instance: every attempt is written before the one
 * registry write, and every outcome after it, so the trail names each instance a bulk change touched.
 */
function auditedEach(
  audit: AuditRecorder,
  records: readonly InstanceRecord[],
  detail: string,
  work: () => Promise<void>,
): Promise<void> {
  const [first, ...rest] = records;
  if (first === undefined) return work();
  return audit.run(
    { actor: osActor(), action: 'instance.edit', target: instanceTarget(first), fingerprint: null },
    () => auditedEach(audit, rest, detail, work),
    () => succeeded(detail),
  );
}

const tagDetail = (tag: string, change: TagChange): string =>
  `changed: tags (${change === 'add' ? 'added' : 'removed'} “${tag.trim()}”)`;

/** The dashboard's bulk actions that have no single-instance channel to reuse. */
export function fleetBulkHandlers(deps: {
  registry: InstanceRegistry;
  monitor: Pick<FleetMonitor, 'rows'>;
  audit: AuditRecorder;
  emit: Emit;
}): Pick<Handlers, 'instances:tag'> {
  return {
    // One read and one write of the registry: a refused instance leaves every one as it was.
    'instances:tag': async ({ ids, tag, change }) =>
      answering(async () => {
        const records = deps.registry.list();
        const patches = bulkTagPatches(records, ids, tag, change);
        const changed = records.filter((record) => patches.has(record.id));
        await auditedEach(deps.audit, changed, tagDetail(tag, change), async () => deps.registry.updateMany(patches));
        deps.emit('instances:did-change', {});
        const chosen = new Set(ids);
        return { instances: deps.monitor.rows().filter((row) => chosen.has(row.id)) };
      }),
  };
}
