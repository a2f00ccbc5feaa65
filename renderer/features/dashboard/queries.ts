import { queryOptions, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { InstanceRow } from '../../../shared/instances/instance-row';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { instanceKeys } from '../../queries/instance-keys';
import { instancesQuery, useInstanceList } from '../../queries/instance-list';
import { askMain } from '../../queries/query-client';
import { filterChoices, rowFilter } from '../../store/instance-filter';
import { sortRows } from '../../store/instance-sort';
import { useDashboardScreen } from './dashboard-screen';
import { inChip } from './health';

export type VaultAudit = ChannelOutput<'instances:audit'>;

const NO_ROWS: readonly InstanceRow[] = [];
const NO_NOTICES: readonly string[] = [];

/**
 * The list read again each time the dashboard opens, as before the move to queries: `aklm` and other app
 * windows change the shared data folder without main hearing of it, and main finds (and tells of) a damaged
 * settings file only when it reads it. Other screens keep the cached list until main's event.
 */
const dashboardListQuery = { ...instancesQuery, refetchOnMount: 'always' as const };

/** The fleet as the dashboard shows it: every row, and the rows the filters and the pressed chip leave (sorted). */
export function useDashboardRows(now: number) {
  const list = useQuery(dashboardListQuery);
  const sort = useDashboardScreen((state) => state.sort);
  const filters = useDashboardScreen((state) => state.filters);
  const chip = useDashboardScreen((state) => state.chip);
  const rows = list.data?.instances ?? NO_ROWS;
  const visible = useMemo(() => {
    const filter = rowFilter(filters);
    return sortRows(
      rows.filter((row) => filter(row) && (chip === null || inChip(row, chip, now))),
      sort,
    );
  }, [rows, filters, chip, sort, now]);
  return { list, rows, visible };
}

/**
 * Customers and tags to filter by, from the instances themselves (the list alone: no filtering or sorting).
 * The filter bar appears once the list has answered, so it must not ask for the list again as it mounts:
 * only the screen's own opening does (`dashboardListQuery`).
 */
export function useFilterChoices() {
  const rows = useQuery(instancesQuery).data?.instances ?? NO_ROWS;
  return useMemo(() => filterChoices(rows), [rows]);
}

/** What main repaired in the data folder, less what the person dismissed. */
export function useDataNotices(): readonly string[] {
  const notices = useInstanceList().data?.dataNotices ?? NO_NOTICES;
  const dismissed = useDashboardScreen((state) => state.dismissedDataNotices);
  return useMemo(() => notices.filter((notice) => !dismissed.includes(notice)), [notices, dismissed]);
}

/** The token vault against the registry: tokens no saved instance owns, and saved instances without a token. */
export const vaultAuditQuery = queryOptions({
  queryKey: instanceKeys.vaultAudit(),
  queryFn: ({ client }) => askMain(client, 'instances:audit', {}),
  // The vault is checked each time the dashboard opens, as well as after every change main tells of.
  refetchOnMount: 'always',
});

export const useVaultAudit = () => useQuery(vaultAuditQuery);

/** What the vault notice is about, as one string: the same findings are dismissed once. */
export function vaultFindingsOf(audit: VaultAudit | undefined, problem: string | null): string {
  return JSON.stringify({
    orphans: [...(audit?.orphanedAccounts ?? [])].sort(),
    missing: (audit?.missingTokens ?? []).map((entry) => entry.id).sort(),
    problem,
  });
}
