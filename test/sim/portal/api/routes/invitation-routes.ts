import { emailProblem } from '../../../../../shared/portal/validation';
import { newId, newToken } from '../../state/ids';
import { sendInvitation } from '../../state/outbox';
import type { PortalState } from '../../state/portal-state';
import type { InvitationRecord, OrganizationRecord } from '../../state/records';
import { ApiError, conflict, notFound, validationFailed } from '../api-error';
import { memberOf, ownerOf } from '../org-access';
import { FieldProblems, objectBody, roleProblem } from '../request-fields';
import { caller, path, type Route, type RouteContext } from '../route';
import { invitationExpired, invitationPreviewView, invitationView, organizationView } from '../views';

const TOKEN_MESSAGE = 'Give the invitation token from the e-mail link (1 to 256 characters)';

function tokenProblem(value: string): string | null {
  return value.length >= 1 && value.length <= 256 ? null : TOKEN_MESSAGE;
}

function invitationIn(context: RouteContext, org: OrganizationRecord): InvitationRecord {
  const invitation = context.state.data.invitations.find(
    (entry) => entry.orgId === org.id && entry.id === context.params[1],
  );
  if (invitation === undefined) throw notFound('invitation');
  return invitation;
}

/** The invitation a token from an e-mail link stands for, with its organization; 404 / 409 as the contract says. */
function invitationByToken(
  state: PortalState,
  token: string,
): { invitation: InvitationRecord; org: OrganizationRecord } {
  const invitation = state.data.invitations.find((entry) => entry.token === token);
  const org = invitation === undefined ? undefined : state.organization(invitation.orgId);
  if (invitation === undefined || org === undefined) {
    throw new ApiError(
      404,
      'not_found',
      'No invitation matches this link: it was revoked, already accepted, or the link is incomplete. Ask an Owner to invite you again.',
    );
  }
  if (invitationExpired(state, invitation)) {
    throw conflict(
      'invitation_expired',
      `This invitation to ${org.name} has expired. Ask an Owner of ${org.name} to send it again.`,
    );
  }
  return { invitation, org };
}

/** Invitations: members list them, Owners invite, revoke and resend; anyone with the link previews and accepts. */
export function invitationRoutes(): Route[] {
  return [
    {
      method: 'GET',
      pattern: path('/api/v1/organizations/{org}/invitations'),
      handle: (context) => {
        const { org } = memberOf(context);
        const invitations = context.state.data.invitations
          .filter((entry) => entry.orgId === org.id)
          .sort((a, b) => b.createdAt - a.createdAt);
        return { status: 200, body: invitations.map((entry) => invitationView(context.state, entry)) };
      },
    },
    {
      method: 'POST',
      pattern: path('/api/v1/organizations/{org}/invitations'),
      handle: (context) => {
        const { org } = ownerOf(context, 'invite members');
        const inviter = caller(context);
        const body = objectBody(context);
        const problems = new FieldProblems();
        problems.rejectUnknown(body, ['email', 'role']);
        const email = problems.text(body, 'email', true, emailProblem);
        const role = problems.text(body, 'role', true, roleProblem);
        problems.settle();
        const address = (email as string).toLowerCase();
        const isMember = org.members.some(
          (member) => context.state.user(member.userId)?.email.toLowerCase() === address,
        );
        if (isMember) throw conflict('already_member', `${email} is already a member of ${org.name}.`);
        const invitations = context.state.data.invitations;
        const earlier = invitations.find((entry) => entry.orgId === org.id && entry.email.toLowerCase() === address);
        if (earlier !== undefined && !invitationExpired(context.state, earlier)) {
          throw conflict(
            'already_invited',
            `${email} already has a pending invitation to ${org.name}. Resend that invitation instead.`,
          );
        }
        // An expired invitation to the same address is replaced: one invitation per address, the old link stops working.
        if (earlier !== undefined) invitations.splice(invitations.indexOf(earlier), 1);
        const now = context.state.now();
        const invitation: InvitationRecord = {
          id: newId(),
          orgId: org.id,
          email: email as string,
          role: role === 'owner' ? 'owner' : 'member',
          token: newToken(),
          invitedBy: inviter.id,
          createdAt: now,
          lastSentAt: now,
        };
        invitations.push(invitation);
        sendInvitation(context.state, invitation, org, inviter);
        return { status: 201, body: invitationView(context.state, invitation) };
      },
    },
    {
      method: 'DELETE',
      pattern: path('/api/v1/organizations/{org}/invitations/{id}'),
      handle: (context) => {
        const { org } = ownerOf(context, 'revoke invitations');
        const invitation = invitationIn(context, org);
        const invitations = context.state.data.invitations;
        invitations.splice(invitations.indexOf(invitation), 1);
        return { status: 204 };
      },
    },
    {
      method: 'POST',
      pattern: path('/api/v1/organizations/{org}/invitations/{id}/resend'),
      handle: (context) => {
        const { org } = ownerOf(context, 'resend invitations');
        const invitation = invitationIn(context, org);
        const inviter = caller(context);
        invitation.lastSentAt = context.state.now();
        invitation.invitedBy = inviter.id;
        sendInvitation(context.state, invitation, org, inviter);
        return { status: 200, body: invitationView(context.state, invitation) };
      },
    },
    {
      method: 'GET',
      pattern: path('/api/v1/invitations/preview'),
      handle: (context) => {
        const token = context.request.query.get('token') ?? '';
        const problem = tokenProblem(token);
        if (problem !== null) throw validationFailed({ token: problem });
        const { invitation, org } = invitationByToken(context.state, token);
        return { status: 200, body: invitationPreviewView(context.state, invitation, org) };
      },
    },
    {
      method: 'POST',
      pattern: path('/api/v1/invitations/accept'),
      handle: (context) => {
        const user = caller(context);
        const body = objectBody(context);
        const problems = new FieldProblems();
        problems.rejectUnknown(body, ['token']);
        const token = problems.text(body, 'token', true, tokenProblem);
        problems.settle();
        const { invitation, org } = invitationByToken(context.state, token as string);
        if (context.state.membership(org, user.id) !== undefined) {
          throw conflict(
            'already_member',
            `You are already a member of ${org.name}; the invitation stays for its recipient.`,
          );
        }
        const membership = { userId: user.id, role: invitation.role, joinedAt: context.state.now() };
        org.members.push(membership);
        const invitations = context.state.data.invitations;
        invitations.splice(invitations.indexOf(invitation), 1);
        return { status: 200, body: organizationView(org, membership) };
      },
    },
  ];
}
