import { useEffect } from 'react';
import { useInstanceRows } from '../../queries/instance-list';
import { useDashboardScreen } from './dashboard-screen';
import { ModalDialog } from '../../ui/ModalDialog';
import { useRemoveInstance } from './mutations';

/** Asks before removing an instance, naming it and saying what is (and is not) removed. */
export function RemoveInstanceDialog() {
  const removalId = useDashboardScreen((state) => state.removalId);
  const removeDialogClosed = useDashboardScreen((state) => state.removeDialogClosed);
  const rows = useInstanceRows();
  const row = removalId === null ? null : (rows.find((candidate) => candidate.id === removalId) ?? null);
  const remove = useRemoveInstance();
  const { reset } = remove;
  const removing = remove.isPending;
  const removeProblem = remove.error?.message ?? null;
  // Each confirmation starts without the last one's refusal.
  useEffect(() => reset(), [removalId, reset]);
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
            <button type="button" className="danger" aria-disabled={removing} onClick={() => removing || remove.mutate(row.id)}>
              {removing ? 'Removing…' : `Remove ${row.name}`}
            </button>
          </div>
        </>
      )}
    </ModalDialog>
  );
}
