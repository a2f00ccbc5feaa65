import type { Invitation } from '../../../shared/portal/schemas/invitations';
import { refusalWords } from '../../store/portal-problem';
import { ModalDialog } from '../../ui/ModalDialog';
import type { MemberActions } from './mutations';

interface RevokeInvitationDialogProps {
  /** The invitation asked about; null once the list no longer has it. */
  invitation: Invitation | null;
  open: boolean;
  revoke: MemberActions['revoke'];
  onClose: () => void;
}

/** Asks before revoking an invitation, naming its recipient; Cancel is the default. */
export function RevokeInvitationDialog({ invitation, open, revoke, onClose }: RevokeInvitationDialogProps) {
  // It stays open while the portal answers: the answer (or its refusal) is shown in it.
  const close = (): void => {
    if (!revoke.isPending) onClose();
  };
  const problem =
    invitation !== null && revoke.isError && revoke.variables.id === invitation.id ? refusalWords(revoke.error, `revoke the invitation for ${invitation.email}`) : null;
  return (
    <ModalDialog open={open} onDismiss={close} labelledBy="revoke-title" describedBy="revoke-what" className="dialog">
      {invitation === null ? (
        <>
          <h2 id="revoke-title">Invitation already gone</h2>
          <p id="revoke-what">This invitation was accepted or revoked meanwhile.</p>
          <div className="dialog__actions">
            <button type="button" onClick={close} data-autofocus>
              Close
            </button>
          </div>
        </>
      ) : (
        <>
          <h2 id="revoke-title">Revoke the invitation for {invitation.email}?</h2>
          <p id="revoke-what">The link in the e-mail to {invitation.email} stops working. You can invite them again later.</p>
          {problem !== null && (
            <p className="problem" role="alert">
              {problem}
            </p>
          )}
          <div className="dialog__actions">
            <button type="button" onClick={close} data-autofocus>
              Cancel
            </button>
            <button type="button" className="danger" aria-disabled={revoke.isPending} onClick={() => !revoke.isPending && revoke.mutate(invitation, { onSuccess: onClose })}>
              {revoke.isPending ? 'Revoking…' : 'Revoke invitation'}
            </button>
          </div>
        </>
      )}
    </ModalDialog>
  );
}
