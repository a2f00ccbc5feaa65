import type { Role } from '../../../shared/portal/schemas/common';
import type { Member } from '../../../shared/portal/schemas/members';
import { memberLabel } from './membership';

interface MemberActionsProps {
  member: Member;
  lastOwner: boolean;
  /** This member's role is being changed, while the portal answers. */
  changing: boolean;
  /** Some member's role is being changed: one at a time. */
  busy: boolean;
  onRoleChange: (role: Role) => void;
  onRemove: () => void;
}

/**
 * An Owner's actions on one member: change the role, remove. The organization's only Owner can be
 * neither demoted nor removed: both are disabled, and the row says why.
 */
export function MemberActions({ member, lastOwner, changing, busy, onRoleChange, onRemove }: MemberActionsProps) {
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
        onClick={() => !busy && onRoleChange(toOwner ? 'owner' : 'member')}
      >
        {changing ? 'Changing…' : toOwner ? 'Make Owner' : 'Make Member'}
      </button>
      <button
        type="button"
        disabled={lastOwner}
        aria-label={`Remove ${label}`}
        aria-describedby={lastOwner ? whyId : undefined}
        onClick={onRemove}
      >
        Remove
      </button>
      {lastOwner && (
        <p id={whyId} className="hint">
          The only Owner: an organization keeps at least one Owner, so {label} can be neither removed nor made a Member.
          Make another member an Owner first.
        </p>
      )}
    </div>
  );
}
