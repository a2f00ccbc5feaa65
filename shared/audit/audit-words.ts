import type { AuditTarget } from './audit-entry';

/** What an entry acted on, in one line: the instance, then whatever else the entry names. */
export function targetSummary(target: AuditTarget): string {
  const parts: string[] = [];
  if (target.instance !== undefined)
    parts.push(
      target.instance.name === null ? target.instance.url : `"${target.instance.name}" (${target.instance.url})`,
    );
  if (target.license_name !== undefined || target.license !== undefined)
    parts.push(`license ${target.license_name === undefined ? target.license : `"${target.license_name}"`}`);
  if (target.organization_name !== undefined || target.organization !== undefined)
    parts.push(
      `organization ${target.organization_name === undefined ? target.organization : `"${target.organization_name}"`}`,
    );
  if (target.portal_license !== undefined) parts.push(`portal license ${target.portal_license}`);
  if (target.install_id !== undefined) parts.push(`Install ID ${target.install_id}`);
  if (target.email !== undefined) parts.push(target.email);
  if (target.user !== undefined) parts.push(`user ${target.user}`);
  if (target.invitation !== undefined) parts.push(`invitation ${target.invitation}`);
  if (target.role !== undefined) parts.push(`as ${target.role}`);
  if (target.portal !== undefined) parts.push(`at ${target.portal}`);
  return parts.join(', ');
}
