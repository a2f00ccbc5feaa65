import type { InstanceRow } from '../../shared/instances/instance-row';
import type { FleetMonitor } from './fleet-monitor';
import { InstanceServiceError } from './instance-service-error';

/** The dashboard row of a saved instance; `unknown_instance` (not_found on the page) once it is no longer saved. */
export function rowOf(monitor: FleetMonitor, id: string): InstanceRow {
  const row = monitor.rows().find((candidate) => candidate.id === id);
  if (row === undefined)
    throw new InstanceServiceError(
      'unknown_instance',
      'That instance is no longer saved; it may have been removed in another window.',
    );
  return row;
}

/** Reads one instance again (its own failure only marks its row) and returns its row. */
export async function refreshedRow(monitor: FleetMonitor, id: string): Promise<InstanceRow> {
  await monitor.refresh([id], () => undefined);
  return rowOf(monitor, id);
}
