import type { Role } from '../../../shared/portal/schemas/common';
import type { InvitationCreate } from '../../../shared/portal/schemas/invitations';
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

interface Said {
  at: number;
  notice: string | null;
  problem: string | null;
}

const NOTHING: Said = { at: 0, notice: null, problem: null };

/**
 * What the tab's status line and alert say: the outcome of the action started last (while it runs, nothing).
 * A dialog's refusal stays in its dialog and the invite form's in the form, except a 403 on Invite: the
 * form goes with the Owner role, so its words come here, where they stay.
 */
export function tabOutcome(
  { changeRole, remove, invite, revoke, resend }: MemberActions,
  orgName: string,
): Omit<Said, 'at'> {
  const said: Said[] = [
    {
      at: changeRole.submittedAt,
      notice:
        changeRole.data === undefined
          ? null
          : `${memberLabel(changeRole.data.member)} is now ${roleName(changeRole.data.member.role, 'a')}.`,
      problem:
        changeRole.error === null || changeRole.variables === undefined
          ? null
          : refusalWords(changeRole.error, roleChangeAction(changeRole.variables)),
    },
    {
      at: remove.submittedAt,
      notice: remove.isSuccess
        ? `Removed ${memberLabel(remove.variables)} (${remove.variables.email}) from ${orgName}.`
        : null,
      problem: null,
    },
    {
      at: invite.submittedAt,
      notice: null,
      problem:
        invite.error?.code === 'forbidden' && invite.variables !== undefined
          ? refusalWords(invite.error, inviteAction(invite.variables))
          : null,
    },
    {
      at: revoke.submittedAt,
      notice: revoke.isSuccess
        ? `Revoked the invitation for ${revoke.variables.email}. Its link no longer works.`
        : null,
      problem: null,
    },
    {
      at: resend.submittedAt,
      notice: resend.data === undefined ? null : `Invitation sent again to ${resend.data.invitation.email}.`,
      problem:
        resend.error === null || resend.variables === undefined
          ? null
          : refusalWords(resend.error, `resend the invitation for ${resend.variables.email}`),
    },
  ];
  const { notice, problem } = said.reduce(
    (latest, candidate) => (candidate.at > latest.at ? candidate : latest),
    NOTHING,
  );
  return { notice, problem };
}

/** A dialog is opening: the tab's line is cleared, and no refusal from an earlier confirmation is shown in the new one. */
export function settledActionsReset({ changeRole, remove, revoke, resend }: MemberActions): void {
  for (const action of [changeRole, remove, revoke, resend]) if (!action.isPending) action.reset();
}
