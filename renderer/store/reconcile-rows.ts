import type { InstanceRow } from '../../shared/instances/instance-row';

const serialized = new WeakMap<InstanceRow, string>();

function serialize(row: InstanceRow): string {
  let text = serialized.get(row);
  if (text === undefined) {
    text = JSON.stringify(row);
    serialized.set(row, text);
  }
  return text;
}

/**
 * The new rows, reusing the previous object for every row that did not change (and the previous
 * list when none did), so that a re-list after each refresh re-renders only the rows that changed.
 */
export function reconcileRows(previous: InstanceRow[], next: readonly InstanceRow[]): InstanceRow[] {
  const byId = new Map(previous.map((row) => [row.id, row]));
  const rows = next.map((row) => {
    const before = byId.get(row.id);
    return before !== undefined && serialize(before) === serialize(row) ? before : row;
  });
  // Nothing changed: keep the very same list, so nothing downstream recomputes.
  return rows.length === previous.length && rows.every((row, index) => row === previous[index]) ? previous : rows;
}

/** The rows with `updated` ones replaced by id (rows not among them keep their place). */
export function mergeRows(rows: InstanceRow[], updated: readonly InstanceRow[]): InstanceRow[] {
  const byId = new Map(updated.map((row) => [row.id, row]));
  return reconcileRows(rows, rows.map((row) => byId.get(row.id) ?? row));
}
