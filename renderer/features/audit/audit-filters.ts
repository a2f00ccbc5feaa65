import { create } from 'zustand';
import { NO_AUDIT_FILTERS, type AuditFilters } from '../../../shared/audit/audit-filter';

/** The filters as the screen holds them: days as the date fields give them (`YYYY-MM-DD`, this computer's days), '' for none. */
export interface AuditFilterFields {
  action: string | null;
  instance: string | null;
  actor: string | null;
  fromDay: string;
  untilDay: string;
}

export const NO_FILTER_FIELDS: AuditFilterFields = {
  action: null,
  instance: null,
  actor: null,
  fromDay: '',
  untilDay: '',
};

/** The start of a local day as an instant; null for no day. */
function dayStart(day: string, plusDays = 0): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (match === null) return null;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + plusDays).toISOString();
}

/** The filters main applies to an export, and the page to the list: whole local days, the last one included. */
export function auditFiltersOf(fields: AuditFilterFields): AuditFilters {
  return {
    ...NO_AUDIT_FILTERS,
    action: fields.action,
    instance: fields.instance,
    actor: fields.actor,
    from: dayStart(fields.fromDay),
    until: dayStart(fields.untilDay, 1),
  };
}

/** The Audit screen's filters: the screen's alone, kept while the person looks at other screens. */
export interface AuditFiltersState {
  filters: AuditFilterFields;
  filterChanged(patch: Partial<AuditFilterFields>): void;
  filtersCleared(): void;
}

export const useAuditFilters = create<AuditFiltersState>()((set) => ({
  filters: NO_FILTER_FIELDS,
  filterChanged: (patch) => set((state) => ({ filters: { ...state.filters, ...patch } })),
  filtersCleared: () => set({ filters: NO_FILTER_FIELDS }),
}));
