import { createStore, type StoreApi } from 'zustand/vanilla';
import type { InstanceRow } from '../../shared/instances/instance-row';
import type { Api } from '../../shared/ipc/api';
import type { EventPayload } from '../../shared/ipc/contract';
import { createCaReader, type CaView } from './ca-reader';
import { NO_FILTERS, type FilterState } from './instance-filter';
import { addRequestOf, EMPTY_INSTANCE_FORM, type InstanceForm } from './instance-form';
import { selectAddFormProblemsNow } from './instance-selectors';
import { DEFAULT_SORT, nextSort, type SortColumn, type SortDirection, type SortState } from './instance-sort';
import { mergeRows, reconcileRows } from './reconcile-rows';
import { saveTextFile } from './save-file';

export type RefreshProgress = EventPayload<'instances:refresh-progress'>;

export interface InstancesState {
  rows: InstanceRow[];
  /** True once the first list has answered, with rows or a problem. */
  listed: boolean;
  listProblem: string | null;
  /** What main repaired in the data folder (a damaged settings file set aside, its last good copy restored), until dismissed. */
  dataNotices: readonly string[];
  refreshingAll: boolean;
  /** Progress of "Refresh all" as main reports it; null when none is running. */
  progress: RefreshProgress | null;
  refreshingIds: readonly string[];
  sort: SortState;
  filters: FilterState;
  /** The outcome of the last dashboard action, announced politely. */
  notice: string | null;
  /** A dashboard action that failed (not one instance's refresh: those show on their rows). */
  problem: string | null;

  addDialogOpen: boolean;
  addForm: InstanceForm;
  /** Field problems show once "Test and save" was pressed. */
  addAttempted: boolean;
  addTesting: boolean;
  /** Why main refused the instance (the connection test, a duplicate, the token vault), in its words. */
  addProblem: string | null;
  caFileName: string | null;
  ca: CaView;

  /** The instance the remove confirmation asks about. */
  removalId: string | null;
  removing: boolean;
  removeProblem: string | null;

  dashboardOpened(): Promise<void>;
  /** Another screen (an instance's page) needs the list, without the dashboard's first refresh. */
  instancesNeeded(): Promise<void>;
  instancesChanged(): Promise<void>;
  dataNoticesDismissed(): void;
  refreshProgressed(progress: RefreshProgress): void;
  refreshAllRequested(): Promise<void>;
  refreshRequested(id: string): Promise<void>;
  sortChanged(column: SortColumn, direction?: SortDirection): void;
  filterChanged(change: Partial<FilterState>): void;
  filtersCleared(): void;
  addDialogOpened(): void;
  addDialogClosed(): void;
  addFormEdited(change: Partial<InstanceForm>): void;
  caFileChosen(file: File): Promise<void>;
  instanceAddRequested(form?: InstanceForm): Promise<void>;
  removeDialogOpened(id: string): void;
  removeDialogClosed(): void;
  instanceRemoveRequested(id?: string): Promise<void>;
  exportRequested(format: 'csv' | 'json'): Promise<void>;
  /**
   * A dialog or the instance page changed an instance (install, edit, license deleted, read): its row as
   * main now has it, and a notice for the dashboard when there is one to give.
   */
  instanceAnswered(instance: InstanceRow | null, notice: string | null): void;
}

export type InstancesStore = StoreApi<InstancesState>;

const CLOSED_ADD_DIALOG = {
  addDialogOpen: false,
  addForm: EMPTY_INSTANCE_FORM,
  addAttempted: false,
  addTesting: false,
  addProblem: null,
  caFileName: null,
  ca: { status: 'none' },
} satisfies Partial<InstancesState>;

function plural(count: number, noun: string): string {
  return `${count.toLocaleString()} ${noun}${count === 1 ? '' : 's'}`;
}

/** The rows with this one replaced, or added when the list is known and lacks it (saved elsewhere meanwhile). */
function withRow(rows: InstanceRow[], instance: InstanceRow, listed: boolean): InstanceRow[] {
  if (rows.some((row) => row.id === instance.id)) return mergeRows(rows, [instance]);
  return listed ? [...rows, instance] : rows;
}

function nameOf(rows: readonly InstanceRow[], id: string): string {
  return rows.find((row) => row.id === id)?.name ?? 'The instance';
}

