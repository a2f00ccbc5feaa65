import type { SortState } from '../../store/instance-sort';
import { useDashboardScreen } from './dashboard-screen';
import { FLEET_COLUMNS } from './columns';

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;
const ARROWS = { asc: '▲', desc: '▼' } as const;

/** Ticks every shown instance, or none: checked when all are, mixed when some are. */
function SelectAll({ shownIds }: { shownIds: readonly string[] }) {
  const selected = useDashboardScreen((state) => state.selected);
  const selectionChanged = useDashboardScreen((state) => state.selectionChanged);
  const ticked = shownIds.filter((id) => selected.includes(id)).length;
  const all = shownIds.length > 0 && ticked === shownIds.length;
  return (
    <input
      type="checkbox"
      className="fleet__check"
      aria-label="Select all shown instances"
      checked={all}
      ref={(box) => {
        if (box !== null) box.indeterminate = ticked > 0 && !all;
      }}
      onChange={() => selectionChanged(shownIds, !all)}
    />
  );
}

/** The column headers; each sortable header is a button, and the sorted one says so with aria-sort. */
export function FleetHeaderRow({ sort, shownIds }: { sort: SortState; shownIds: readonly string[] }) {
  const sortChanged = useDashboardScreen((state) => state.sortChanged);
  return (
    <div role="row" aria-rowindex={1} className="fleet__row fleet__row--head">
      {FLEET_COLUMNS.map((column) => {
        const sorted = column.sort !== null && column.sort === sort.column;
        return (
          <div
            key={column.label}
            role="columnheader"
            className="fleet__cell"
            aria-sort={sorted ? ARIA_SORT[sort.direction] : undefined}
          >
            {column.label === 'Select' ? (
              <SelectAll shownIds={shownIds} />
            ) : column.sort === null ? (
              <span className="sr-only">{column.label}</span>
            ) : (
              <button
                type="button"
                className="sort-button"
                onClick={() => column.sort !== null && sortChanged(column.sort)}
              >
                {column.label}
                <span className="sort-button__arrow" aria-hidden="true">
                  {sorted ? ARROWS[sort.direction] : ''}
                </span>
                {sorted && column.sort === 'status' && (
                  <span className="sr-only">{sort.direction === 'asc' ? ', worst first' : ', best first'}</span>
                )}
              </button>
            )}
          </div>
        );
      })}
    </div>
  );
}
