import type { AuditLine } from '../../shared/audit/audit-entry';
import { actorLabel, auditLineMatches, instanceLabel } from '../../shared/audit/audit-filter';
import { auditFiltersOf, type AuditFilterFields, type AuditTrailState } from './audit-trail';
import { memoize } from './memoize';

const NONE: readonly AuditLine[] = [];

const visibleLines = memoize((lines: readonly AuditLine[] | null, fields: AuditFilterFields): readonly AuditLine[] => {
  if (lines === null) return NONE;
  const filters = auditFiltersOf(fields);
  return lines.filter((line) => auditLineMatches(line, filters)).reverse();
});

/** The lines the filters leave, newest first (as main exports them, oldest first). */
export const selectVisibleLines = (state: AuditTrailState): readonly AuditLine[] => visibleLines(state.lines, state.filters);

export interface AuditChoices {
  actions: string[];
  instances: string[];
  actors: string[];
}

const sorted = (values: Iterable<string>): string[] => [...new Set(values)].sort((a, b) => a.localeCompare(b));

const choices = memoize((lines: readonly AuditLine[] | null): AuditChoices => {
  const entries = (lines ?? NONE).flatMap(({ entry }) => (entry === null ? [] : [entry]));
  return {
    actions: sorted(entries.map((entry) => entry.action)),
    instances: sorted(entries.flatMap((entry) => instanceLabel(entry.target) ?? [])),
    actors: sorted(entries.map((entry) => actorLabel(entry.actor))),
  };
});

/** What the filters offer: the actions, instances and actors the trail holds. */
export const selectAuditChoices = (state: AuditTrailState): AuditChoices => choices(state.lines);

/** Whether the chain needs the person's attention: altered, not checkable, or an outcome left unrecorded. */
export const selectAuditAttention = (state: AuditTrailState): boolean =>
  state.unrecorded.length > 0 || state.statusProblem !== null || (state.verification !== null && state.verification.state !== 'intact');
