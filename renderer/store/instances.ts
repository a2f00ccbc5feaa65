import type { QueryClient } from '@tanstack/react-query';
import type { InstanceRow } from '../../shared/instances/instance-row';
import type { Api } from '../../shared/ipc/api';
import { cachedInstanceRows, instancesQuery, rowsAnswered } from '../queries/instance-list';
import { createAppQueryClient } from '../queries/query-client';
import { dashboardNoticeShown } from '../features/dashboard/dashboard-screen';

/*
 * TRANSITIONAL: the instances are a query now (renderer/queries/instance-list.ts, the dashboard's
 * features/dashboard/). The stores not yet migrated (install, instance page, edit, portal licenses,
 * purchase) still take an `instances` dependency and read its state; this gives them the same few
 * members over the query cache, so they keep working until each is a query or mutation itself. Delete this
 * file when nothing imports it.
 */

export interface InstancesState {
  /** The saved instances as the list query last answered (none before it has). */
  rows: readonly InstanceRow[];
  listed: boolean;
  /** Another screen needs the list: read unless it has been. */
  instancesNeeded(): Promise<void>;
  /** An instance as main now has it, into the list; and a notice for the dashboard when there is one. */
  instanceAnswered(instance: InstanceRow | null, notice: string | null): void;
}

export interface InstancesStore {
  getState(): InstancesState;
}

/** The instances as the not-yet-migrated stores read them, over `queryClient` (a fresh one over `client` in their unit tests). */
export function createInstancesStore({ client, queryClient = createAppQueryClient(client) }: { client: Api; queryClient?: QueryClient }): InstancesStore {
  const stateNow = (): InstancesState => ({
    rows: cachedInstanceRows(queryClient),
    listed: queryClient.getQueryData(instancesQuery.queryKey) !== undefined,
    async instancesNeeded() {
      await queryClient.ensureQueryData(instancesQuery).catch(() => undefined);
    },
    instanceAnswered(instance, notice) {
      if (instance !== null) rowsAnswered(queryClient, [instance]);
      if (notice !== null) dashboardNoticeShown(notice);
    },
  });
  return { getState: stateNow };
}
