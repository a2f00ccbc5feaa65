import { bulkTagPatches } from '../../instances/bulk-tags';
import type { FleetMonitor } from '../../instances/fleet-monitor';
import type { Emit } from '../../ports/page-events';
import type { InstanceRegistry } from '../../registry/instance-registry';
import { answering } from '../answering/answering';
import type { Handlers } from '../handlers';

/** The dashboard's bulk actions that have no single-instance channel to reuse. */
export function fleetBulkHandlers(deps: {
  registry: InstanceRegistry;
  monitor: Pick<FleetMonitor, 'rows'>;
  emit: Emit;
}): Pick<Handlers, 'instances:tag'> {
  return {
    // One read and one write of the registry: a refused instance leaves every one as it was.
    'instances:tag': async ({ ids, tag, change }) =>
      answering(async () => {
        deps.registry.updateMany(bulkTagPatches(deps.registry.list(), ids, tag, change));
        deps.emit('instances:did-change', {});
        const chosen = new Set(ids);
        return { instances: deps.monitor.rows().filter((row) => chosen.has(row.id)) };
      }),
  };
}
