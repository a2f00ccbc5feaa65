import { useMemo } from 'react';
import { localDate } from '../../format/dates';
import { useAccounts } from '../../queries/portal-accounts';
import { InstallIntoButton } from './InstallIntoButton';
import { LicenseInstallDialog } from './LicenseInstallDialog';
import { NotComparedNote } from './NotComparedNote';
import { PendingAccountProblems } from './PendingAccountProblems';
import { latestFirst, pendingOrigins, pendingTarget } from './pending-target';
import { pendingFor, usePendingInstalls, type PendingInstalls } from './queries';
import './portal-licenses.css';

const whole = (answer: PendingInstalls): PendingInstalls => answer;
const capitalized = (words: string): string => words.charAt(0).toUpperCase() + words.slice(1);

/**
 * On an instance's page: a license paid or renewed in the customer portal whose key is not installed here, with
 * one-click install. The page hands in its Refresh (the instance's read is the page's).
 */
export function PendingInstallCard(props: {
  instanceId: string;
  instanceName: string;
  refreshing: boolean;
  onRefresh: () => void;
  noticeElsewhere: (text: string) => void;
}) {
  const { instanceId, instanceName, refreshing, onRefresh, noticeElsewhere } = props;
  // Read again each time an instance's page opens: what was paid meanwhile shows.
  const answer = usePendingInstalls(whole, { readAgain: true }).data;
  const pending = useMemo(() => latestFirst(pendingFor(answer.pending, instanceId)), [answer.pending, instanceId]);
  const uncompared = useMemo(() => pendingFor(answer.uncompared, instanceId), [answer.uncompared, instanceId]);
  // With several accounts signed in, each pairing says whose organization it is in.
  const severalAccounts = useAccounts().length > 1;
  return (
    <>
      {pending.length > 0 && (
        <section
          className="panel callout callout--warn pending-install-card"
          aria-labelledby="pending-install-heading"
          data-renewed-not-installed="true"
        >
          <h2 id="pending-install-heading">
            <span aria-hidden="true">⚠ </span>
            {capitalized(pendingOrigins(pending))} in the customer portal, not installed
          </h2>
          <p>
            {instanceName} does not run the new key yet, so it expires on the old date. The new key runs longer than
            every key installed here:
          </p>
          <ul>
            {pending.map((entry) => (
              <li key={entry.license.id}>
                <span>
                  “{entry.license.nickname}” ({entry.organizationName}
                  {severalAccounts ? `, ${entry.accountEmail}` : ''}): {entry.license.internal_users.toLocaleString()}{' '}
                  internal, {entry.license.external_users.toLocaleString()} external users
                  {entry.license.expires_at === null ? '' : `, until ${localDate(entry.license.expires_at)}`}
                </span>
                <InstallIntoButton target={pendingTarget(entry, instanceName)} primary />
              </li>
            ))}
          </ul>
        </section>
      )}
      {uncompared.length > 0 && (
        <ul className="not-compared-list">
          {uncompared.map((entry) => (
            <li key={entry.license.id} className="hint">
              <NotComparedNote
                licenseName={entry.license.nickname}
                instanceName={instanceName}
                problem={entry.lastReadProblem}
                refreshing={refreshing}
                onRefresh={onRefresh}
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
