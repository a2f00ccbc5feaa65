import { useIsMutating } from '@tanstack/react-query';
import { memo, type ComponentType } from 'react';
import type { InstanceRow } from '../../../shared/instances/instance-row';
import { refreshKeys } from '../../queries/instance-list';
import { FlagBadges } from '../../ui/FlagBadges';
import { UsageMeter } from '../../ui/UsageMeter';
import { ROW_HEIGHT } from './columns';
import { useDashboardScreen } from './dashboard-screen';
import { useEditInstanceScreen } from './edit-instance-screen';
import { ExpiryCell } from './ExpiryCell';
import { HealthCell } from './HealthCell';
import { InstanceCell } from './InstanceCell';
import { LastRefreshCell } from './LastRefreshCell';
import { useRefreshInstance } from './mutations';
import { RowMenu } from './RowMenu';

/** What other features add to each row (the app shell passes them in): a renewed key not yet installed, and opening the install dialog. */
export interface FleetRowExtras {
  Pending: ComponentType<{ row: InstanceRow }>;
  installOpened(id: string, name: string): void;
}

interface FleetRowProps {
  row: InstanceRow;
  /** Position among the table's rows (group headers included), from 0. */
  index: number;
  /** Where the virtualizer places it in the table's body (px). */
  top: number;
  now: number;
  /** "Refresh all" is running: a single refresh would only wait for it. */
  refreshBlocked: boolean;
  selected: boolean;
  extras: FleetRowExtras;
}

/** One instance, placed absolutely at its index so that only rows in view need to exist. */
export const FleetRow = memo(function FleetRow({
  row,
  index,
  top,
  now,
  refreshBlocked,
  selected,
  extras,
}: FleetRowProps) {
  const refresh = useRefreshInstance(row.id);
  const refreshing = useIsMutating({ mutationKey: refreshKeys.one(row.id) }) > 0;
  const removeDialogOpened = useDashboardScreen((state) => state.removeDialogOpened);
  const selectionChanged = useDashboardScreen((state) => state.selectionChanged);
  const editDialogOpened = useEditInstanceScreen((state) => state.editDialogOpened);
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={`fleet__row fleet__row--body${index % 2 === 1 ? ' fleet__row--odd' : ''}`}
      data-instance-id={row.id}
      data-state={row.state}
      style={{ height: ROW_HEIGHT, transform: `translateY(${top}px)` }}
    >
      <div role="cell" className="fleet__cell fleet__cell--select">
        <input
          type="checkbox"
          className="fleet__check"
          aria-label={`Select ${row.name}`}
          checked={selected}
          onChange={(event) => selectionChanged([row.id], event.target.checked)}
        />
      </div>
      <div role="rowheader" className="fleet__cell">
        <InstanceCell row={row} />
      </div>
      <div role="cell" className="fleet__cell fleet__cell--health">
        <HealthCell row={row} now={now} />
        <extras.Pending row={row} />
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
      <div role="cell" className="fleet__cell fleet__cell--actions">
        <RowMenu
          name={row.name}
          items={[
            { label: 'Refresh', run: () => refresh.mutate(), disabled: refreshing || refreshBlocked },
            { label: 'Edit', run: () => editDialogOpened(row.id) },
            { label: 'Install license', run: () => extras.installOpened(row.id, row.name) },
            { label: 'Remove', run: () => removeDialogOpened(row.id), danger: true },
          ]}
        />
      </div>
    </div>
  );
});
