import { usePortalMembers } from '../../store/portal-context';
import { selectRevocation } from '../../store/portal-members';
import { ModalDialog } from '../dashboard/ModalDialog';

/** Asks before revoking an invitation, naming its recipient; Cancel is the default. */
export function RevokeInvitationDialog() {
  const revocationId = usePortalMembers((state) => state.revocationId);
  const invitation = usePortalMembers(selectRevocation);
  const revoking = usePortalMembers((state) => state.revoking);
  const revokeProblem = usePortalMembers((state) => state.revokeProblem);
  const revokeDialogClosed = usePortalMembers((state) => state.revokeDialogClosed);
  const invitationRevokeRequested = usePortalMembers((state) => state.invitationRevokeRequested);
  return (
    <ModalDialog open={revocationId !== null} onDismiss={revokeDialogClosed} labelledBy="revoke-title" describedBy="revoke-what" className="dialog">
      {invitation === null ? (
        <>
          <h2 id="revoke-title">Invitation already gone</h2>
          <p id="revoke-what">This invitation was accepted or revoked meanwhile.</p>
          <div className="dialog__actions">
            <button type="button" onClick={revokeDialogClosed} data-autofocus>
              Close
            </button>
          </div>
        </>
      ) : (
        <>
          <h2 id="revoke-title">Revoke the invitation for {invitation.email}?</h2>
          <p id="revoke-what">The link in the e-mail to {invitation.email} stops working. You can invite them again later.</p>
          {revokeProblem !== null && (
            <p className="problem" role="alert">
              {revokeProblem}
            </p>
          )}
          <div className="dialog__actions">
            <button type="button" onClick={revokeDialogClosed} data-autofocus>
              Cancel
            </button>
            <button type="button" className="danger" aria-disabled={revoking} onClick={() => void invitationRevokeRequested()}>
              {revoking ? 'Revoking…' : 'Revoke invitation'}
            </button>
          </div>
        </>
      )}
    </ModalDialog>
  );
}
