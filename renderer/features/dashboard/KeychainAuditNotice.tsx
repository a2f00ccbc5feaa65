import { useDashboardScreen } from './dashboard-screen';
import { useEditInstanceScreen } from './edit-instance-screen';
import { useVaultAudit, vaultFindingsOf } from './queries';

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}

/** The token vault against the saved instances: tokens no instance owns (delete them), instances without a token (enter one). */
export function KeychainAuditNotice() {
  const { data: audit, error } = useVaultAudit();
  const auditProblem = error?.message ?? null;
  const notice = useDashboardScreen((state) => state.vaultNotice);
  const dismissed = useDashboardScreen((state) => state.dismissedVaultFindings);
  const vaultFindingsDismissed = useDashboardScreen((state) => state.vaultFindingsDismissed);
  const orphanDeleteDialogOpened = useDashboardScreen((state) => state.orphansDialogOpened);
  const editDialogOpened = useEditInstanceScreen((state) => state.editDialogOpened);
  const findings = vaultFindingsOf(audit, auditProblem);
  const anything =
    auditProblem !== null ||
    (audit !== undefined && (audit.orphanedAccounts.length > 0 || audit.missingTokens.length > 0));
  // Shown unless dismissed for exactly these findings; a deletion's outcome keeps it up.
  if (notice === null && !(anything && dismissed !== findings)) return null;
  const orphans = audit?.orphanedAccounts.length ?? 0;
  const missing = audit?.missingTokens ?? [];
  return (
    <section className="callout callout--warn keychain-audit" aria-labelledby="keychain-audit-heading">
      <h2 id="keychain-audit-heading">Token vault</h2>
      {notice !== null && <p role="status">{notice}</p>}
      {auditProblem !== null && (
        <p>
          <strong>The token vault could not be checked against the saved instances:</strong> {auditProblem}
        </p>
      )}
      {orphans > 0 && (
        <div className="keychain-audit__finding">
          <p>
            <strong>
              {plural(orphans, 'token in the vault belongs', 'tokens in the vault belong')} to no saved instance.
            </strong>{' '}
            They are API tokens of instances removed outside this app; nothing uses them.
          </p>
          <button type="button" onClick={orphanDeleteDialogOpened}>
            Delete {plural(orphans, 'orphaned token', 'orphaned tokens')}…
          </button>
        </div>
      )}
      {missing.length > 0 && (
        <div className="keychain-audit__finding">
          <p>
            <strong>
              {plural(missing.length, 'saved instance has', 'saved instances have')} no API token in the vault
            </strong>
            , so {missing.length === 1 ? 'it' : 'they'} cannot be read. Enter the token again:
          </p>
          <ul className="keychain-audit__missing">
            {missing.map((entry) => (
              <li key={entry.id}>
                {entry.name}{' '}
                <button type="button" className="small-button" onClick={() => editDialogOpened(entry.id)}>
                  Edit<span className="sr-only"> {entry.name}</span> to enter a token…
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <button type="button" className="keychain-audit__dismiss" onClick={() => vaultFindingsDismissed(findings)}>
        Dismiss<span className="sr-only"> the token vault notice</span>
      </button>
    </section>
  );
}
