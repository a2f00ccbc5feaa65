import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Organization } from '../../../shared/portal/schemas/organizations';
import { portalKeys } from '../../queries/portal-keys';
import { askMain } from '../../queries/query-client';
import { useActiveAccountId } from '../../queries/portal-accounts';

const byName = (a: Organization, b: Organization): number => a.name.localeCompare(b.name);

/** The list with `organization` added or replaced, by name: how a create, edit or join shows before the list is read again. */
export function withOrganization(list: readonly Organization[], organization: Organization): Organization[] {
  return [...list.filter((known) => known.id !== organization.id), organization].sort(byName);
}

/** "My organizations" as `accountId` sees them, by name. */
export const organizationsQuery = (accountId: string) =>
  queryOptions({
    queryKey: portalKeys.organizations(accountId),
    queryFn: async ({ client }) =>
      [...(await askMain(client, 'portal:list-organizations', {})).organizations].sort(byName),
  });

/** One organization with the caller's role in it. */
export const organizationQuery = (accountId: string, orgId: string) =>
  queryOptions({
    queryKey: portalKeys.organizationDetails(accountId, orgId),
    queryFn: async ({ client }) => (await askMain(client, 'portal:get-organization', { org: orgId })).organization,
  });

/** The active account's organizations; nothing is asked until the accounts are listed and one is active. */
export function useOrganizations() {
  const accountId = useActiveAccountId();
  return useQuery({ ...organizationsQuery(accountId ?? ''), enabled: accountId !== null });
}

export function useOrganization(orgId: string) {
  const accountId = useActiveAccountId();
  return useQuery({ ...organizationQuery(accountId ?? '', orgId), enabled: accountId !== null });
}
