import type { PortalClient } from '../../portal/portal-client';
import type { Handlers } from '../handlers';
import { portalAnswering } from './portal-answering';
import { parseInvitationLink } from './portal-invitation-link';
import { accountView, activeClient, makeActive, portalChanged, type PortalSession } from './portal-session';

type MemberChannels =
  | 'portal:list-members'
  | 'portal:update-member'
  | 'portal:remove-member'
  | 'portal:create-invitation'
  | 'portal:revoke-invitation'
  | 'portal:resend-invitation'
  | 'portal:preview-invitation'
  | 'portal:accept-invitation';

/**
 * Who an invitation link is for on this computer: the signed-in account at the link's portal (it becomes
 * the active one), else the active account; and the token it carries.
 */
function invitationContext(session: PortalSession, link: string): { token: string; accountId: string; client: PortalClient } {
  const { token, portalOrigin } = parseInvitationLink(link);
  const atPortal = portalOrigin === null ? undefined : session.accounts.list().find((account) => new URL(account.portalUrl).origin === portalOrigin);
  if (atPortal !== undefined) makeActive(session, atPortal.id);
  const account = atPortal ?? session.accounts.resolve();
  return { token, accountId: account.id, client: session.accounts.client(account.id) };
}

/** Membership and invitations: Owners change them (the portal refuses Members with a 403 in words); anyone with a link previews, then accepts. */
export function portalMemberHandlers(session: PortalSession): Pick<Handlers, MemberChannels> {
  /** A change the portal makes, after which the screens reload. */
  const change = <T>(work: (client: PortalClient) => Promise<T>): Promise<T> =>
    portalAnswering(async () => {
      const result = await work(activeClient(session));
      portalChanged(session);
      return result;
    });

  return {
    'portal:list-members': async ({ org }) =>
      portalAnswering(async () => {
        const client = activeClient(session);
        const [members, invitations] = await Promise.all([client.listMembers(org), client.listInvitations(org)]);
        return { members, invitations };
      }),
    'portal:update-member': async ({ org, user, change: body }) => change(async (client) => ({ member: await client.updateMember(org, user, body) })),
    'portal:remove-member': async ({ org, user }) =>
      change(async (client) => {
        await client.removeMember(org, user);
        return {};
      }),
    'portal:create-invitation': async ({ org, invitation }) => change(async (client) => ({ invitation: await client.createInvitation(org, invitation) })),
    'portal:revoke-invitation': async ({ org, id }) =>
      change(async (client) => {
        await client.revokeInvitation(org, id);
        return {};
      }),
    'portal:resend-invitation': async ({ org, id }) => change(async (client) => ({ invitation: await client.resendInvitation(org, id) })),

    'portal:preview-invitation': async ({ link }) =>
      portalAnswering(async () => {
        const { token, accountId, client } = invitationContext(session, link);
        const preview = await client.previewInvitation(token);
        return { account: accountView(session.accounts.resolve(accountId), true), preview };
      }),

    'portal:accept-invitation': async ({ link }) =>
      portalAnswering(async () => {
        const { token, client } = invitationContext(session, link);
        const organization = await client.acceptInvitation(token);
        portalChanged(session);
        return { organization };
      }),
  };
}
