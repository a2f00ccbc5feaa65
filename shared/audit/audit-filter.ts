import { z } from 'zod';
import type { AuditActor, AuditLine, AuditTarget } from './audit-entry';

/** The Audit screen's filters; the export applies the same ones, so the file holds what the screen shows. */
export const auditFiltersSchema = z.object({
  action: z.string().nullable(),
  /** An instance as `instanceLabel` names it. */
  instance: z.string().nullable(),
  /** An actor as `actorLabel` names it. */
  actor: z.string().nullable(),
  /** From this instant on (inclusive). */
  from: z.iso.datetime().nullable(),
  /** Before this instant (exclusive). */
  until: z.iso.datetime().nullable(),
});
export type AuditFilters = z.infer<typeof auditFiltersSchema>;

export const NO_AUDIT_FILTERS: AuditFilters = { action: null, instance: null, actor: null, from: null, until: null };

/** An instance's name, or its address when it has none (`aklm install --url`). */
export function instanceLabel(target: AuditTarget): string | null {
  if (target.instance === undefined) return null;
  return target.instance.name ?? target.instance.url;
}

/** Who, with where the name comes from: a portal account, or the computer's user. */
export function actorLabel(actor: AuditActor): string {
  return actor.kind === 'portal' ? `${actor.name} (portal)` : `${actor.name} (this computer)`;
}

export function hasAuditFilters(filters: AuditFilters): boolean {
  return Object.values(filters).some((value) => value !== null);
}

/** Whether a line passes every filter; a line that is no entry passes only when nothing is filtered, so damage is never hidden by default. */
export function auditLineMatches({ entry }: AuditLine, filters: AuditFilters): boolean {
  if (entry === null) return !hasAuditFilters(filters);
  const at = Date.parse(entry.time);
  if (filters.action !== null && entry.action !== filters.action) return false;
  if (filters.instance !== null && instanceLabel(entry.target) !== filters.instance) return false;
  if (filters.actor !== null && actorLabel(entry.actor) !== filters.actor) return false;
  if (filters.from !== null && at < Date.parse(filters.from)) return false;
  if (filters.until !== null && at >= Date.parse(filters.until)) return false;
  return true;
}
