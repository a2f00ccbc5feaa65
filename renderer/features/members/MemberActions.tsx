import { useState } from 'react';
import type { Role } from '../../../shared/portal/schemas/common';
import type { Member } from '../../../shared/portal/schemas/members';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
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
  // Making someone an Owner hands them the whole organization: it is asked first, unlike making a Member.
  const [askingOwner, setAskingOwner] = useState(false);
  return (
    <div className="member-actions">
      <button
        type="button"
        disabled={lastOwner}
        aria-disabled={busy && !lastOwner ? true : undefined}
        aria-label={changing ? undefined : `${toOwner ? 'Make Owner' : 'Make Member'}: ${label}`}
        aria-describedby={lastOwner ? whyId : undefined}
        onClick={() => {
          if (busy) return;
          if (toOwner) setAskingOwner(true);
          else onRoleChange('member');
        }}
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
      <ConfirmDialog
        open={askingOwner}
        onClose={() => setAskingOwner(false)}
        idPrefix={`member-${member.user_id}-owner`}
        title={`Make ${label} an Owner?`}
        what={`${label} would have the same rights as you: manage the organization and every member, Owners included.`}
        confirm={{
          label: 'Make Owner',
          busyLabel: 'Changing…',
          busy: false,
          primary: true,
          run: () => {
            setAskingOwner(false);
            onRoleChange('owner');
          },
          problem: null,
        }}
      />
      {lastOwner && (
        <p id={whyId} className="hint">
          The only Owner: an organization keeps at least one Owner, so {label} can be neither removed nor made a Member.
          Make another member an Owner first.
        </p>
      )}
    </div>
  );
}
