import type { InstanceRow, InstanceState } from '../../shared/instances/instance-row';
import { statusKindOf, type StatusKind } from './instance-status';

/** A status filter: a monitoring state (critical, warning, …) or one of authentik's statuses. */
export type StatusFilter = `state:${InstanceState}` | `status:${StatusKind}`;

export interface FilterState {
  /** Words to find in the name, URL, customer, tags or Install ID; every word must match. */
  text: string;
  /** null: any customer; WITHOUT_CUSTOMER: instances with none; otherwise that customer. */
  customer: string | null;
  /** null: any tag. */
  tag: string | null;
  status: StatusFilter | null;
}

export const WITHOUT_CUSTOMER = '';

export const NO_FILTERS: FilterState = { text: '', customer: null, tag: null, status: null };

export function hasFilters(filters: FilterState): boolean {
  return filters.text.trim() !== '' || filters.customer !== null || filters.tag !== null || filters.status !== null;
}

function haystack(row: InstanceRow): string {
  return [row.name, row.url, row.customer ?? '', ...row.tags, row.installId ?? ''].join('\n').toLowerCase();
}

function containsAll(text: string, words: readonly string[]): boolean {
  return words.every((word) => text.includes(word));
}

function matchesStatus(row: InstanceRow, status: StatusFilter): boolean {
  const [kind, value] = status.split(':') as ['state' | 'status', string];
  return kind === 'state' ? row.state === value : statusKindOf(row) === value;
}

/** A predicate for the filters, prepared once for a whole list of rows. */
export function rowFilter(filters: FilterState): (row: InstanceRow) => boolean {
  const words = filters.text
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '');
  const { customer, tag, status } = filters;
  return (row) =>
    (customer === null || (customer === WITHOUT_CUSTOMER ? (row.customer ?? '') === '' : row.customer === customer)) &&
    (tag === null || row.tags.includes(tag)) &&
    (status === null || matchesStatus(row, status)) &&
    (words.length === 0 || containsAll(haystack(row), words));
}

/** The distinct customers and tags of the rows, sorted, for the filter selects. */
export function filterChoices(rows: readonly InstanceRow[]): {
  customers: string[];
  tags: string[];
  anyWithoutCustomer: boolean;
} {
  const customers = new Set<string>();
  const tags = new Set<string>();
  let anyWithoutCustomer = false;
  for (const row of rows) {
    if ((row.customer ?? '') === '') anyWithoutCustomer = true;
    else if (row.customer !== null) customers.add(row.customer);
    for (const tag of row.tags) tags.add(tag);
  }
  const byName = (a: string, b: string): number =>
    a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true });
  return { customers: [...customers].sort(byName), tags: [...tags].sort(byName), anyWithoutCustomer };
}
