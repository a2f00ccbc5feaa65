import { usePortalMembers, usePortalOrganization } from '../../store/portal-context';
import { memberLabel, selectRemovalMember } from '../../store/portal-members';
import { ModalDialog } from '../dashboard/ModalDialog';

/** Asks before removing a member, naming them; Cancel is the default, Remove has to be chosen. */
export function RemoveMemberDialog() {
  const removalUserId = usePortalMembers((state) => state.removalUserId);
  const member = usePortalMembers(selectRemovalMember);
  const removing = usePortalMembers((state) => state.removing);
  const removeProblem = usePortalMembers((state) => state.removeProblem);
  const removeDialogClosed = usePortalMembers((state) => state.removeDialogClosed);
  const memberRemoveRequested = usePortalMembers((state) => state.memberRemoveRequested);
  const orgName = usePortalOrganization((state) => state.organization?.name ?? 'the organization');
  const label = member === null ? '' : memberLabel(member);
  return (
    <ModalDialog open={removalUserId !== null} onDismiss={removeDialogClosed} labelledBy="remove-member-title" describedBy="remove-member-what" className="dialog">
      {member === null ? (
        <>
          <h2 id="remove-member-title">Already removed</h2>
          <p id="remove-member-what">This person is no longer a member of {orgName}.</p>
          <div className="dialog__actions">
            <button type="button" onClick={removeDialogClosed} data-autofocus>
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
          {removeProblem !== null && (
            <p className="problem" role="alert">
              {removeProblem}
            </p>
          )}
          <div className="dialog__actions">
            <button type="button" onClick={removeDialogClosed} data-autofocus>
              Cancel
            </button>
            <button type="button" className="danger" aria-disabled={removing} onClick={() => void memberRemoveRequested()}>
              {removing ? 'Removing…' : `Remove ${label}`}
            </button>
          </div>
        </>
      )}
    </ModalDialog>
  );
}
