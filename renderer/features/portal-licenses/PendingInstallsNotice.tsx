import { useEffect } from 'react';
import { useInstanceRows } from '../../queries/instance-list';
import { useAccounts } from '../../queries/portal-accounts';
import { usePendingInstalls } from '../../store/portal-licenses-context';
import { InstallIntoButton } from './InstallIntoButton';
import { InstanceNotComparedNote } from './InstanceNotComparedNote';
import { LicenseInstallDialog } from './LicenseInstallDialog';
import { PendingAccountProblems } from './PendingAccountProblems';
import { pendingTarget } from './pending-target';
import './portal-licenses.css';

/**
 * On the fleet dashboard: the licenses paid or renewed in the customer portal whose keys never reached
 * their instance (in the organizations of every signed-in account), each with one-click install; and the
 * accounts that could not be checked.
 */
export function PendingInstallsNotice() {
  const pending = usePendingInstalls((state) => state.pending);
  const problem = usePendingInstalls((state) => state.problem);
  const uncompared = usePendingInstalls((state) => state.uncompared);
  const pendingInstallsChanged = usePendingInstalls((state) => state.pendingInstallsChanged);
  const rows = useInstanceRows();
  useEffect(() => {
    void pendingInstallsChanged();
  }, [pendingInstallsChanged]);
  const nameOf = (id: string): string => rows.find((row) => row.id === id)?.name ?? 'the instance';
  // With several accounts signed in, each pairing says whose organization it is in.
  const severalAccounts = useAccounts().length > 1;
  return (
    <>
      {pending.length > 0 && (
        <section className="callout callout--warn pending-installs" aria-labelledby="pending-installs-heading">
          <h2 id="pending-installs-heading">
            <span aria-hidden="true">⚠ </span>
            {pending.length === 1 ? 'A renewed license is not installed' : `${pending.length} renewed licenses are not installed`}
          </h2>
          <p>Paid in the customer portal, but the instance still runs on its older key and expires on the old date. Install the new key:</p>
          <ul className="pending-installs__list">
            {pending.map((entry) => (
              <li key={`${entry.instanceId}:${entry.license.id}`}>
                “{entry.license.nickname}” ({entry.organizationName}{severalAccounts ? `, ${entry.accountEmail}` : ''}) for {nameOf(entry.instanceId)}{' '}
                <InstallIntoButton target={pendingTarget(entry, nameOf(entry.instanceId))} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {problem !== null && <p className="hint">Renewed-but-not-installed licenses could not be checked in the customer portal: {problem}</p>}
      {uncompared.length > 0 && (
        <ul className="not-compared-list">
          {uncompared.map((entry) => (
            <li key={`${entry.instanceId}:${entry.license.id}`} className="hint">
              <InstanceNotComparedNote licenseName={entry.license.nickname} instanceId={entry.instanceId} instanceName={nameOf(entry.instanceId)} problem={entry.lastReadProblem} />
            </li>
          ))}
        </ul>
      )}
      <PendingAccountProblems />
      <LicenseInstallDialog />
    </>
  );
}
