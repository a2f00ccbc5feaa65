import type { AuditLine } from '../../../shared/audit/audit-entry';
import { actorLabel, auditLineMatches, instanceLabel } from '../../../shared/audit/audit-filter';
import { auditFiltersOf, type AuditFilterFields } from './audit-filters';

/** The lines the filters leave, newest first (main lists and exports them oldest first). */
export function visibleLines(lines: readonly AuditLine[], fields: AuditFilterFields): AuditLine[] {
  const filters = auditFiltersOf(fields);
  return lines.filter((line) => auditLineMatches(line, filters)).reverse();
}

export interface AuditChoices {
  actions: string[];
  instances: string[];
  actors: string[];
}

const sorted = (values: Iterable<string>): string[] => [...new Set(values)].sort((a, b) => a.localeCompare(b));

/** What the filters offer: the actions, instances and actors the trail holds. */
export function auditChoices(lines: readonly AuditLine[]): AuditChoices {
  const entries = lines.flatMap(({ entry }) => (entry === null ? [] : [entry]));
  return {
    actions: sorted(entries.map((entry) => entry.action)),
    instances: sorted(entries.flatMap((entry) => instanceLabel(entry.target) ?? [])),
    actors: sorted(entries.map((entry) => actorLabel(entry.actor))),
  };
}
