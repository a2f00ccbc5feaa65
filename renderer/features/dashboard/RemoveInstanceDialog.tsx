import { selectRemovalRow } from '../../store/instance-selectors';
import { useInstances } from '../../store/instances-context';
import { ModalDialog } from './ModalDialog';

/** Asks before removing an instance, naming it and saying what is (and is not) removed. */
export function RemoveInstanceDialog() {
  const removalId = useInstances((state) => state.removalId);
  const row = useInstances(selectRemovalRow);
  const removing = useInstances((state) => state.removing);
  const removeProblem = useInstances((state) => state.removeProblem);
  const removeDialogClosed = useInstances((state) => state.removeDialogClosed);
  const instanceRemoveRequested = useInstances((state) => state.instanceRemoveRequested);
  return (
    <ModalDialog open={removalId !== null} onDismiss={removeDialogClosed} labelledBy="remove-title" describedBy="remove-what" className="dialog">
      {row === null ? (
        <>
          <h2 id="remove-title">Instance already removed</h2>
          <p id="remove-what">This instance is no longer in the list.</p>
          <div className="dialog__actions">
            <button type="button" onClick={removeDialogClosed} data-autofocus>
              Close
            </button>
          </div>
        </>
      ) : (
        <>
          <h2 id="remove-title">Remove {row.name}?</h2>
          <p id="remove-what">
            {row.name} ({row.url}) will be removed from this app and its API token deleted from the token vault. Nothing changes on the
            authentik instance itself: its licenses stay installed.
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
            <button type="button" className="danger" aria-disabled={removing} onClick={() => void instanceRemoveRequested(row.id)}>
              {removing ? 'Removing…' : `Remove ${row.name}`}
            </button>
          </div>
        </>
      )}
    </ModalDialog>
  );
}
