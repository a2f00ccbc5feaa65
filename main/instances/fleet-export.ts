import type { InstanceRow } from '../../shared/instances/instance-row';
import { csvText } from '../export/csv';

const COLUMNS = [
  'name',
  'url',
  'customer',
  'tags',
  'state',
  'status',
  'status_cached',
  'status_source',
  'status_read_at',
  'latest_valid',
  'internal_used',
  'internal_licensed',
  'external_used',
  'external_licensed',
  'flags',
  'version',
  'install_id',
  'last_refresh',
  'error',
  'warnings',
] as const;

function record(row: InstanceRow): Record<(typeof COLUMNS)[number], string | number | null> {
  return {
    name: row.name,
    url: row.url,
    customer: row.customer,
    tags: row.tags.join(' '),
    state: row.state,
    status: row.status,
    status_cached: row.statusCached,
    status_source: row.statusSource,
    status_read_at: row.statusReadAt,
    latest_valid: row.latestValid,
    internal_used: row.usage?.internalUsers ?? null,
    internal_licensed: row.licensed?.internalUsers ?? null,
    external_used: row.usage?.externalUsers ?? null,
    external_licensed: row.licensed?.externalUsers ?? null,
    flags: row.flags.join(' '),
    version: row.version,
    install_id: row.installId,
    last_refresh: row.lastRefresh?.at ?? null,
    error: row.lastRefresh?.error?.message ?? null,
    warnings: row.warnings.join(' | '),
  };
}

/**
 * The dashboard as CSV (RFC 4180, formula-safe) or JSON; rows carry no token and no key. `status_source`
 * says whether a row's status was read in this session (`live`), is the last known one saved by an
 * earlier read (`last_known`, read at `status_read_at`), or was never read (`none`).
 */
export function exportFleet(
  rows: readonly InstanceRow[],
  format: 'csv' | 'json',
  now: Date,
): { fileName: string; mimeType: string; content: string } {
  const stamp = now.toISOString().slice(0, 10);
  if (format === 'json') {
    return {
      fileName: `authentik-instances-${stamp}.json`,
      mimeType: 'application/json',
      content: `${JSON.stringify(rows.map(record), null, 2)}\n`,
    };
  }
  return {
    fileName: `authentik-instances-${stamp}.csv`,
    mimeType: 'text/csv',
    content: csvText(COLUMNS, rows.map(record)),
  };
}
