import { describe, expect, it } from 'vitest';
import {
  filterChoices,
  hasFilters,
  NO_FILTERS,
  rowFilter,
  WITHOUT_CUSTOMER,
  type FilterState,
} from '../../../renderer/store/instance-filter';
import { fleetRow, namesOf } from './instance-rows';

const rows = [
  fleetRow('Acme production', { customer: 'Acme', tags: ['eu', 'gold'], url: 'https://auth.acme.example' }),
  fleetRow('Acme staging', {
    customer: 'Acme',
    tags: ['eu'],
    flags: ['non_production'],
    state: 'warning',
    status: 'expiry_soon',
  }),
  fleetRow('Globex', { customer: 'Globex', tags: ['us'], state: 'critical', status: 'read_only' }),
  fleetRow('Lab', {
    customer: null,
    tags: [],
    state: 'unknown',
    status: null,
    lastRefresh: { at: '2026-11-29T09:00:00.000Z', ok: false, error: { code: 'unreachable', message: 'refused' } },
  }),
  fleetRow('Fresh', {
    customer: '',
    state: 'never',
    status: null,
    statusCached: null,
    lastRefresh: null,
    installId: null,
  }),
  fleetRow('Odd', { state: 'unknown', status: 'some_future_status' }),
];

const shown = (filters: Partial<FilterState>): string[] =>
  namesOf(rows.filter(rowFilter({ ...NO_FILTERS, ...filters })));

describe('the dashboard filters', () => {
  it('show every instance when none is set', () => {
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(shown({})).toEqual(namesOf(rows));
    expect(hasFilters({ ...NO_FILTERS, text: '   ' })).toBe(false);
  });

  it('search name, URL, customer, tags and Install ID, ignoring case; every word must match', () => {
    expect(shown({ text: 'ACME' })).toEqual(['Acme production', 'Acme staging']);
    expect(shown({ text: 'acme  gold' })).toEqual(['Acme production']);
    expect(shown({ text: 'auth.acme.example' })).toEqual(['Acme production']);
    expect(shown({ text: 'us' })).toEqual(['Globex']);
    expect(shown({ text: rows[2]?.installId?.toUpperCase() })).toEqual(['Globex']);
    expect(shown({ text: 'acme us' })).toEqual([]);
    expect(hasFilters({ ...NO_FILTERS, text: 'acme' })).toBe(true);
  });

  it('by customer: one customer, or the instances without one (none or empty)', () => {
    expect(shown({ customer: 'Acme' })).toEqual(['Acme production', 'Acme staging']);
    expect(shown({ customer: WITHOUT_CUSTOMER })).toEqual(['Lab', 'Fresh', 'Odd']);
    // A customer is matched whole: no "Acm" for "Acme".
    expect(shown({ customer: 'Acm' })).toEqual([]);
  });

  it('by tag: the instances carrying it', () => {
    expect(shown({ tag: 'eu' })).toEqual(['Acme production', 'Acme staging']);
    expect(shown({ tag: 'gold' })).toEqual(['Acme production']);
    expect(shown({ tag: 'e' })).toEqual([]);
  });

  it('by monitoring state', () => {
    expect(shown({ status: 'state:critical' })).toEqual(['Globex']);
    expect(shown({ status: 'state:warning' })).toEqual(['Acme staging']);
    expect(shown({ status: 'state:unknown' })).toEqual(['Lab', 'Odd']);
    expect(shown({ status: 'state:ok' })).toEqual(['Acme production']);
  });

  it('by authentik’s status: its own values, "unknown" for a failed read or a value it does not define, "never" before a first read', () => {
    expect(shown({ status: 'status:read_only' })).toEqual(['Globex']);
    expect(shown({ status: 'status:expiry_soon' })).toEqual(['Acme staging']);
    expect(shown({ status: 'status:valid' })).toEqual(['Acme production']);
    expect(shown({ status: 'status:unknown' })).toEqual(['Lab', 'Odd']);
    expect(shown({ status: 'status:never' })).toEqual(['Fresh']);
  });

  it('combine: every filter set must match', () => {
    expect(shown({ customer: 'Acme', tag: 'eu', status: 'state:warning' })).toEqual(['Acme staging']);
    expect(shown({ customer: 'Acme', tag: 'us' })).toEqual([]);
    expect(shown({ text: 'staging', status: 'status:valid' })).toEqual([]);
  });
});

describe('the choices of the customer and tag selects', () => {
  it('are the distinct customers and tags, sorted, and say whether any instance has no customer', () => {
    const extra = [...rows, fleetRow('acme eu 2', { customer: 'acme lab', tags: ['Platinum', 'eu'] })];
    expect(filterChoices(extra)).toEqual({
      customers: ['Acme', 'acme lab', 'Globex'],
      tags: ['eu', 'gold', 'Platinum', 'us'],
      anyWithoutCustomer: true,
    });
    expect(filterChoices(rows.slice(0, 3)).anyWithoutCustomer).toBe(false);
  });
});
