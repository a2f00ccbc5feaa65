import type { Member } from '../../../shared/portal/schemas/members';
import { refusalWords } from '../../store/portal-problem';
import { ModalDialog } from '../../ui/ModalDialog';
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
  const label = member === null ? '' : memberLabel(member);
  const problem = member !== null && remove.isError && remove.variables.user_id === member.user_id ? refusalWords(remove.error, `remove ${label}`) : null;
  return (
    <ModalDialog open={open} onDismiss={close} labelledBy="remove-member-title" describedBy="remove-member-what" className="dialog">
      {member === null ? (
        <>
          <h2 id="remove-member-title">Already removed</h2>
          <p id="remove-member-what">This person is no longer a member of {orgName}.</p>
          <div className="dialog__actions">
            <button type="button" onClick={close} data-autofocus>
              Close
            </button>
          </div>
        </>
      ) : (
        <>
          <h2 id="remove-member-title">
            Remove {label} from {orgName}?
          </h2>
          <p id="remove-member-what">
            {label} ({member.email}) will no longer see {orgName}’s licenses and keys, members or billing. To come back they need a new invitation.
          </p>
          {problem !== null && (
            <p className="problem" role="alert">
              {problem}
            </p>
          )}
          <div className="dialog__actions">
            <button type="button" onClick={close} data-autofocus>
              Cancel
            </button>
            <button type="button" className="danger" aria-disabled={remove.isPending} onClick={() => !remove.isPending && remove.mutate(member, { onSuccess: onClose })}>
              {remove.isPending ? 'Removing…' : `Remove ${label}`}
            </button>
          </div>
        </>
      )}
    </ModalDialog>
  );
}
