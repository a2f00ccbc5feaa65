import type { SortColumn } from '../../store/instance-sort';

export interface FleetColumn {
  /** The header's words. */
  label: string;
  /** What a click on the header sorts by; null for a column that does not sort. */
  sort: SortColumn | null;
}

/** The table's columns, in order; the CSS grid in dashboard.css has one track per entry. */
export const FLEET_COLUMNS: readonly FleetColumn[] = [
  { label: 'Select', sort: null },
  { label: 'Instance', sort: 'name' },
  { label: 'Health', sort: 'status' },
  { label: 'Expiry', sort: 'expiry' },
  { label: 'Internal users', sort: 'internal' },
  { label: 'External users', sort: 'external' },
  { label: 'Flags', sort: 'flags' },
  { label: 'Version', sort: 'version' },
  { label: 'Last refreshed', sort: 'refreshed' },
  { label: 'Actions', sort: null },
];

/** Every row has this height (px): the virtualizer places rows by it without measuring each one. */
export const ROW_HEIGHT = 40;
/** Rows rendered beyond each edge of the viewport, so keyboard focus and fast scrolling find them. */
export const OVERSCAN = 6;