/** The fleet dashboard's state; every action talks to main through `client` only. */
export function createInstancesStore({ client }: { client: Api }): InstancesStore {
  return createStore<InstancesState>()((set, get) => {
    let listing: Promise<void> | null = null;
    let listAgain = false;
    let autoRefreshed = false;
    // Main tells every repair of the session with each list; the person has read those dismissed.
    const dismissed = new Set<string>();
    const caReader = createCaReader((ca) => set({ ca }));

    /** Lists the instances; `fresh` asks for an answer newer than any list already in flight. */
    function list(fresh: boolean): Promise<void> {
      if (listing !== null) {
        listAgain ||= fresh;
        return listing;
      }
      listing = (async () => {
        do {
          listAgain = false;
          const result = await client.invoke('instances:list', {});
          if (result.ok) {
            const dataNotices = result.value.dataNotices.filter((notice) => !dismissed.has(notice));
            set((state) => ({ rows: reconcileRows(state.rows, result.value.instances), listed: true, listProblem: null, dataNotices }));
          } else set({ listed: true, listProblem: result.error.message });
        } while (listAgain);
      })().finally(() => {
        listing = null;
      });
      return listing;
    }

    return {
      rows: [],
      listed: false,
      listProblem: null,
      dataNotices: [],
      refreshingAll: false,
      progress: null,
      refreshingIds: [],
      sort: DEFAULT_SORT,
      filters: NO_FILTERS,
      notice: null,
      problem: null,
      ...CLOSED_ADD_DIALOG,
      removalId: null,
      removing: false,
      removeProblem: null,

      async dashboardOpened() {
        await list(false);
        // The first time the dashboard opens in a session it also reads every instance.
        if (autoRefreshed || get().rows.length === 0) return;
        autoRefreshed = true;
        await get().refreshAllRequested();
      },

      instancesNeeded: () => (get().listed ? Promise.resolve() : list(false)),

      instancesChanged: () => list(true),

      dataNoticesDismissed() {
        for (const notice of get().dataNotices) dismissed.add(notice);
        set({ dataNotices: [] });
      },

      refreshProgressed(progress) {
        if (get().refreshingAll) set({ progress });
      },

      async refreshAllRequested() {
        if (get().refreshingAll) return;
        const total = get().rows.length;
        set({ refreshingAll: true, progress: { done: 0, total }, problem: null, notice: null });
        const result = await client.invoke('instances:refresh', { ids: null });
        if (!result.ok) {
          set({ refreshingAll: false, progress: null, problem: `Refresh all failed: ${result.error.message}` });
          return;
        }
        const refreshed = result.value.instances;
        const failed = refreshed.filter((row) => row.lastRefresh !== null && !row.lastRefresh.ok).length;
        set((state) => ({
          rows: mergeRows(state.rows, refreshed),
          refreshingAll: false,
          progress: null,
          notice: `Refreshed ${plural(refreshed.length, 'instance')}${failed > 0 ? `; ${plural(failed, 'instance')} could not be read (the reason is on each row)` : ''}.`,
        }));
      },

      async refreshRequested(id) {
        // "Refresh all" already reads this instance; a second read would only race it.
        if (get().refreshingAll || get().refreshingIds.includes(id)) return;
        const name = nameOf(get().rows, id);
        set((state) => ({ refreshingIds: [...state.refreshingIds, id], problem: null, notice: null }));
        const result = await client.invoke('instances:refresh', { ids: [id] });
        const row = result.ok ? result.value.instances.find((instance) => instance.id === id) : undefined;
        const error = row?.lastRefresh?.error ?? null;
        set((state) => ({
          refreshingIds: state.refreshingIds.filter((refreshing) => refreshing !== id),
          ...(result.ok
            ? { rows: mergeRows(state.rows, result.value.instances), notice: error === null ? `Refreshed ${name}.` : `${name} could not be read: ${error.message}` }
            : { problem: `${name} could not be refreshed: ${result.error.message}` }),
        }));
      },

      sortChanged: (column, direction) => set((state) => ({ sort: direction === undefined ? nextSort(state.sort, column) : { column, direction } })),
      filterChanged: (change) => set((state) => ({ filters: { ...state.filters, ...change } })),
      filtersCleared: () => set({ filters: NO_FILTERS }),

      addDialogOpened: () => set({ ...CLOSED_ADD_DIALOG, addDialogOpen: true }),
      addDialogClosed() {
        caReader.cancelled();
        // The typed token leaves memory with the form.
        set(CLOSED_ADD_DIALOG);
      },

      addFormEdited(change) {
        set((state) => ({ addForm: { ...state.addForm, ...change }, ...(change.caPem === undefined ? {} : { caFileName: null }) }));
        if (change.caPem !== undefined) void caReader.pemChanged(change.caPem);
      },

      async caFileChosen(file) {
        const pem = await caReader.fileChosen(file);
        if (pem === null) return;
        set((state) => ({ addForm: { ...state.addForm, caPem: pem }, caFileName: file.name }));
        await caReader.pemChanged(pem);
      },

      async instanceAddRequested(form = get().addForm) {
        const state = get();
        if (state.addTesting) return;
        set({ addForm: form, addAttempted: true });
        if (Object.keys(selectAddFormProblemsNow(get())).length > 0) return;
        set({ addTesting: true, addProblem: null });
        const result = await client.invoke('instances:add', addRequestOf(form));
        if (!result.ok) {
          set({ addTesting: false, addProblem: result.error.message });
          return;
        }
        const { instance } = result.value;
        caReader.cancelled();
        set((current) => ({
          ...CLOSED_ADD_DIALOG,
          rows: withRow(current.rows, instance, true),
          listed: true,
          notice: `Added ${instance.name}. Its API token is stored in the token vault only.`,
          problem: null,
        }));
      },

      removeDialogOpened: (id) => set({ removalId: id, removing: false, removeProblem: null }),
      removeDialogClosed: () => set({ removalId: null, removing: false, removeProblem: null }),

      async instanceRemoveRequested(id = get().removalId ?? undefined) {
        if (id === undefined || get().removing) return;
        const name = nameOf(get().rows, id);
        set({ removing: true, removeProblem: null });
        const result = await client.invoke('instances:remove', { id });
        if (!result.ok) {
          set({ removing: false, removeProblem: result.error.message });
          return;
        }
        set((state) => ({
          rows: state.rows.filter((row) => row.id !== id),
          refreshingIds: state.refreshingIds.filter((refreshing) => refreshing !== id),
          removalId: state.removalId === id ? null : state.removalId,
          removing: false,
          notice: `Removed ${name} and deleted its API token from the token vault.`,
        }));
      },

      async exportRequested(format) {
        set({ problem: null, notice: null });
        const result = await client.invoke('instances:export', { format });
        if (!result.ok) {
          set({ problem: `Export failed: ${result.error.message}` });
          return;
        }
        saveTextFile(result.value);
        set({ notice: `Exported the instances as ${result.value.fileName}.` });
      },

      instanceAnswered(instance, notice) {
        set((state) => ({
          ...(instance === null ? {} : { rows: withRow(state.rows, instance, state.listed) }),
          ...(notice === null ? {} : { notice, problem: null }),
        }));
      },
    };
  });
}
