import { useState } from 'react';
import type { Role } from '../../../shared/portal/schemas/common';
import type { Invitation } from '../../../shared/portal/schemas/invitations';
import type { Member } from '../../../shared/portal/schemas/members';
import { settledActionsReset, tabProblem } from './member-words';
import { MembershipTable } from './MembershipTable';
import { useMemberActions } from './mutations';
import { PendingInvitations } from './PendingInvitations';
import { useMembership } from './queries';
import { RemoveMemberDialog } from './RemoveMemberDialog';
import { RevokeInvitationDialog } from './RevokeInvitationDialog';

/**
 * The organization page's Members tab: Membership and Pending invitations. Owners get the actions;
 * Members see the lists only, and are told who can change them.
 */
export function OrgMembersTab({ orgId, orgName, role }: { orgId: string; orgName: string; role: Role }) {
  const membership = useMembership(orgId);
  const actions = useMemberActions(orgId, orgName);
  /** The member the remove confirmation asks about, and the invitation the revoke confirmation asks about. */
  const [removalId, setRemovalId] = useState<string | null>(null);
  const [revocationId, setRevocationId] = useState<string | null>(null);
  const problem = tabProblem(actions);
  const owner = role === 'owner';
  const members = membership.data?.members ?? [];
  const invitations = membership.data?.invitations ?? [];

  const removeOpened = (member: Member): void => {
    settledActionsReset(actions);
    setRemovalId(member.user_id);
  };
  const revokeOpened = (invitation: Invitation): void => {
    settledActionsReset(actions);
    setRevocationId(invitation.id);
  };

  return (
    <div className="members-tab">
      <section className="portal-panel" aria-labelledby="membership-heading">
        <h2 id="membership-heading">Membership</h2>
        {!owner && (
          <p className="hint">
            Only an Owner can invite or remove members and change roles. Ask an Owner, or to be made an Owner.
          </p>
        )}
        {problem !== null && (
          <p className="problem" role="alert">
            {problem}
          </p>
        )}
        {membership.isError ? (
          <div className="problem" role="alert">
            <p>
              <strong>The members could not be read.</strong> {membership.error.message}
            </p>
            <button type="button" onClick={() => void membership.refetch()}>
              Try again
            </button>
          </div>
        ) : membership.data === undefined ? (
          <p className="muted" role="status">
            Reading the members…
          </p>
        ) : (
          <MembershipTable members={members} owner={owner} changeRole={actions.changeRole} onRemove={removeOpened} />
        )}
      </section>
      {membership.data !== undefined && !membership.isError && (
        <PendingInvitations
          invitations={invitations}
          owner={owner}
          orgName={orgName}
          invite={actions.invite}
          resend={actions.resend}
          onRevoke={revokeOpened}
        />
      )}
      <RemoveMemberDialog
        member={removalId === null ? null : (members.find((member) => member.user_id === removalId) ?? null)}
        open={removalId !== null}
        orgName={orgName}
        remove={actions.remove}
        onClose={() => setRemovalId(null)}
      />
      <RevokeInvitationDialog
        invitation={
          revocationId === null ? null : (invitations.find((invitation) => invitation.id === revocationId) ?? null)
        }
        open={revocationId !== null}
        revoke={actions.revoke}
        onClose={() => setRevocationId(null)}
      />
    </div>
  );
}
