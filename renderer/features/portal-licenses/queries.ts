import { queryOptions, useQuery, type Query, type QueryClient } from '@tanstack/react-query';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { IpcFailureError } from '../../ipc/answer';
import { portalKeys } from '../../queries/portal-keys';
import { askMain } from '../../queries/query-client';
import { useActiveAccountId } from '../../queries/portal-accounts';

/** A portal license as the organization's list has it (never the key), linked to the saved instance with its Install ID. */
export type PortalLicense = ChannelOutput<'portal:list-licenses'>['licenses'][number];

/** A saved instance with the license's Install ID, and whether the license's key still has to be installed there. */
export type LicenseInstanceLink = PortalLicense['instances'][number];

export const licensesQuery = (accountId: string, orgId: string) =>
  queryOptions({
    queryKey: portalKeys.licenses(accountId, orgId),
    queryFn: async ({ client }) => (await askMain(client, 'portal:list-licenses', { org: orgId })).licenses,
  });

/** The organization's licenses as the active account sees them; nothing is asked until one is active. */
export function useLicenses(orgId: string) {
  const accountId = useActiveAccountId();
  return useQuery({ ...licensesQuery(accountId ?? '', orgId), enabled: accountId !== null });
}

/** The list with `license` as the portal answered it now, replaced in place or added at the end. */
export function withLicense(list: readonly PortalLicense[], license: PortalLicense): PortalLicense[] {
  return list.some((entry) => entry.id === license.id)
    ? list.map((entry) => (entry.id === license.id ? license : entry))
    : [...list, license];
}

/** A licenses list's key, of `orgId` or of any organization, as any account read it. */
function isLicensesList(query: Query, orgId?: string): boolean {
  const [, accountId, , keyOrg] = query.queryKey;
  if (typeof accountId !== 'string' || typeof keyOrg !== 'string' || (orgId !== undefined && keyOrg !== orgId))
    return false;
  return JSON.stringify(query.queryKey) === JSON.stringify(portalKeys.licenses(accountId, keyOrg));
}

/**
 * A license read outside the list (a purchase or renewal followed until paid) shows in the organization's
 * list at once: the portal does not tell main, so no event would.
 */
export function licenseAnswered(client: QueryClient, orgId: string, license: PortalLicense): void {
  client.setQueriesData<PortalLicense[]>(
    { queryKey: portalKeys.all, predicate: (query) => isLicensesList(query, orgId) },
    (list) => (list === undefined ? undefined : withLicense(list, license)),
  );
}

/** An instance was read again: each list judges its licenses against what was read (installed, renewed, not compared). */
export function licensesJudgedAgain(client: QueryClient): Promise<void> {
  return client.invalidateQueries({ queryKey: portalKeys.all, predicate: (query) => isLicensesList(query) });
}

export type Plan = ChannelOutput<'portal:list-plans'>['plans'][number];

const plansQuery = (accountId: string) =>
  queryOptions({
    queryKey: portalKeys.plans(accountId),
    queryFn: async ({ client }) => (await askMain(client, 'portal:list-plans', {})).plans,
  });

/** The plans on sale, as the active account's portal lists them. */
export function usePlans() {
  const accountId = useActiveAccountId();
  return useQuery({ ...plansQuery(accountId ?? ''), enabled: accountId !== null });
}

/** Renewed-but-not-installed pairings, the licenses not compared, and the accounts whose licenses could not be read. */
export type PendingInstalls = ChannelOutput<'portal:list-pending-installs'>;

/** A portal license paid or renewed for a saved instance, active, later than every installed key, and not installed there. */
export type PendingInstall = PendingInstalls['pending'][number];

const NONE_PENDING: PendingInstalls = { pending: [], uncompared: [], accountProblems: [] };

/**
 * The pairings across every signed-in account's organizations and the saved instances. Without a signed-in
 * account there are none, which is nothing to warn about. `portal:did-change` and `instances:did-change`
 * have them read again (renderer/ipc/events.ts).
 */
export const pendingInstallsQuery = queryOptions({
  queryKey: portalKeys.pendingInstalls(),
  queryFn: async ({ client }) => {
    try {
      return await askMain(client, 'portal:list-pending-installs', {});
    } catch (error) {
      if (error instanceof IpcFailureError && error.code === 'not_signed_in') return NONE_PENDING;
      throw error;
    }
  },
});

/** The pairings, as `pick` takes them from the answer; none before it came. */
export function usePendingInstalls<T>(
  pick: (answer: PendingInstalls) => T,
  { readAgain = false }: { readAgain?: boolean } = {},
) {
  const query = useQuery({
    ...pendingInstallsQuery,
    select: pick,
    ...(readAgain ? { refetchOnMount: 'always' as const } : {}),
  });
  return { data: query.data ?? pick(NONE_PENDING), problem: query.isError ? query.error.message : null };
}

/** The pairings (or the licenses not compared) for one saved instance. */
export function pendingFor<T extends { instanceId: string }>(pending: readonly T[], instanceId: string): T[] {
  return pending.filter((entry) => entry.instanceId === instanceId);
}

/** An instance was read again: the pairings, which compare the licenses with what was read, are read again. */
export function pendingInstallsJudgedAgain(client: QueryClient): Promise<void> {
  return client.invalidateQueries({ queryKey: portalKeys.pendingInstalls() });
}
