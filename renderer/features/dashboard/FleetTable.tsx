import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState, type FocusEvent } from 'react';
import type { InstanceRow } from '../../../shared/instances/instance-row';
import { useRefreshAllRunning } from '../../queries/instance-list';
import { FLEET_COLUMNS, OVERSCAN, ROW_HEIGHT } from './columns';
import { useDashboardScreen } from './dashboard-screen';
import { FleetHeaderRow } from './FleetHeaderRow';
import { FleetRow, type FleetRowExtras } from './FleetRow';
import { fleetItems, type FleetItem } from './grouping';
import { GroupRow } from './GroupRow';

/** A first guess of the viewport before it is measured: enough rows to fill a window. */
const GUESSED_VIEWPORT = { width: 0, height: 900 };

function rowIdOf(element: EventTarget | null): string | null {
  return element instanceof Element
    ? (element.closest<HTMLElement>('[data-instance-id]')?.dataset.instanceId ?? null)
    : null;
}

const keyOf = (item: FleetItem | undefined): string | undefined =>
  item === undefined ? undefined : item.kind === 'row' ? item.row.id : `group:${item.customer ?? ''}`;

/**
 * The instances as an ARIA table in a fixed-height scroll container. Only the rows in view (plus
 * overscan, plus the row holding keyboard focus) are in the DOM; aria-rowcount and aria-rowindex
 * tell assistive technology where they sit among all rows.
 */
export function FleetTable({
  rows,
  now,
  extras,
}: {
  rows: readonly InstanceRow[];
  now: number;
  extras: FleetRowExtras;
}) {
  const sort = useDashboardScreen((state) => state.sort);
  const filters = useDashboardScreen((state) => state.filters);
  const chip = useDashboardScreen((state) => state.chip);
  const grouped = useDashboardScreen((state) => state.grouped);
  const selected = useDashboardScreen((state) => state.selected);
  const items = useMemo(() => fleetItems(rows, grouped, now), [rows, grouped, now]);
  const shownIds = useMemo(() => rows.map((row) => row.id), [rows]);
  const refreshingAll = useRefreshAllRunning();
  const scrollerRef = useRef<HTMLDivElement>(null);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const focused = focusedId === null ? -1 : items.findIndex((item) => item.kind === 'row' && item.row.id === focusedId);

  // Keep the focused row mounted when it scrolls out of range, or focus would fall to the page.
  const rangeExtractor = useCallback(
    (range: Range): number[] => {
      const shown = defaultRangeExtractor(range);
      return focused === -1 || shown.includes(focused) ? shown : [...shown, focused];
    },
    [focused],
  );
  // The compiler warning is for apps built with React Compiler (this one is not): the virtualizer's
  // functions are called here, during render, and only numbers go on to the rows.
  // eslint-disable-next-line react-hooks/incompatible-library -- see above
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    initialRect: GUESSED_VIEWPORT,
    getItemKey: (index) => keyOf(items[index]) ?? index,
    rangeExtractor,
  });

  // A new order or filter starts at the top.
  useEffect(() => {
    if (scrollerRef.current !== null) scrollerRef.current.scrollTop = 0;
  }, [sort, filters, chip, grouped]);

  const onBlur = (event: FocusEvent<HTMLDivElement>): void => {
    if (rowIdOf(event.relatedTarget) === null) setFocusedId(null);
  };

  return (
    <div
      ref={scrollerRef}
      className="fleet"
      role="table"
      aria-label="Instances"
      aria-rowcount={items.length + 1}
      aria-colcount={FLEET_COLUMNS.length}
    >
      <div role="rowgroup" className="fleet__head">
        <FleetHeaderRow sort={sort} shownIds={shownIds} />
      </div>
      <div
        role="rowgroup"
        className="fleet__body"
        style={{ height: virtualizer.getTotalSize() }}
        onFocus={(event) => setFocusedId(rowIdOf(event.target))}
        onBlur={onBlur}
      >
        {virtualizer.getVirtualItems().map(({ index, start }) => {
          const item = items[index];
          if (item === undefined) return null;
          return item.kind === 'group' ? (
            <GroupRow key={keyOf(item)} group={item} index={index} top={start} now={now} />
          ) : (
            <FleetRow
              key={item.row.id}
              row={item.row}
              index={index}
              top={start}
              now={now}
              refreshBlocked={refreshingAll}
              selected={selected.includes(item.row.id)}
              extras={extras}
            />
          );
        })}
      </div>
    </div>
  );
}
