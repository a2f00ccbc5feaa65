import { describe, expect, it } from 'vitest';
import type { InstanceRow } from '../../../shared/instances/instance-row';
import {
  DEFAULT_SORT,
  nextSort,
  SORT_COLUMNS,
  sortRows,
  type SortColumn,
  type SortState,
} from '../../../renderer/store/instance-sort';
import { fleetRow, namesOf } from './instance-rows';

const never = {
  state: 'never',
  status: null,
  statusCached: null,
  latestValid: null,
  licensed: null,
  usage: null,
  version: null,
  lastRefresh: null,
} as const;

/** Every order of `rows`: a sort must not depend on the order it was given. */
function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]),
  );
}

function expectOrder(rows: readonly InstanceRow[], sort: SortState, expected: string[]): void {
  for (const order of permutations(rows)) expect(namesOf(sortRows(order, sort))).toEqual(expected);
}

const asc = (column: SortColumn): SortState => ({ column, direction: 'asc' });
const desc = (column: SortColumn): SortState => ({ column, direction: 'desc' });

describe('the dashboard order, worst first by default', () => {
  it('puts critical, unknown, warning, not refreshed, ok in that order', () => {
    const rows = [
      fleetRow('Fine'),
      fleetRow('Read only', { state: 'critical', status: 'read_only' }),
      fleetRow('Unreachable', {
        state: 'unknown',
        lastRefresh: { at: '2026-11-29T09:00:00.000Z', ok: false, error: { code: 'unreachable', message: 'refused' } },
      }),
      fleetRow('Expiring', { state: 'warning', status: 'expiry_soon' }),
      fleetRow('New', never),
    ];
    expect(DEFAULT_SORT).toEqual({ column: 'status', direction: 'asc' });
    expectOrder(rows, DEFAULT_SORT, ['Read only', 'Unreachable', 'Expiring', 'New', 'Fine']);
  });

  it('sorts last known statuses (not read this session yet, or whose read failed) among live ones by the state they show', () => {
    const lastKnown = (at: string) => ({ statusSource: 'last_known', statusReadAt: at }) as const;
    const rows = [
      fleetRow('Fine now'),
      fleetRow('Was read only', { state: 'critical', status: 'read_only', ...lastKnown('2026-11-28T09:00:00.000Z') }),
      fleetRow('Was fine', lastKnown('2026-11-28T09:00:00.000Z')),
      fleetRow('Was expiring, now unreachable', {
        state: 'unknown',
        status: 'expiry_soon',
        ...lastKnown('2026-11-28T09:00:00.000Z'),
        lastRefresh: { at: '2026-11-29T09:00:00.000Z', ok: false, error: { code: 'unreachable', message: 'refused' } },
      }),
      fleetRow('Expiring now', { state: 'warning', status: 'expiry_soon', latestValid: '2026-12-05T00:00:00.000Z' }),
      fleetRow('Was expiring', {
        state: 'warning',
        status: 'expiry_soon',
        latestValid: '2026-12-01T00:00:00.000Z',
        ...lastKnown('2026-11-28T09:00:00.000Z'),
      }),
    ];
    expectOrder(rows, DEFAULT_SORT, [
      'Was read only',
      'Was expiring, now unreachable',
      'Was expiring',
      'Expiring now',
      'Fine now',
      'Was fine',
    ]);
  });

  it('within a state: unlicensed first, then the soonest combined expiry; ties by name', () => {
    const rows = [
      fleetRow('Later', { latestValid: '2027-09-01T00:00:00.000Z' }),
      fleetRow('Sooner', { latestValid: '2027-02-01T00:00:00.000Z' }),
      fleetRow('Unlicensed', { status: 'unlicensed', latestValid: null }),
      fleetRow('also sooner', { latestValid: '2027-02-01T00:00:00.000Z' }),
    ];
    expectOrder(rows, DEFAULT_SORT, ['Unlicensed', 'also sooner', 'Sooner', 'Later']);
    expectOrder(rows, desc('status'), ['Later', 'also sooner', 'Sooner', 'Unlicensed']);
  });
});

