import type { InstanceRow, InstanceState } from '../../shared/instances/instance-row';
import { STATE_ORDER } from './instance-status';

export const SORT_COLUMNS = [
  'name',
  'status',
  'expiry',
  'internal',
  'external',
  'flags',
  'version',
  'refreshed',
] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
export type SortDirection = 'asc' | 'desc';

export interface SortState {
  column: SortColumn;
  direction: SortDirection;
}

/** Worst first: critical, unknown, warning, not refreshed, ok; then the soonest combined expiry. */
export const DEFAULT_SORT: SortState = { column: 'status', direction: 'asc' };

/** The direction a column starts in when first clicked: the order a person most often wants. */
const FIRST_DIRECTION: Record<SortColumn, SortDirection> = {
  name: 'asc',
  status: 'asc',
  expiry: 'asc',
  internal: 'desc',
  external: 'desc',
  flags: 'desc',
  version: 'asc',
  refreshed: 'asc',
};

/** A header click: the same column flips, another column starts in its natural direction. */
export function nextSort(current: SortState, column: SortColumn): SortState {
  if (current.column === column) return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { column, direction: FIRST_DIRECTION[column] };
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

const STATE_RANK = Object.fromEntries(STATE_ORDER.map((state, index) => [state, index])) as Record<
  InstanceState,
  number
>;

/** Used over licensed; Infinity when users exist with no seats; null when either is unknown. */
function usageRatio(row: InstanceRow, side: 'internalUsers' | 'externalUsers'): number | null {
  if (row.usage === null || row.licensed === null) return null;
  const used = row.usage[side];
  const licensed = row.licensed[side];
  if (licensed === 0) return used === 0 ? 0 : Number.POSITIVE_INFINITY;
  return used / licensed;
}

type Key = number | string | null;

/** The value each column sorts by; null sorts last in either direction. */
const KEYS: Record<Exclude<SortColumn, 'status'>, (row: InstanceRow) => Key> = {
  name: (row) => row.name,
  expiry: (row) => (row.latestValid === null ? null : Date.parse(row.latestValid)),
  internal: (row) => usageRatio(row, 'internalUsers'),
  external: (row) => usageRatio(row, 'externalUsers'),
  flags: (row) => (row.flags.length === 0 ? null : [...row.flags].sort().join(' ')),
  version: (row) => row.version,
  refreshed: (row) => (row.lastRefresh === null ? null : Date.parse(row.lastRefresh.at)),
};

function compareKeys(a: Key, b: Key, sign: number): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'string' && typeof b === 'string') return sign * collator.compare(a, b);
  return sign * (a < b ? -1 : a > b ? 1 : 0);
}

/** Worse state first; within a state the soonest expiry first, with no expiry (unlicensed) before any date. */
function compareStatus(a: InstanceRow, b: InstanceRow): number {
  const byState = STATE_RANK[a.state] - STATE_RANK[b.state];
  if (byState !== 0) return byState;
  if (a.latestValid === b.latestValid) return 0;
  if (a.latestValid === null) return -1;
  if (b.latestValid === null) return 1;
  return Date.parse(a.latestValid) - Date.parse(b.latestValid);
}

function comparatorFor({ column, direction }: SortState): (a: InstanceRow, b: InstanceRow) => number {
  const sign = direction === 'asc' ? 1 : -1;
  const primary =
    column === 'status'
      ? (a: InstanceRow, b: InstanceRow) => sign * compareStatus(a, b)
      : (a: InstanceRow, b: InstanceRow) => compareKeys(KEYS[column](a), KEYS[column](b), sign);
  // Ties fall back to the name, then the id, so the order never jumps between renders.
  return (a, b) => primary(a, b) || collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** A sorted copy; the rows given are left as they are. */
export function sortRows(rows: readonly InstanceRow[], sort: SortState): InstanceRow[] {
  return [...rows].sort(comparatorFor(sort));
}
