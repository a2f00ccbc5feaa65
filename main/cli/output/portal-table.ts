import type { License } from '../../../shared/portal/schemas/licenses';
import type { Organization } from '../../../shared/portal/schemas/organizations';
import { terminalSafeLine } from './terminal-safe';

/** Rows under a header, each column as wide as its widest cell, two spaces apart; no trailing blanks. */
function table(header: readonly string[], cells: readonly (readonly string[])[]): string {
  // The portal's text is made safe first, so the columns are as wide as what is shown.
  const rows = cells.map((row) => row.map(terminalSafeLine));
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return `${[header, ...rows].map(line).join('\n')}\n`;
}

/** `aklm portal orgs`: one line per organization. */
export function organizationsTable(organizations: readonly Organization[]): string {
  if (organizations.length === 0) return 'You belong to no organization yet; create one in the customer portal.\n';
  return table(
    ['ID', 'NAME', 'ROLE', 'NOTIFICATION E-MAIL'],
    organizations.map((organization) => [
      organization.id,
      organization.name,
      organization.role,
      organization.notification_email,
    ]),
  );
}

/** `aklm portal licenses`: one line per license, never a key (the fingerprint identifies it). */
export function licensesTable(licenses: readonly License[]): string {
  if (licenses.length === 0) return 'This organization has no licenses yet.\n';
  return table(
    ['ID', 'NICKNAME', 'STATUS', 'INSTALL ID', 'INTERNAL', 'EXTERNAL', 'EXPIRES (UTC)', 'FINGERPRINT'],
    licenses.map((license) => [
      license.id,
      license.nickname,
      license.status,
      license.install_id,
      String(license.internal_users),
      String(license.external_users),
      license.expires_at ?? '-',
      license.key_fingerprint ?? '-',
    ]),
  );
}
