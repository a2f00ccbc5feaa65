import type { Member } from '../../../shared/portal/schemas/members';
import { usePortalMembers } from '../../store/portal-context';
import { isLastOwner, memberLabel } from '../../store/portal-members';

/**
 * An Owner's actions on one member: change the role, remove. The organization's only Owner can be
 * neither demoted nor removed: both are disabled, and the row says why.
 */
export function MemberActions({ member }: { member: Member }) {
  const lastOwner = usePortalMembers((state) => isLastOwner(state, member));
  const changing = usePortalMembers((state) => state.roleChangingUserId === member.user_id);
  const busy = usePortalMembers((state) => state.roleChangingUserId !== null);
  const memberRoleChangeRequested = usePortalMembers((state) => state.memberRoleChangeRequested);
  const removeDialogOpened = usePortalMembers((state) => state.removeDialogOpened);
  const label = memberLabel(member);
  const whyId = `member-${member.user_id}-why`;
  const toOwner = member.role === 'member';
  return (
    <div className="member-actions">
      <button
        type="button"
        disabled={lastOwner}
        aria-disabled={busy && !lastOwner ? true : undefined}
        aria-label={changing ? undefined : `${toOwner ? 'Make Owner' : 'Make Member'}: ${label}`}
        aria-describedby={lastOwner ? whyId : undefined}
        onClick={() => void memberRoleChangeRequested(member.user_id, toOwner ? 'owner' : 'member')}
      >
        {changing ? 'Changing…' : toOwner ? 'Make Owner' : 'Make Member'}
      </button>
      <button type="button" disabled={lastOwner} aria-label={`Remove ${label}`} aria-describedby={lastOwner ? whyId : undefined} onClick={() => removeDialogOpened(member.user_id)}>
        Remove
      </button>
      {lastOwner && (
        <p id={whyId} className="hint">
          The only Owner: an organization keeps at least one Owner, so {label} can be neither removed nor made a Member. Make another member an
          Owner first.
        </p>
      )}
    </div>
  );
}
