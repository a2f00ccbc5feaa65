import { describe, expect, it } from 'vitest';
import { fleetItems } from '../../../renderer/features/dashboard/grouping';
import { fleetRow } from './instance-rows';

const NOW = Date.parse('2026-11-29T10:00:00.000Z');
const rows = [
  fleetRow('Zeta prod', { customer: 'Zeta', latestValid: '2027-03-01T00:00:00.000Z' }),
  fleetRow('Loner', { customer: null }),
  fleetRow('Acme lab', {
    customer: 'Acme',
    state: 'critical',
    status: 'read_only',
    latestValid: '2027-02-01T00:00:00.000Z',
  }),
  fleetRow('Acme prod', { customer: 'Acme', state: 'warning', latestValid: '2026-12-10T00:00:00.000Z' }),
  fleetRow('Blank', { customer: '' }),
];

const lines = (grouped: boolean) =>
  fleetItems(rows, grouped, NOW).map((item) => (item.kind === 'row' ? item.row.name : `# ${item.customer ?? '—'}`));

describe('grouping the fleet by customer', () => {
  it('leaves the rows as they are when not grouped', () => {
    expect(lines(false)).toEqual(['Zeta prod', 'Loner', 'Acme lab', 'Acme prod', 'Blank']);
  });

  it('puts customers by name, "No customer" last, each row in the order it came (the sort)', () => {
    expect(lines(true)).toEqual(['# Acme', 'Acme lab', 'Acme prod', '# Zeta', 'Zeta prod', '# —', 'Loner', 'Blank']);
  });

  it('rolls up each group: count, worst health, critical and warning counts, nearest expiry', () => {
    const groups = fleetItems(rows, true, NOW).filter((item) => item.kind === 'group');
    expect(groups).toEqual([
      {
        kind: 'group',
        customer: 'Acme',
        count: 2,
        worst: 'critical',
        critical: 1,
        warning: 1,
        nearestExpiry: '2026-12-10T00:00:00.000Z',
      },
      {
        kind: 'group',
        customer: 'Zeta',
        count: 1,
        worst: 'ok',
        critical: 0,
        warning: 0,
        nearestExpiry: '2027-03-01T00:00:00.000Z',
      },
      {
        kind: 'group',
        customer: null,
        count: 2,
        worst: 'ok',
        critical: 0,
        warning: 0,
        nearestExpiry: '2027-06-01T00:00:00.000Z',
      },
    ]);
  });
});
