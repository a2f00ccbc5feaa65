import type { AuditLine } from '../../shared/audit/audit-entry';
import { auditLineMatches, type AuditFilters } from '../../shared/audit/audit-filter';
import { csvText } from '../export/csv';

const COLUMNS = [
  'line',
  'time',
  'actor_kind',
  'actor',
  'action',
  'result',
  'instance',
  'instance_id',
  'instance_url',
  'license',
  'license_name',
  'portal',
  'organization',
  'organization_name',
  'portal_license',
  'install_id',
  'email',
  'user',
  'invitation',
  'role',
  'fingerprint',
  'detail',
  'op',
  'prev',
] as const;

type Row = Record<(typeof COLUMNS)[number], string | number | null>;

function row({ line, entry }: AuditLine): Row {
  const target = entry?.target ?? {};
  return {
    line,
    time: entry?.time ?? null,
    actor_kind: entry?.actor.kind ?? null,
    actor: entry?.actor.name ?? null,
    action: entry?.action ?? null,
    result: entry?.result ?? null,
    instance: target.instance?.name ?? null,
    instance_id: target.instance?.id ?? null,
    instance_url: target.instance?.url ?? null,
    license: target.license ?? null,
    license_name: target.license_name ?? null,
    portal: target.portal ?? null,
    organization: target.organization ?? null,
    organization_name: target.organization_name ?? null,
    portal_license: target.portal_license ?? null,
    install_id: target.install_id ?? null,
    email: target.email ?? null,
    user: target.user ?? null,
    invitation: target.invitation ?? null,
    role: target.role ?? null,
    fingerprint: entry?.fingerprint ?? null,
    // A line that is no entry has no fields for the columns; the JSON Lines export keeps its text.
    detail: entry === null ? 'not an entry (damaged, or not written by this app)' : entry.detail,
    op: entry?.op ?? null,
    prev: entry?.prev ?? null,
  };
}

/**
 * The lines the filters leave: as JSON Lines, each exactly as written (so each entry's own fields and
 * `prev` can be checked against the file), or as formula-safe CSV with one column per field.
 */
export function exportAudit(
  raw: readonly string[],
  lines: readonly AuditLine[],
  format: 'jsonl' | 'csv',
  filters: AuditFilters,
  now: Date,
): { fileName: string; mimeType: string; content: string } {
  const chosen = lines.filter((line) => auditLineMatches(line, filters));
  const stamp = now.toISOString().slice(0, 10);
  if (format === 'csv')
    return {
      fileName: `authentik-audit-${stamp}.csv`,
      mimeType: 'text/csv',
      content: csvText(COLUMNS, chosen.map(row)),
    };
  const content = chosen.map(({ line }) => `${raw[line - 1] ?? ''}\n`).join('');
  return { fileName: `authentik-audit-${stamp}.jsonl`, mimeType: 'application/jsonl', content };
}
