import type { SortState } from '../../store/instance-sort';
import { useDashboardScreen } from './dashboard-screen';
import { FLEET_COLUMNS } from './columns';

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;
const ARROWS = { asc: '▲', desc: '▼' } as const;

/** The column headers; each sortable header is a button, and the sorted one says so with aria-sort. */
export function FleetHeaderRow({ sort }: { sort: SortState }) {
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
            {column.sort === null ? (
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
