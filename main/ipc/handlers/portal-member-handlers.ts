import type { AuditAction, AuditTarget } from '../../../shared/audit/audit-entry';
import { portalActor } from '../../audit/audit-actor';
import { succeeded, type AuditOutcome } from '../../audit/audit-recorder';
import { invitationAcceptor, invitationReader, inviteeAccount } from '../../portal/invitation-accounts';
import { auditedPortalChange } from '../../portal/portal-audit';
import type { PortalClient } from '../../portal/portal-client';
import { accountView, activeClient, makeActive, portalChanged, type PortalSession } from '../../portal/portal-session';
import { hostOf } from '../../portal/portal-url';
import { portalAnswering } from '../answering/portal-answering';
import type { Handlers } from '../handlers';

type MemberChannels =
  | 'portal:list-members'
  | 'portal:update-member'
  | 'portal:remove-member'
  | 'portal:create-invitation'
  | 'portal:revoke-invitation'
  | 'portal:resend-invitation'
  | 'portal:preview-invitation'
  | 'portal:accept-invitation';

/** Membership and invitations: Owners change them (the portal refuses Members with a 403 in words); anyone with a link previews, then accepts. */
export function portalMemberHandlers(session: PortalSession): Pick<Handlers, MemberChannels> {
  /** A change the portal makes, recorded in the audit trail around it, after which the screens reload. */
  const change = <T>(
    action: AuditAction,
    target: AuditTarget,
    work: (client: PortalClient) => Promise<T>,
    outcomeOf?: (value: T) => AuditOutcome,
  ): Promise<T> =>
    portalAnswering(async () => {
      const result = await auditedPortalChange(session, action, target, work, outcomeOf);
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
    'portal:update-member': async ({ org, user, change: body }) =>
      change('member.role_change', { organization: org, user, role: body.role }, async (client) => ({
        member: await client.updateMember(org, user, body),
      })),
    'portal:remove-member': async ({ org, user }) =>
      change('member.remove', { organization: org, user }, async (client) => {
        await client.removeMember(org, user);
        return {};
      }),
    'portal:create-invitation': async ({ org, invitation }) =>
      change(
        'invitation.send',
        { organization: org, email: invitation.email, role: invitation.role },
        async (client) => ({ invitation: await client.createInvitation(org, invitation) }),
        ({ invitation: sent }) => ({ ...succeeded(), target: { invitation: sent.id } }),
      ),
    'portal:revoke-invitation': async ({ org, id }) =>
      change('invitation.revoke', { organization: org, invitation: id }, async (client) => {
        await client.revokeInvitation(org, id);
        return {};
      }),
    'portal:resend-invitation': async ({ org, id }) =>
      change(
        'invitation.resend',
        { organization: org, invitation: id },
        async (client) => ({ invitation: await client.resendInvitation(org, id) }),
        ({ invitation: sent }) => ({ ...succeeded(), target: { email: sent.email } }),
      ),

    'portal:preview-invitation': async ({ link }) =>
      portalAnswering(async () => {
        const { token, reader, active } = invitationReader(session, link);
        const preview = await session.accounts.client(reader.id, { markUsed: false }).previewInvitation(token);
        // Who would join: the account the invitation was sent to when it is signed in here, else the reader.
        const account = inviteeAccount(session, reader, preview.email) ?? reader;
        return { account: accountView(account, account.id === active.id), preview };
      }),

    'portal:accept-invitation': async ({ link, accountId }) =>
      portalAnswering(async () => {
        const { token, account } = invitationAcceptor(session, link, accountId);
        const organization = await session.audit.run(
          {
            actor: portalActor(account),
            action: 'invitation.accept',
            target: { portal: hostOf(account.portalUrl) },
            fingerprint: null,
          },
          () => session.accounts.client(account.id, { markUsed: false }).acceptInvitation(token),
          (joined) => ({ ...succeeded(), target: { organization: joined.id, organization_name: joined.name } }),
        );
        // Joined: the organization opens next, as the account that joined it.
        makeActive(session, account.id);
        portalChanged(session);
        return { organization };
      }),
  };
}
