import { queryOptions, useQuery } from '@tanstack/react-query';
import { portalKeys } from '../../queries/portal-keys';
import { askMain } from '../../queries/query-client';
import { useAccountsListed, useActiveAccountId } from '../../queries/portal-accounts';
import { sortedMembers, type Membership } from './membership';

/** An organization's members and pending invitations, as `accountId` sees them. */
export const membershipQuery = (accountId: string, orgId: string) =>
  queryOptions({
    queryKey: portalKeys.members(accountId, orgId),
    queryFn: async ({ client }): Promise<Membership> => {
      const { members, invitations } = await askMain(client, 'portal:list-members', { org: orgId });
      return { members: sortedMembers(members), invitations };
    },
  });

export function useMembership(orgId: string) {
  const accountId = useActiveAccountId();
  return useQuery({ ...membershipQuery(accountId ?? '', orgId), enabled: accountId !== null });
}

/**
 * The invitation behind `link` (null: none asked for), read as main picks the account; reading accepts
 * nothing and switches no account. A sign-in or switch changes the key, so it is read again as that account.
 */
export function useInvitationPreview(link: string | null) {
  const accountId = useActiveAccountId();
  // Read once the accounts are in, so a deep link at start-up is read once, as the account it will be shown to.
  const accountsListed = useAccountsListed();
  return useQuery({
    queryKey: portalKeys.invitationPreview(accountId, link ?? ''),
    queryFn: async ({ client }) => {
      const { account, preview } = await askMain(client, 'portal:preview-invitation', { link: link ?? '' });
      return { link: link ?? '', account, invitation: preview };
    },
    enabled: link !== null && accountsListed,
    // The key holds the link, token and all: it leaves the cache with the screen.
    gcTime: 0,
  });
}
