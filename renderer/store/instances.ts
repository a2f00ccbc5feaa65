import type { QueryClient } from '@tanstack/react-query';
import type { InstanceRow } from '../../shared/instances/instance-row';
import type { Api } from '../../shared/ipc/api';
import { cachedInstanceRows, instancesQuery, refreshKeys, rowsAnswered } from '../queries/instance-list';
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
  /** A refresh is under way: "Refresh all", or these instances one by one. */
  refreshingAll: boolean;
  refreshingIds: readonly string[];
  /** Another screen needs the list: read unless it has been. */
  instancesNeeded(): Promise<void>;
  /** An instance as main now has it, into the list; and a notice for the dashboard when there is one. */
  instanceAnswered(instance: InstanceRow | null, notice: string | null): void;
}

export interface InstancesStore {
  getState(): InstancesState;
  /** Called when the list or a refresh changes, with what was before (as zustand's subscribe). */
  subscribe(listener: (state: InstancesState, before: InstancesState) => void): () => void;
}

function refreshingOf(client: QueryClient): Pick<InstancesState, 'refreshingAll' | 'refreshingIds'> {
  const running = client.getMutationCache().findAll({ mutationKey: refreshKeys.all, status: 'pending' });
  const keys = running.map((mutation) => mutation.options.mutationKey ?? []);
  return {
    refreshingAll: keys.some((key) => key[2] === 'all'),
    refreshingIds: keys.filter((key) => key[2] === 'one').map((key) => String(key[3])),
  };
}

/** The instances as the not-yet-migrated stores read them, over `queryClient` (a fresh one over `client` in their unit tests). */
export function createInstancesStore({ client, queryClient = createAppQueryClient(client) }: { client: Api; queryClient?: QueryClient }): InstancesStore {
  const stateNow = (): InstancesState => ({
    rows: cachedInstanceRows(queryClient),
    listed: queryClient.getQueryData(instancesQuery.queryKey) !== undefined,
    ...refreshingOf(queryClient),
    async instancesNeeded() {
      await queryClient.ensureQueryData(instancesQuery).catch(() => undefined);
    },
    instanceAnswered(instance, notice) {
      if (instance !== null) rowsAnswered(queryClient, [instance]);
      if (notice !== null) dashboardNoticeShown(notice);
    },
  });
  return {
    getState: stateNow,
    subscribe(listener) {
      let before = stateNow();
      const changed = (): void => {
        const state = stateNow();
        listener(state, before);
        before = state;
      };
      const stopQueries = queryClient.getQueryCache().subscribe(changed);
      const stopMutations = queryClient.getMutationCache().subscribe(changed);
      return () => {
        stopQueries();
        stopMutations();
      };
    },
  };
}
