import { queryOptions, useIsMutating, useMutation, useQuery, type QueryClient } from '@tanstack/react-query';
import type { InstanceRow } from '../../shared/instances/instance-row';
import type { IpcFailureError } from '../ipc/answer';
import { instanceKeys } from './instance-keys';
import { askMain } from './query-client';

/*
 * The saved instances as main lists them, shared by every screen that shows or picks an instance (the
 * dashboard, an instance's page, the portal's licenses). TanStack Query's structural sharing keeps the
 * object of every row that did not change, so a re-list re-renders only the rows that did.
 */

const NO_ROWS: readonly InstanceRow[] = [];

export const instancesQuery = queryOptions({
  queryKey: instanceKeys.list(),
  queryFn: ({ client }) => askMain(client, 'instances:list', {}),
});

/** The list query itself: its rows, whether it has answered, and main's words when it could not. */
export const useInstanceList = () => useQuery(instancesQuery);

/** The saved instances; none until the list has answered. */
export function useInstanceRows(): readonly InstanceRow[] {
  return useQuery({ ...instancesQuery, select: (list) => list.instances }).data ?? NO_ROWS;
}

/** The rows as the cache holds them, for code outside React (a mutation naming an instance in its words). */
export const cachedInstanceRows = (client: QueryClient): readonly InstanceRow[] =>
  client.getQueryData(instancesQuery.queryKey)?.instances ?? NO_ROWS;

/**
 * Main's answer about some instances written into the list: each replaces the row with its id, and one the
 * list lacks (saved meanwhile) is added. Nothing is written before the list has answered: its first answer has them.
 */
export function rowsAnswered(client: QueryClient, answered: readonly InstanceRow[]): void {
  client.setQueryData(instancesQuery.queryKey, (list) => {
    if (list === undefined) return undefined;
    const byId = new Map(answered.map((row) => [row.id, row]));
    const known = new Set(list.instances.map((row) => row.id));
    const instances = [
      ...list.instances.map((row) => byId.get(row.id) ?? row),
      ...answered.filter((row) => !known.has(row.id)),
    ];
    return { ...list, instances };
  });
}

/** A removed instance leaves the list at once; main's `instances:did-change` confirms it. */
export function rowRemoved(client: QueryClient, id: string): void {
  client.setQueryData(instancesQuery.queryKey, (list) =>
    list === undefined ? undefined : { ...list, instances: list.instances.filter((row) => row.id !== id) },
  );
}

/*
 * Refreshes are mutations under these keys, so any screen can tell whether an instance is being read
 * (a row's "Refreshing…", a disabled button) without holding the mutation itself.
 */
const refreshRoot = ['instances', 'refresh'] as const;

export const refreshKeys = {
  all: refreshRoot,
  /** "Refresh all". */
  everything: () => [...refreshRoot, 'all'] as const,
  one: (id: string) => [...refreshRoot, 'one', id] as const,
};

/** Asks main to read `ids` (null: every instance) again and writes what it read into the list. */
export async function refreshed(client: QueryClient, ids: string[] | null): Promise<readonly InstanceRow[]> {
  const { instances } = await askMain(client, 'instances:refresh', { ids });
  rowsAnswered(client, instances);
  return instances;
}

export const useRefreshAllRunning = (): boolean => useIsMutating({ mutationKey: refreshKeys.everything() }) > 0;

/** True while this instance is being read, on its own or as part of "Refresh all". */
export function useInstanceRefreshing(id: string): boolean {
  const one = useIsMutating({ mutationKey: refreshKeys.one(id) }) > 0;
  return useRefreshAllRunning() || one;
}

/** Whether a refresh of `id` (or of all) is under way, for code outside React. */
export const refreshRunning = (client: QueryClient, id: string | null): boolean =>
  client.isMutating({ mutationKey: refreshKeys.everything() }) > 0 ||
  (id !== null && client.isMutating({ mutationKey: refreshKeys.one(id) }) > 0);

/** Reads one instance again from a screen other than the dashboard (no words: the row itself changes). */
export function useRefreshOneInstance(id: string) {
  return useMutation<readonly InstanceRow[], IpcFailureError, undefined>({
    mutationKey: refreshKeys.one(id),
    mutationFn: (_variables, { client }) => refreshed(client, [id]),
  });
}
