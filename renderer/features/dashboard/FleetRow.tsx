import { useIsMutating } from '@tanstack/react-query';
import { memo, type ComponentType } from 'react';
import type { InstanceRow } from '../../../shared/instances/instance-row';
import { refreshKeys } from '../../queries/instance-list';
import { ROW_HEIGHT } from './columns';
import { useDashboardScreen } from './dashboard-screen';
import { ExpiryCell } from './ExpiryCell';
import { FlagBadges } from '../../ui/FlagBadges';
import { InstanceCell } from './InstanceCell';
import { LastRefreshCell } from './LastRefreshCell';
import { useRefreshInstance } from './mutations';
import { StatusBadge } from '../../ui/StatusBadge';
import { UsageMeter } from '../../ui/UsageMeter';

/** What other features add to each row (the app shell passes them in): the portal's warnings, and opening the install dialog. */
export interface FleetRowExtras {
  Warnings: ComponentType<{ row: InstanceRow }>;
  installOpened(id: string, name: string): void;
}

interface FleetRowProps {
  row: InstanceRow;
  /** Position among the shown rows, from 0. */
  index: number;
  /** Where the virtualizer places it in the table's body (px). */
  top: number;
  now: number;
  /** "Refresh all" is running: a single refresh would only wait for it. */
  refreshBlocked: boolean;
  extras: FleetRowExtras;
}

/** One instance, placed absolutely at its index so that only rows in view need to exist. */
export const FleetRow = memo(function FleetRow({ row, index, top, now, refreshBlocked, extras }: FleetRowProps) {
  const refresh = useRefreshInstance(row.id);
  const refreshing = useIsMutating({ mutationKey: refreshKeys.one(row.id) }) > 0;
  const removeDialogOpened = useDashboardScreen((state) => state.removeDialogOpened);
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className={`fleet__row fleet__row--body${index % 2 === 1 ? ' fleet__row--odd' : ''}`}
      data-instance-id={row.id}
      data-state={row.state}
      style={{ height: ROW_HEIGHT, transform: `translateY(${top}px)` }}
    >
      <div role="rowheader" className="fleet__cell">
        <InstanceCell row={row} />
      </div>
      <div role="cell" className="fleet__cell">
        <StatusBadge row={row} />
      </div>
      <div role="cell" className="fleet__cell">
        <ExpiryCell row={row} now={now} />
      </div>
      <div role="cell" className="fleet__cell">
        <UsageMeter
          used={row.usage?.internalUsers ?? null}
          licensed={row.licensed?.internalUsers ?? null}
          noun="Internal users"
        />
      </div>
      <div role="cell" className="fleet__cell">
        <UsageMeter
          used={row.usage?.externalUsers ?? null}
          licensed={row.licensed?.externalUsers ?? null}
          noun="External users"
        />
      </div>
      <div role="cell" className="fleet__cell">
        <FlagBadges flags={row.flags} />
      </div>
      <div role="cell" className="fleet__cell">
        {row.version ?? (
          <span className="muted">
            <span aria-hidden="true">—</span>
            <span className="sr-only">not known</span>
          </span>
        )}
      </div>
      <div role="cell" className="fleet__cell">
        <LastRefreshCell row={row} now={now} refreshing={refreshing} />
      </div>
      <div role="cell" className="fleet__cell">
        <extras.Warnings row={row} />
      </div>
      <div role="cell" className="fleet__cell fleet__cell--actions">
        <button type="button" className="small-button" onClick={() => extras.installOpened(row.id, row.name)}>
          <span aria-hidden="true">Install…</span>
          <span className="sr-only">Install license on {row.name}</span>
        </button>
        <button
          type="button"
          className="small-button"
          aria-disabled={refreshing || refreshBlocked}
          onClick={() => refresh.mutate()}
        >
          Refresh<span className="sr-only"> {row.name}</span>
        </button>
        <button type="button" className="small-button" onClick={() => removeDialogOpened(row.id)}>
          Remove<span className="sr-only"> {row.name}</span>
        </button>
      </div>
    </div>
  );
});
