import { useKeychainAudit } from '../../store/keychain-audit-context';
import { ModalDialog } from './ModalDialog';

const NONE: readonly string[] = [];

/** Asks before deleting the keychain entries that belong to no saved instance; Cancel is the default. */
export function DeleteOrphansDialog() {
  const open = useKeychainAudit((state) => state.confirmOpen);
  const accounts = useKeychainAudit((state) => state.audit?.orphanedAccounts ?? NONE);
  const deleting = useKeychainAudit((state) => state.deleting);
  const deleteProblem = useKeychainAudit((state) => state.deleteProblem);
  const orphanDeleteDialogClosed = useKeychainAudit((state) => state.orphanDeleteDialogClosed);
  const orphanDeleteRequested = useKeychainAudit((state) => state.orphanDeleteRequested);
  const count = accounts.length;
  const noun = count === 1 ? 'entry' : 'entries';
  return (
    <ModalDialog open={open} onDismiss={orphanDeleteDialogClosed} labelledBy="orphans-title" describedBy="orphans-what" className="dialog">
      <h2 id="orphans-title">
        Delete {count.toLocaleString()} orphaned keychain {noun}?
      </h2>
      <p id="orphans-what">
        These entries of service authentik-license-manager belong to no instance saved in this app. Their API tokens are deleted from the OS
        keychain; the authentik instances themselves and their tokens in authentik are not touched.
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
