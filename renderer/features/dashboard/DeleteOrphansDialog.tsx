import { useKeychainAudit } from '../../store/keychain-audit-context';
import { ModalDialog } from './ModalDialog';

const NONE: readonly string[] = [];

/** Asks before deleting the tokens in the vault that belong to no saved instance; Cancel is the default. */
export function DeleteOrphansDialog() {
  const open = useKeychainAudit((state) => state.confirmOpen);
  const accounts = useKeychainAudit((state) => state.audit?.orphanedAccounts ?? NONE);
  const deleting = useKeychainAudit((state) => state.deleting);
  const deleteProblem = useKeychainAudit((state) => state.deleteProblem);
  const orphanDeleteDialogClosed = useKeychainAudit((state) => state.orphanDeleteDialogClosed);
  const orphanDeleteRequested = useKeychainAudit((state) => state.orphanDeleteRequested);
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
        <button type="button" className="danger" aria-disabled={deleting || count === 0} onClick={() => void orphanDeleteRequested()}>
          {deleting ? 'Deleting…' : `Delete ${count.toLocaleString()} ${noun}`}
        </button>
      </div>
    </ModalDialog>
  );
}
