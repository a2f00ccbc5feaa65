import type { Role } from '../../../shared/portal/schemas/common';
import type { Invitation, InvitationCreate } from '../../../shared/portal/schemas/invitations';
import type { Member } from '../../../shared/portal/schemas/members';
import { refusalWords } from '../../store/portal-problem';
import { roleName } from '../../store/portal-roles';
import { memberLabel, type RoleChange } from './membership';
import type { MemberActions } from './mutations';

const roleChangeAction = ({ member, role }: RoleChange): string =>
  `make ${memberLabel(member)} ${role === 'owner' ? 'an Owner' : 'a Member'}`;

/** The guide's confirmation once the portal has sent an invitation. */
export const invitationSentWords = ({ email, role }: { email: string; role: Role }, orgName: string): string =>
  `Invitation sent to ${email}. When they accept it by clicking the link in the e-mail, they join ${orgName} as ${roleName(role, 'a')}.`;

export const inviteAction = ({ email }: InvitationCreate): string => `invite ${email}`;

/** The toasts once the portal has done what an Owner asked. */
export const memberDoneWords = {
  roleChanged: (member: Member): string => `${memberLabel(member)} is now ${roleName(member.role, 'a')}.`,
  removed: (member: Member, orgName: string): string =>
    `Removed ${memberLabel(member)} (${member.email}) from ${orgName}.`,
  revoked: (invitation: Invitation): string =>
    `Revoked the invitation for ${invitation.email}. Its link no longer works.`,
  resent: (invitation: Invitation): string => `Invitation sent again to ${invitation.email}.`,
};

interface Said {
  at: number;
  problem: string | null;
}

const NOTHING: Said = { at: 0, problem: null };

/**
 * What the tab's alert says: the refusal of the action started last, if it was refused (a later action's
 * success, said in a toast, clears it). A dialog's refusal stays in its dialog and the invite form's in the
 * form, except a 403 on Invite: the form goes with the Owner role, so its words come here, where they stay.
 */
export function tabProblem({ changeRole, remove, invite, revoke, resend }: MemberActions): string | null {
  const said: Said[] = [
    {
      at: changeRole.submittedAt,
      problem:
        changeRole.error === null || changeRole.variables === undefined
          ? null
          : refusalWords(changeRole.error, roleChangeAction(changeRole.variables)),
    },
    { at: remove.submittedAt, problem: null },
    {
      at: invite.submittedAt,
      problem:
        invite.error?.code === 'forbidden' && invite.variables !== undefined
          ? refusalWords(invite.error, inviteAction(invite.variables))
          : null,
    },
    { at: revoke.submittedAt, problem: null },
    {
      at: resend.submittedAt,
      problem:
        resend.error === null || resend.variables === undefined
          ? null
          : refusalWords(resend.error, `resend the invitation for ${resend.variables.email}`),
    },
  ];
  return said.reduce((latest, candidate) => (candidate.at > latest.at ? candidate : latest), NOTHING).problem;
}

/** A dialog is opening: the tab's line is cleared, and no refusal from an earlier confirmation is shown in the new one. */
export function settledActionsReset({ changeRole, remove, revoke, resend }: MemberActions): void {
  for (const action of [changeRole, remove, revoke, resend]) if (!action.isPending) action.reset();
}
