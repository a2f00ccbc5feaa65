import type { Member } from '../../../shared/portal/schemas/members';
import { refusalWords } from '../../store/portal-problem';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { memberLabel } from './membership';
import type { MemberActions } from './mutations';

interface RemoveMemberDialogProps {
  /** The member asked about; null once the list no longer has them. */
  member: Member | null;
  open: boolean;
  orgName: string;
  remove: MemberActions['remove'];
  onClose: () => void;
}

/** Asks before removing a member, naming them; Cancel is the default, Remove has to be chosen. */
export function RemoveMemberDialog({ member, open, orgName, remove, onClose }: RemoveMemberDialogProps) {
  // It stays open while the portal answers: the answer (or its refusal) is shown in it.
  const close = (): void => {
    if (!remove.isPending) onClose();
  };
  if (member === null) {
    return (
      <ConfirmDialog
        open={open}
        onClose={close}
        idPrefix="remove-member"
        title="Already removed"
        what={`This person is no longer a member of ${orgName}.`}
        confirm={null}
      />
    );
  }
  const label = memberLabel(member);
  const problem =
    remove.isError && remove.variables.user_id === member.user_id
      ? refusalWords(remove.error, `remove ${label}`)
      : null;
  return (
    <ConfirmDialog
      open={open}
      onClose={close}
      idPrefix="remove-member"
      title={`Remove ${label} from ${orgName}?`}
      what={`${label} (${member.email}) will no longer see ${orgName}’s licenses and keys, members or billing. To come back they need a new invitation.`}
      confirm={{
        label: `Remove ${label}`,
        busyLabel: 'Removing…',
        busy: remove.isPending,
        run: () => remove.mutate(member, { onSuccess: onClose }),
        problem,
      }}
    />
  );
}
