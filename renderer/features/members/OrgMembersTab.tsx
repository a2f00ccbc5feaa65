import { useEffect } from 'react';
import type { Role } from '../../../shared/portal/schemas/common';
import { usePortalMembers } from '../../store/portal-context';
import { MembershipTable } from './MembershipTable';
import { PendingInvitations } from './PendingInvitations';
import { RemoveMemberDialog } from './RemoveMemberDialog';
import { RevokeInvitationDialog } from './RevokeInvitationDialog';

/**
 * The organization page's Members tab: Membership and Pending invitations. Owners get the actions;
 * Members see the lists only, and are told who can change them.
 */
export function OrgMembersTab({ orgId, role }: { orgId: string; role: Role }) {
  const membersTabOpened = usePortalMembers((state) => state.membersTabOpened);
  const membersTabClosed = usePortalMembers((state) => state.membersTabClosed);
  const listed = usePortalMembers((state) => state.listed && state.orgId === orgId);
  const loadProblem = usePortalMembers((state) => state.loadProblem);
  const notice = usePortalMembers((state) => state.notice);
  const problem = usePortalMembers((state) => state.problem);
  const membersChanged = usePortalMembers((state) => state.membersChanged);
  const owner = role === 'owner';

  useEffect(() => {
    void membersTabOpened(orgId);
    return () => membersTabClosed();
  }, [orgId, membersTabOpened, membersTabClosed]);

  return (
    <div className="members-tab">
      <section className="portal-panel" aria-labelledby="membership-heading">
        <h2 id="membership-heading">Membership</h2>
        {!owner && <p className="hint">Only an Owner can invite or remove members and change roles. Ask an Owner, or to be made an Owner.</p>}
        <div role="status" className="notice">
          {notice}
        </div>
        {problem !== null && (
          <p className="problem" role="alert">
            {problem}
          </p>
        )}
        {!listed ? (
          <p className="muted" role="status">
            Reading the members…
          </p>
        ) : loadProblem !== null ? (
          <div className="problem" role="alert">
            <p>
              <strong>The members could not be read.</strong> {loadProblem.message}
            </p>
            <button type="button" onClick={() => void membersChanged()}>
              Try again
            </button>
          </div>
        ) : (
          <MembershipTable owner={owner} />
        )}
      </section>
      {listed && loadProblem === null && <PendingInvitations owner={owner} />}
      <RemoveMemberDialog />
      <RevokeInvitationDialog />
    </div>
  );
}
