import { useMemo } from 'react';
import type { InstanceRow } from '../../../shared/instances/instance-row';
import { WarningsCell } from '../../ui/WarningsCell';
import { InstallIntoButton } from './InstallIntoButton';
import { latestFirst, pendingTarget } from './pending-target';
import { pendingFor, usePendingInstalls, type PendingInstalls } from './queries';
import './portal-licenses.css';

const selectPending = (answer: PendingInstalls) => answer.pending;

/**
 * A dashboard row's warnings: its renewal warnings, and a key renewed in the customer portal that has
 * not reached this instance, with one-click Install.
 */
export function FleetRowWarnings({ row }: { row: InstanceRow }) {
  const pending = usePendingInstalls(selectPending).data;
  const first = useMemo(() => latestFirst(pendingFor(pending, row.id))[0], [pending, row.id]);
  if (first === undefined) return <WarningsCell warnings={row.warnings} />;
  return (
    <span className="pending-installs pending-installs--row" data-renewed-not-installed="true">
      {row.warnings.length > 0 && <WarningsCell warnings={row.warnings} />}
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