describe('sorting by a column', () => {
  it('by name: case-insensitive, numbers in names compared as numbers', () => {
    const rows = [fleetRow('site 10'), fleetRow('Site 2'), fleetRow('beta'), fleetRow('Alpha')];
    expectOrder(rows, asc('name'), ['Alpha', 'beta', 'Site 2', 'site 10']);
    expectOrder(rows, desc('name'), ['site 10', 'Site 2', 'beta', 'Alpha']);
  });

  it('by expiry: soonest first; instances without one last, in either direction', () => {
    const rows = [
      fleetRow('June', { latestValid: '2027-06-01T00:00:00.000Z' }),
      fleetRow('None', { latestValid: null }),
      fleetRow('March', { latestValid: '2027-03-01T00:00:00.000Z' }),
    ];
    expectOrder(rows, asc('expiry'), ['March', 'June', 'None']);
    expectOrder(rows, desc('expiry'), ['June', 'March', 'None']);
  });

  it.each([
    ['internal', 'internalUsers'],
    ['external', 'externalUsers'],
  ] as const)(
    'by %s usage: the share of licensed seats in use, users without seats (∞) fullest, unknown last',
    (column, side) => {
      const seats = (used: number, licensed: number) => ({
        usage: { internalUsers: 1, externalUsers: 1, [side]: used },
        licensed: { internalUsers: 100, externalUsers: 100, [side]: licensed },
      });
      const rows = [
        fleetRow('Half', seats(50, 100)),
        fleetRow('Over', seats(12, 10)),
        fleetRow('No seats', seats(3, 0)),
        fleetRow('Empty', seats(0, 0)),
        fleetRow('Unread', { usage: null, licensed: null }),
        fleetRow('Few of many', seats(90, 1000)),
      ];
      expectOrder(rows, desc(column), ['No seats', 'Over', 'Half', 'Few of many', 'Empty', 'Unread']);
      expectOrder(rows, asc(column), ['Empty', 'Few of many', 'Half', 'Over', 'No seats', 'Unread']);
    },
  );

  it('by flags: flagged instances by their flags, unflagged last', () => {
    const rows = [
      fleetRow('Plain'),
      fleetRow('Trial', { flags: ['trial'] }),
      fleetRow('Both', { flags: ['trial', 'non_production'] }),
      fleetRow('Staging', { flags: ['non_production'] }),
    ];
    expectOrder(rows, desc('flags'), ['Trial', 'Both', 'Staging', 'Plain']);
    expectOrder(rows, asc('flags'), ['Staging', 'Both', 'Trial', 'Plain']);
  });

  it('by version: release numbers compared part by part, unknown last', () => {
    const rows = [
      fleetRow('Ten', { version: '2026.10.1' }),
      fleetRow('Five', { version: '2026.5.6' }),
      fleetRow('Old', { version: '2025.12.4' }),
      fleetRow('Unknown', { version: null }),
    ];
    expectOrder(rows, asc('version'), ['Old', 'Five', 'Ten', 'Unknown']);
    expectOrder(rows, desc('version'), ['Ten', 'Five', 'Old', 'Unknown']);
  });

  it('by last refresh: the longest ago first, never refreshed last', () => {
    const at = (iso: string) => ({ lastRefresh: { at: iso, ok: true, error: null } });
    const rows = [
      fleetRow('Morning', at('2026-11-29T08:00:00.000Z')),
      fleetRow('Never', { lastRefresh: null }),
      fleetRow('Yesterday', at('2026-11-28T12:00:00.000Z')),
    ];
    expectOrder(rows, asc('refreshed'), ['Yesterday', 'Morning', 'Never']);
    expectOrder(rows, desc('refreshed'), ['Morning', 'Yesterday', 'Never']);
  });

  it.each(SORT_COLUMNS)(
    'by %s: equal rows keep one order, by name and then id, whatever order they came in',
    (column) => {
      const twins = [fleetRow('Twin'), fleetRow('Twin'), fleetRow('Twin')];
      const rows = [...twins, fleetRow('Another')];
      for (const direction of ['asc', 'desc'] as const) {
        const orders = permutations(rows).map((order) => sortRows(order, { column, direction }).map((row) => row.id));
        expect(new Set(orders.map((ids) => ids.join()))).toHaveProperty('size', 1);
        const twinIds = (orders[0] ?? []).filter((id) => twins.some((twin) => twin.id === id));
        expect(twinIds).toEqual(twins.map((twin) => twin.id));
      }
    },
  );

  it('leaves the rows it was given as they were', () => {
    const rows = [fleetRow('B'), fleetRow('A')];
    const copy = [...rows];
    expect(namesOf(sortRows(rows, asc('name')))).toEqual(['A', 'B']);
    expect(rows).toEqual(copy);
  });
});

describe('a click on a column header', () => {
  it('flips the column already sorted by', () => {
    expect(nextSort(asc('name'), 'name')).toEqual(desc('name'));
    expect(nextSort(desc('name'), 'name')).toEqual(asc('name'));
  });

  it('starts another column in the order people want first: fullest and most flagged first; else ascending', () => {
    expect(
      Object.fromEntries(SORT_COLUMNS.map((column) => [column, nextSort(DEFAULT_SORT, column).direction])),
    ).toEqual({
      name: 'asc',
      status: 'desc',
      expiry: 'asc',
      internal: 'desc',
      external: 'desc',
      flags: 'desc',
      version: 'asc',
      refreshed: 'asc',
    });
  });
});
