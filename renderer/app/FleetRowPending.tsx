import { useMemo } from 'react';
import type { InstanceRow } from '../../shared/instances/instance-row';
import { InstallIntoButton } from '../features/portal-licenses/InstallIntoButton';
import { latestFirst, pendingTarget } from '../features/portal-licenses/pending-target';
import { pendingFor, usePendingInstalls, type PendingInstalls } from '../features/portal-licenses/queries';

const selectPending = (answer: PendingInstalls) => answer.pending;

/**
 * In a dashboard row's Health cell: a key renewed (or bought) in the customer portal that has not reached
 * this instance, with one-click Install. Its warnings are the Health's own.
 */
export function FleetRowPending({ row }: { row: InstanceRow }) {
  const pending = usePendingInstalls(selectPending).data;
  const first = useMemo(() => latestFirst(pendingFor(pending, row.id))[0], [pending, row.id]);
  if (first === undefined) return null;
  return (
    <span className="pending-installs pending-installs--row" data-renewed-not-installed="true">
      <span
        className="renewed-badge"
        title={`“${first.license.nickname}” (${first.organizationName}) is renewed in the customer portal but not installed on ${row.name}.`}
      >
        <span className="renewed-badge__icon" aria-hidden="true">
          ⚠
        </span>
        Not installed
        <span className="sr-only">
          : the renewed license “{first.license.nickname}” is not installed on {row.name}
        </span>
      </span>
      <InstallIntoButton target={pendingTarget(first, row.name)} short />
    </span>
  );
}
