import { useEffect, useMemo, useState, type FocusEvent } from 'react';
import type { InstanceRow } from '../../../shared/instances/instance-row';
import { useInstances } from '../../store/instances-context';
import { FLEET_COLUMNS, OVERSCAN, ROW_HEIGHT } from './columns';
import { FleetHeaderRow } from './FleetHeaderRow';
import { FleetRow } from './FleetRow';
import { useVirtualRows } from './use-virtual-rows';

function rowIdOf(element: EventTarget | null): string | null {
  return element instanceof Element ? (element.closest<HTMLElement>('[data-instance-id]')?.dataset.instanceId ?? null) : null;
}

/**
 * The instances as an ARIA table in a fixed-height scroll container. Only the rows in view (plus
 * overscan, plus the row holding keyboard focus) are in the DOM; aria-rowcount and aria-rowindex
 * tell assistive technology where they sit among all rows.
 */
export function FleetTable({ rows, now }: { rows: readonly InstanceRow[]; now: number }) {
  const sort = useInstances((state) => state.sort);
  const filters = useInstances((state) => state.filters);
  const refreshingIds = useInstances((state) => state.refreshingIds);
  const refreshingAll = useInstances((state) => state.refreshingAll);
  const { scrollerRef, range, onScroll } = useVirtualRows(rows.length, ROW_HEIGHT, OVERSCAN);
  const [focusedId, setFocusedId] = useState<string | null>(null);

  // A new order or filter starts at the top.
  useEffect(() => {
    if (scrollerRef.current !== null) scrollerRef.current.scrollTop = 0;
  }, [sort, filters, scrollerRef]);

  const indices = useMemo(() => {
    const shown: number[] = [];
    for (let index = range.start; index < range.end; index += 1) shown.push(index);
    // Keep the focused row mounted when it scrolls out of range, or focus would fall to the page.
    const focused = focusedId === null ? -1 : rows.findIndex((row) => row.id === focusedId);
    if (focused !== -1 && (focused < range.start || focused >= range.end)) shown.push(focused);
    return shown;
  }, [range, focusedId, rows]);

  const onBlur = (event: FocusEvent<HTMLDivElement>): void => {
    if (rowIdOf(event.relatedTarget) === null) setFocusedId(null);
  };

  return (
    <div
      ref={scrollerRef}
      className="fleet"
      role="table"
      aria-label="Instances"
      aria-rowcount={rows.length + 1}
      aria-colcount={FLEET_COLUMNS.length}
      onScroll={onScroll}
    >
      <div role="rowgroup" className="fleet__head">
        <FleetHeaderRow sort={sort} />
      </div>
      <div role="rowgroup" className="fleet__body" style={{ height: rows.length * ROW_HEIGHT }} onFocus={(event) => setFocusedId(rowIdOf(event.target))} onBlur={onBlur}>
        {indices.map((index) => {
          const row = rows[index];
          return row === undefined ? null : (
            <FleetRow key={row.id} row={row} index={index} now={now} refreshing={refreshingIds.includes(row.id)} refreshBlocked={refreshingAll} />
          );
        })}
      </div>
    </div>
  );
}
