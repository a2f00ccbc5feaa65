import type { AuditAction, AuditTarget } from '../../../shared/audit/audit-entry';
import { portalActor } from '../../audit/audit-actor';
import { succeeded, type AuditOutcome } from '../../audit/audit-recorder';
import type { PortalAccount } from '../../portal/portal-account';
import type { PortalClient } from '../../portal/portal-client';
import { hostOf } from '../../portal/portal-url';
import type { Handlers } from '../handlers';
import { IpcError } from '../ipc-error';
import { portalAnswering } from './portal-answering';
import { auditedPortalChange } from './portal-audit';
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

const originOf = (account: PortalAccount): string => new URL(account.portalUrl).origin;

/**
 * The account that reads an invitation link on this computer, and the token the link carries: the active
 * account when the link is from its portal (or names none: a deep link, a bare token), else the most
 * recently used account signed in at the link's portal. Nothing is marked used: reading switches nothing.
 * With no account at the link's portal it refuses, before anything is sent: another portal's account
 * would carry the invitation's token, with its own sign-in, to a portal that never issued it.
 */
function invitationReader(session: PortalSession, link: string): { token: string; reader: PortalAccount; active: PortalAccount } {
  const { token, portalOrigin } = parseInvitationLink(link);
  const active = session.accounts.resolve();
  if (portalOrigin === null || originOf(active) === portalOrigin) return { token, reader: active, active };
  const reader = session.accounts.list().find((account) => originOf(account) === portalOrigin);
  if (reader === undefined) {
    const host = new URL(portalOrigin).host;
    throw new IpcError('not_signed_in', `This invitation is from the portal at ${host}, where no account is signed in here. Sign in at ${host} to read it; nothing was sent to any portal.`);
  }
  return { token, reader, active };
}

/** The signed-in account the invitation was sent to (same portal, same e-mail address ignoring case), if any. */
function inviteeAccount(session: PortalSession, reader: PortalAccount, email: string): PortalAccount | undefined {
  const wanted = email.toLowerCase();
  return session.accounts.list().find((account) => originOf(account) === originOf(reader) && account.email.toLowerCase() === wanted);
}

/** Membership and invitations: Owners change them (the portal refuses Members with a 403 in words); anyone with a link previews, then accepts. */
export function portalMemberHandlers(session: PortalSession): Pick<Handlers, MemberChannels> {
  /** A change the portal makes, recorded in the audit trail around it, after which the screens reload. */
  const change = <T>(action: AuditAction, target: AuditTarget, work: (client: PortalClient) => Promise<T>, outcomeOf?: (value: T) => AuditOutcome): Promise<T> =>
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
      change('member.role_change', { organization: org, user, role: body.role }, async (client) => ({ member: await client.updateMember(org, user, body) })),
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
        const { token, portalOrigin } = parseInvitationLink(link);
        const account = session.accounts.resolve(accountId);
        if (portalOrigin !== null && originOf(account) !== portalOrigin) {
          throw new IpcError('invalid_input', `This invitation is from the portal at ${new URL(portalOrigin).host}, but ${account.email} is signed in at ${hostOf(account.portalUrl)}; accept it with an account of that portal.`);
        }
        const organization = await session.audit.run(
          { actor: portalActor(account), action: 'invitation.accept', target: { portal: hostOf(account.portalUrl) }, fingerprint: null },
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
