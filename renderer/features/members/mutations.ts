import { useMutation, type QueryClient } from '@tanstack/react-query';
import type { PortalAccountView } from '../../../shared/ipc/portal-contract';
import type { InvitationCreate, Invitation } from '../../../shared/portal/schemas/invitations';
import type { Organization } from '../../../shared/portal/schemas/organizations';
import type { Member } from '../../../shared/portal/schemas/members';
import type { IpcFailureError } from '../../ipc/answer';
import { accountActivated, useActiveAccountId } from '../../queries/portal-accounts';
import { portalKeys } from '../../queries/portal-keys';
import { askMain } from '../../queries/query-client';
import { showToast } from '../../ui/toasts';
import { memberDoneWords } from './member-words';
import { membershipAfter, type Membership, type RoleChange } from './membership';
import { membershipQuery } from './queries';

/** The refusals that show the page was out of date: it showed something the portal no longer has, or the caller's role changed (403). */
const STALE_CODES = new Set(['conflict', 'forbidden', 'not_found']);

/**
 * One change to an organization's membership: main is asked, its answer is shown in the list at once, and
 * after a refusal that shows the page out of date everything shown of the organization (the members, the
 * caller's role) is read again; the refusal itself stays in the mutation's error state, in the portal's words.
 * What was done (`done`, where given) is said in a toast.
 */
function useMembershipChange<V, T>(
  orgId: string,
  ask: (client: QueryClient, variables: V) => Promise<T>,
  after: (list: Membership, answer: T, variables: V) => Membership,
  done?: (answer: T, variables: V) => string,
) {
  // The tab is drawn per account and organization (OrganizationPage), so these stay what they were when asked.
  const accountId = useActiveAccountId() ?? '';
  return useMutation<T, IpcFailureError, V>({
    mutationFn: (variables, { client }) => ask(client, variables),
    onSuccess(answer, variables, _context, { client }) {
      client.setQueryData(membershipQuery(accountId, orgId).queryKey, (list) =>
        list === undefined ? undefined : after(list, answer, variables),
      );
      if (done !== undefined) showToast({ tone: 'success', title: done(answer, variables) });
    },
    onError(error, _variables, _context, { client }) {
      if (STALE_CODES.has(error.code))
        void client.invalidateQueries({ queryKey: portalKeys.organization(accountId, orgId) });
    },
  });
}

const useChangeRole = (orgId: string) =>
  useMembershipChange(
    orgId,
    (client, { member, role }: RoleChange) =>
      askMain(client, 'portal:update-member', { org: orgId, user: member.user_id, change: { role } }),
    (list, { member }) => membershipAfter.roleChanged(list, member),
    ({ member }) => memberDoneWords.roleChanged(member),
  );

const useRemoveMember = (orgId: string, orgName: string) =>
  useMembershipChange(
    orgId,
    (client, member: Member) => askMain(client, 'portal:remove-member', { org: orgId, user: member.user_id }),
    (list, _answer, member) => membershipAfter.removed(list, member),
    (_answer, member) => memberDoneWords.removed(member, orgName),
  );

const useInvite = (orgId: string) =>
  useMembershipChange(
    orgId,
    (client, invitation: InvitationCreate) => askMain(client, 'portal:create-invitation', { org: orgId, invitation }),
    (list, { invitation }) => membershipAfter.invited(list, invitation),
  );

const useRevokeInvitation = (orgId: string) =>
  useMembershipChange(
    orgId,
    (client, invitation: Invitation) => askMain(client, 'portal:revoke-invitation', { org: orgId, id: invitation.id }),
    (list, _answer, invitation) => membershipAfter.revoked(list, invitation),
    (_answer, invitation) => memberDoneWords.revoked(invitation),
  );

const useResendInvitation = (orgId: string) =>
  useMembershipChange(
    orgId,
    (client, invitation: Invitation) => askMain(client, 'portal:resend-invitation', { org: orgId, id: invitation.id }),
    (list, { invitation }) => membershipAfter.resent(list, invitation),
    ({ invitation }) => memberDoneWords.resent(invitation),
  );

/** The Members tab's actions, held by the tab so their words outlive the row, dialog or form that started them. */
export function useMemberActions(orgId: string, orgName: string) {
  return {
    changeRole: useChangeRole(orgId),
    remove: useRemoveMember(orgId, orgName),
    invite: useInvite(orgId),
    revoke: useRevokeInvitation(orgId),
    resend: useResendInvitation(orgId),
  };
}

export type MemberActions = ReturnType<typeof useMemberActions>;

/** What Accept sends: the link as read, and the account it was shown for. */
export interface InvitationAcceptance {
  link: string;
  account: PortalAccountView;
}

/** What the organizations feature does with an organization joined (the app shell passes it in). */
export type OrganizationJoined = (accountId: string, organization: Organization) => void;

/** Accepts a previewed invitation as the account shown; main makes that account the active one, and the organization opens as it. */
export function useAcceptInvitation(joined: OrganizationJoined) {
  return useMutation({
    mutationFn: ({ link, account }: InvitationAcceptance, { client }) =>
      askMain(client, 'portal:accept-invitation', { link, accountId: account.id }),
    onSuccess({ organization }, { account }, _context, { client }) {
      accountActivated(client, account);
      joined(account.id, organization);
    },
  });
}
