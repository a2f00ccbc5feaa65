import { useMemo } from 'react';
import { usePendingInstalls } from '../../store/portal-licenses-context';
import { pendingFor } from '../../store/portal-licenses-pending';
import { InstallIntoButton } from './InstallIntoButton';
import { latestFirst, pendingTarget } from './pending-target';
import './portal-licenses.css';

/** On a dashboard row: a renewed key that has not reached this instance, with one-click Install. */
export function PendingInstallRowBadge({ instanceId, instanceName }: { instanceId: string; instanceName: string }) {
  const pending = usePendingInstalls((state) => state.pending);
  const first = useMemo(() => latestFirst(pendingFor(pending, instanceId))[0], [pending, instanceId]);
  if (first === undefined) return null;
  return (
    <span className="pending-installs pending-installs--row" data-renewed-not-installed="true">
      <span
        className="renewed-badge"
        title={`“${first.license.nickname}” (${first.organizationName}) is renewed in the customer portal but not installed on ${instanceName}.`}
      >
        <span className="renewed-badge__icon" aria-hidden="true">
          ⚠
        </span>
        Not installed
        <span className="sr-only">: the renewed license “{first.license.nickname}” is not installed on {instanceName}</span>
      </span>
      <InstallIntoButton target={pendingTarget(first, instanceName)} short />
    </span>
  );
}
