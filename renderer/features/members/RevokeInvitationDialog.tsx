import type { Invitation } from '../../../shared/portal/schemas/invitations';
import { refusalWords } from '../../store/portal-problem';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
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
  const dialog = { open, onClose: close, idPrefix: 'revoke' };
  if (invitation === null) {
    return (
      <ConfirmDialog
        {...dialog}
        title="Invitation already gone"
        what="This invitation was accepted or revoked meanwhile."
        confirm={null}
      />
    );
  }
  const problem =
    revoke.isError && revoke.variables.id === invitation.id
      ? refusalWords(revoke.error, `revoke the invitation for ${invitation.email}`)
      : null;
  return (
    <ConfirmDialog
      {...dialog}
      title={`Revoke the invitation for ${invitation.email}?`}
      what={`The link in the e-mail to ${invitation.email} stops working. You can invite them again later.`}
      confirm={{
        label: 'Revoke invitation',
        busyLabel: 'Revoking…',
        busy: revoke.isPending,
        run: () => revoke.mutate(invitation, { onSuccess: onClose }),
        problem,
      }}
    />
  );
}
