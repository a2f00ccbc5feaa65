import type { InstanceRow } from '../../../shared/instances/instance-row';
import { healthOf, worseLevel, type HealthLevel } from './health';

/** A customer's header row: what its instances add up to. */
export interface FleetGroup {
  kind: 'group';
  /** The customer, or null for instances without one ("No customer"). */
  customer: string | null;
  count: number;
  worst: HealthLevel;
  critical: number;
  warning: number;
  /** The nearest combined expiry among them (ISO), or null when none is known. */
  nearestExpiry: string | null;
}

export type FleetItem = FleetGroup | { kind: 'row'; row: InstanceRow };

const byName = (a: string, b: string): number => a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true });

function rollUp(customer: string | null, rows: readonly InstanceRow[], now: number): FleetGroup {
  let worst: HealthLevel = 'ok';
  let nearestExpiry: string | null = null;
  for (const row of rows) {
    worst = worseLevel(worst, healthOf(row, now).level);
    if (row.latestValid !== null && (nearestExpiry === null || Date.parse(row.latestValid) < Date.parse(nearestExpiry)))
      nearestExpiry = row.latestValid;
  }
  return {
    kind: 'group',
    customer,
    count: rows.length,
    worst,
    critical: rows.filter((row) => row.state === 'critical').length,
    warning: rows.filter((row) => row.state === 'warning').length,
    nearestExpiry,
  };
}

/**
 * The table's lines: the rows as they are, or grouped by customer (customers by name, "No customer" last),
 * each group under its header, its rows in the table's sort order.
 */
export function fleetItems(rows: readonly InstanceRow[], grouped: boolean, now: number): FleetItem[] {
  if (!grouped) return rows.map((row) => ({ kind: 'row', row }));
  const groups = new Map<string | null, InstanceRow[]>();
  for (const row of rows) {
    const customer = row.customer === null || row.customer.trim() === '' ? null : row.customer;
    groups.set(customer, [...(groups.get(customer) ?? []), row]);
  }
  const order = [...groups.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : byName(a, b)));
  return order.flatMap((customer) => {
    const members = groups.get(customer) ?? [];
    return [rollUp(customer, members, now), ...members.map((row) => ({ kind: 'row' as const, row }))];
  });
}
