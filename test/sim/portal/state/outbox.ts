import { newId } from './ids';
import { invitationLink, invitationMail } from './invitation-mail';
import type { PortalState } from './portal-state';
import type { InvitationRecord, OrganizationRecord, OutboxMessage, UserRecord } from './records';

/** "Sends" the invitation e-mail: it lands in the outbox, where tests and the demo read it. */
export function sendInvitation(
  state: PortalState,
  invitation: InvitationRecord,
  org: OrganizationRecord,
  inviter: UserRecord,
): OutboxMessage {
  const link = invitationLink(state.settings.invitationBase, invitation.token);
  const mail = invitationMail({
    to: invitation.email,
    inviter,
    organizationName: org.name,
    role: invitation.role,
    link,
    sentAt: invitation.lastSentAt,
  });
  const message: OutboxMessage = { id: newId(), to: invitation.email, ...mail, link, sentAt: invitation.lastSentAt };
  state.data.outbox.push(message);
  return message;
}
