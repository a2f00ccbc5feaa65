import { useInstanceRows } from '../../queries/instance-list';
import { useAccounts } from '../../queries/portal-accounts';
import { InstallIntoButton } from './InstallIntoButton';
import { InstanceNotComparedNote } from './InstanceNotComparedNote';
import { LicenseInstallDialog } from './LicenseInstallDialog';
import { PendingAccountProblems } from './PendingAccountProblems';
import { pendingOrigins, pendingTarget } from './pending-target';
import { usePendingInstalls, type PendingInstalls } from './queries';
import './portal-licenses.css';

const whole = (answer: PendingInstalls): PendingInstalls => answer;

/**
 * On the fleet dashboard: the licenses paid or renewed in the customer portal whose keys never reached
 * their instance (in the organizations of every signed-in account), each with one-click install; and the
 * accounts that could not be checked.
 */
export function PendingInstallsNotice({ noticeElsewhere }: { noticeElsewhere: (text: string) => void }) {
  // Read again each time the dashboard opens, as the dashboard's list is: what was paid meanwhile shows.
  const { data: answer, problem } = usePendingInstalls(whole, { readAgain: true });
  const { pending, uncompared } = answer;
  const rows = useInstanceRows();
  const nameOf = (id: string): string => rows.find((row) => row.id === id)?.name ?? 'the instance';
  // With several accounts signed in, each pairing says whose organization it is in.
  const severalAccounts = useAccounts().length > 1;
  return (
    <>
      {pending.length > 0 && (
        <section className="callout callout--warn pending-installs" aria-labelledby="pending-installs-heading">
          <h2 id="pending-installs-heading">
            <span aria-hidden="true">⚠ </span>
            {pending.length === 1
              ? `A ${pendingOrigins(pending)} license is not installed`
              : `${pending.length} ${pendingOrigins(pending)} licenses are not installed`}
          </h2>
          <p>
            Paid in the customer portal, but the instance does not run the new key yet and expires on the old date.
            Install the new key:
          </p>
          <ul className="pending-installs__list">
            {pending.map((entry) => (
              <li key={`${entry.instanceId}:${entry.license.id}`}>
                “{entry.license.nickname}” ({entry.organizationName}
                {severalAccounts ? `, ${entry.accountEmail}` : ''}) for {nameOf(entry.instanceId)}{' '}
                <InstallIntoButton target={pendingTarget(entry, nameOf(entry.instanceId))} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {problem !== null && (
        <p className="hint">Licenses paid but not installed could not be checked in the customer portal: {problem}</p>
      )}
      {uncompared.length > 0 && (
        <ul className="not-compared-list">
          {uncompared.map((entry) => (
            <li key={`${entry.instanceId}:${entry.license.id}`} className="hint">
              <InstanceNotComparedNote
                licenseName={entry.license.nickname}
                instanceId={entry.instanceId}
                instanceName={nameOf(entry.instanceId)}
                problem={entry.lastReadProblem}
              />
            </li>
          ))}
        </ul>
      )}
      <PendingAccountProblems />
      <LicenseInstallDialog noticeElsewhere={noticeElsewhere} />
    </>
  );
}
