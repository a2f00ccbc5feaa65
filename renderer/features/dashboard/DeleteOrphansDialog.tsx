import { useEffect } from 'react';
import { useDashboardScreen } from './dashboard-screen';
import { ModalDialog } from '../../ui/ModalDialog';
import { useDeleteOrphanedTokens } from './mutations';
import { useVaultAudit } from './queries';

const NONE: readonly string[] = [];

/** Asks before deleting the tokens in the vault that belong to no saved instance; Cancel is the default. */
export function DeleteOrphansDialog() {
  const open = useDashboardScreen((state) => state.orphansDialogOpen);
  const orphanDeleteDialogClosed = useDashboardScreen((state) => state.orphansDialogClosed);
  const accounts = useVaultAudit().data?.orphanedAccounts ?? NONE;
  const deletion = useDeleteOrphanedTokens();
  const { reset } = deletion;
  const deleting = deletion.isPending;
  const deleteProblem = deletion.error?.message ?? null;
  // Each confirmation starts without the last one's refusal.
  useEffect(() => {
    if (open) reset();
  }, [open, reset]);
  const count = accounts.length;
  const noun = count === 1 ? 'token' : 'tokens';
  return (
    <ModalDialog open={open} onDismiss={orphanDeleteDialogClosed} labelledBy="orphans-title" describedBy="orphans-what" className="dialog">
      <h2 id="orphans-title">
        Delete {count.toLocaleString()} orphaned {noun}?
      </h2>
      <p id="orphans-what">
        These API tokens in this computer’s token vault belong to no instance saved in this app. They are deleted from the vault; the
        authentik instances themselves and their tokens in authentik are not touched.
      </p>
      <ul className="orphans-list">
        {accounts.map((account) => (
          <li key={account} className="mono">
            {account}
          </li>
        ))}
      </ul>
      {deleteProblem !== null && (
        <p className="problem" role="alert">
          <strong>Deleting the entries failed.</strong> {deleteProblem}
        </p>
      )}
      <p className="notice" role="status">
        {deleting ? 'Deleting…' : ''}
      </p>
      <div className="dialog__actions">
        <button type="button" onClick={orphanDeleteDialogClosed} data-autofocus>
          Cancel
        </button>
        <button type="button" className="danger" aria-disabled={deleting || count === 0} onClick={() => deleting || deletion.mutate()}>
          {deleting ? 'Deleting…' : `Delete ${count.toLocaleString()} ${noun}`}
        </button>
      </div>
    </ModalDialog>
  );
}
