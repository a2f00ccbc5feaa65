import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AuditLine, AuditVerification } from '../../shared/audit/audit-entry';
import { NO_AUDIT_FILTERS, type AuditFilters } from '../../shared/audit/audit-filter';
import type { Api } from '../../shared/ipc/api';
import { saveTextFile } from './save-file';

/** The filters as the screen holds them: days as the date fields give them (`YYYY-MM-DD`, this computer's days), '' for none. */
export interface AuditFilterFields {
  action: string | null;
  instance: string | null;
  actor: string | null;
  fromDay: string;
  untilDay: string;
}

export const NO_FILTER_FIELDS: AuditFilterFields = { action: null, instance: null, actor: null, fromDay: '', untilDay: '' };

/** The start of a local day as an instant; null for no day. */
function dayStart(day: string, plusDays = 0): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (match === null) return null;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + plusDays).toISOString();
}

/** The filters main applies to an export: whole local days, the last one included. */
export function auditFiltersOf(fields: AuditFilterFields): AuditFilters {
  return { ...NO_AUDIT_FILTERS, action: fields.action, instance: fields.instance, actor: fields.actor, from: dayStart(fields.fromDay), until: dayStart(fields.untilDay, 1) };
}

export interface AuditTrailState {
  /** The chain as main last checked it; null before the first answer. */
  verification: AuditVerification | null;
  /** Outcomes this session could not record, in words. */
  unrecorded: string[];
  /** Why the chain could not be asked about, in words. */
  statusProblem: string | null;
  /** Every line of the file, oldest first; null until the Audit screen has listed them. */
  lines: AuditLine[] | null;
  listProblem: string | null;
  filters: AuditFilterFields;
  notice: string | null;
  problem: string | null;

  statusRequested(): Promise<void>;
  listRequested(): Promise<void>;
  /** Something was done (an instance or the portal changed) or an outcome went unrecorded: check again, and list again if listed. */
  trailChanged(): Promise<void>;
  filterChanged(patch: Partial<AuditFilterFields>): void;
  filtersCleared(): void;
  exportRequested(format: 'jsonl' | 'csv'): Promise<void>;
}

export type AuditTrailStore = StoreApi<AuditTrailState>;

/** The audit trail: its chain checked at start, and listed, filtered and exported on the Audit screen. */
export function createAuditTrailStore({ client }: { client: Api }): AuditTrailStore {
  return createStore<AuditTrailState>()((set, get) => {
    // Only the newest answer counts: checks and lists can overlap when actions follow each other.
    let asking = 0;
    let listing = 0;
    return {
      verification: null,
      unrecorded: [],
      statusProblem: null,
      lines: null,
      listProblem: null,
      filters: NO_FILTER_FIELDS,
      notice: null,
      problem: null,

      async statusRequested() {
        const current = ++asking;
        const result = await client.invoke('audit:verify', {});
        if (current !== asking) return;
        if (result.ok) set({ verification: result.value.verification, unrecorded: result.value.unrecorded, statusProblem: null });
        else set({ statusProblem: result.error.message });
      },

      async listRequested() {
        const current = ++listing;
        ++asking;
        const result = await client.invoke('audit:list', {});
        if (current !== listing) return;
        if (!result.ok) {
          set({ listProblem: result.error.message });
          return;
        }
        const { verification, unrecorded, lines } = result.value;
        set({ verification, unrecorded, lines, listProblem: null, statusProblem: null });
      },

      async trailChanged() {
        await (get().lines === null ? get().statusRequested() : get().listRequested());
      },

      filterChanged: (patch) => set((state) => ({ filters: { ...state.filters, ...patch } })),
      filtersCleared: () => set({ filters: NO_FILTER_FIELDS }),

      async exportRequested(format) {
        set({ problem: null, notice: null });
        const result = await client.invoke('audit:export', { format, filters: auditFiltersOf(get().filters) });
        if (!result.ok) {
          set({ problem: `Export failed: ${result.error.message}` });
          return;
        }
        saveTextFile(result.value);
        set({ notice: `Exported the audit trail as ${result.value.fileName}.` });
      },
    };
  });
}
