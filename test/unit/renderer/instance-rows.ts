import type { InstanceRow } from '../../../shared/instances/instance-row';

let nextId = 0;

/** A dashboard row: a healthy, refreshed instance unless `fields` say otherwise; each with its own id, counted up. */
export function fleetRow(name: string, fields: Partial<InstanceRow> = {}): InstanceRow {
  nextId += 1;
  return {
    id: `00000000-0000-4000-8000-${String(nextId).padStart(12, '0')}`,
    name,
    url: `https://${name.toLowerCase().replace(/\W+/g, '-')}.example.com`,
    customer: null,
    tags: [],
    allowHttp: false,
    version: '2026.5.6',
    installId: `6b3c8a51-2f4e-4d7a-9c1b-${String(nextId).padStart(12, '0')}`,
    state: 'ok',
    statusSource: 'live',
    statusReadAt: '2026-11-29T09:00:00.000Z',
    status: 'valid',
    statusCached: 'valid',
    latestValid: '2027-06-01T00:00:00.000Z',
    licensed: { internalUsers: 100, externalUsers: 1000 },
    usage: { internalUsers: 10, externalUsers: 10 },
    flags: [],
    warnings: [],
    lastRefresh: { at: '2026-11-29T09:00:00.000Z', ok: true, error: null },
    ...fields,
  };
}

export const namesOf = (rows: readonly InstanceRow[]): string[] => rows.map((row) => row.name);
