import { create } from 'zustand';
import type { EventPayload } from '../../../shared/ipc/contract';
import { NO_FILTERS, type FilterState } from '../../store/instance-filter';
import { EMPTY_INSTANCE_FORM, type InstanceForm } from '../../store/instance-form';
import type { TriageChip } from './health';
import { DEFAULT_SORT, nextSort, type SortColumn, type SortDirection, type SortState } from '../../store/instance-sort';

export type RefreshProgress = EventPayload<'instances:refresh-progress'>;

/** The outcome of the last dashboard action: a notice, announced politely, or a problem, announced at once. */
export type DashboardOutcome = { tone: 'notice' | 'problem'; text: string } | null;

/** The Add instance dialog, as a union so a closed dialog holds no form (the typed token leaves memory with it). */
export type AddDialog =
  { open: false } | { open: true; form: InstanceForm; attempted: boolean; caFileName: string | null };

/** What the dashboard holds for the screen alone; the instances and the vault audit are queries. */
export interface DashboardScreenState {
  sort: SortState;
  filters: FilterState;
  /** The summary strip's chip that filters the table, or null. */
  chip: TriageChip | null;
  /** The instances ticked for a bulk action (ids). */
  selected: readonly string[];
  /** The table grouped by customer, each group under a header row with its roll-up. */
  grouped: boolean;
  outcome: DashboardOutcome;
  /** "Refresh all" as main reports it (`instances:refresh-progress`); null when none is running. */
  progress: RefreshProgress | null;
  /** The first opening of a session also reads every instance; later ones do not. */
  autoRefreshed: boolean;
  /** Data folder repairs the person has read and dismissed (main tells them with every list). */
  dismissedDataNotices: readonly string[];
  add: AddDialog;
  /** The instance the remove confirmation asks about. */
  removalId: string | null;
  /** The vault findings the person dismissed: the notice stays hidden until they change. */
  dismissedVaultFindings: string | null;
  orphansDialogOpen: boolean;
  /** The outcome of the last deletion of orphaned tokens. */
  vaultNotice: string | null;

  sortChanged(column: SortColumn, direction?: SortDirection): void;
  filterChanged(change: Partial<FilterState>): void;
  filtersCleared(): void;
  /** Presses a chip, or releases the one pressed. */
  chipToggled(chip: TriageChip): void;
  selectionChanged(ids: readonly string[], selected: boolean): void;
  selectionCleared(): void;
  groupingToggled(): void;
  outcomeShown(outcome: DashboardOutcome): void;
  refreshStarted(total: number): void;
  refreshProgressed(progress: RefreshProgress): void;
  refreshEnded(): void;
  autoRefreshDone(): void;
  dataNoticesDismissed(notices: readonly string[]): void;
  addDialogOpened(): void;
  addDialogClosed(): void;
  addFormEdited(change: Partial<InstanceForm>): void;
  /** A chosen file's PEM, read while the dialog stayed open, goes into the form with the file's name. */
  addCaFileRead(pem: string, fileName: string): void;
  addAttempted(): void;
  removeDialogOpened(id: string): void;
  removeDialogClosed(): void;
  vaultFindingsDismissed(findings: string): void;
  orphansDialogOpened(): void;
  orphansDialogClosed(): void;
  vaultNoticeShown(notice: string | null): void;
}

const CLOSED: AddDialog = { open: false };

export const useDashboardScreen = create<DashboardScreenState>()((set) => {
  const editAdd = (
    change: (add: Extract<AddDialog, { open: true }>) => Partial<Extract<AddDialog, { open: true }>>,
  ): void => set((state) => (state.add.open ? { add: { ...state.add, ...change(state.add) } } : {}));
  return {
    sort: DEFAULT_SORT,
    filters: NO_FILTERS,
    chip: null,
    selected: [],
    grouped: false,
    outcome: null,
    progress: null,
    autoRefreshed: false,
    dismissedDataNotices: [],
    add: CLOSED,
    removalId: null,
    dismissedVaultFindings: null,
    orphansDialogOpen: false,
    vaultNotice: null,

    sortChanged: (column, direction) =>
      set((state) => ({ sort: direction === undefined ? nextSort(state.sort, column) : { column, direction } })),
    filterChanged: (change) => set((state) => ({ filters: { ...state.filters, ...change } })),
    filtersCleared: () => set({ filters: NO_FILTERS, chip: null }),
    chipToggled: (chip) => set((state) => ({ chip: state.chip === chip ? null : chip })),
    selectionChanged: (ids, selected) =>
      set((state) => {
        const rest = state.selected.filter((id) => !ids.includes(id));
        return { selected: selected ? [...rest, ...ids] : rest };
      }),
    selectionCleared: () => set({ selected: [] }),
    groupingToggled: () => set((state) => ({ grouped: !state.grouped })),
    outcomeShown: (outcome) => set({ outcome }),
    refreshStarted: (total) => set({ progress: { done: 0, total }, outcome: null }),
    // Progress after "Refresh all" answered (a late event) is not shown: nothing is running.
    refreshProgressed: (progress) => set((state) => (state.progress === null ? {} : { progress })),
    refreshEnded: () => set({ progress: null }),
    autoRefreshDone: () => set({ autoRefreshed: true }),
    dataNoticesDismissed: (notices) =>
      set((state) => ({ dismissedDataNotices: [...state.dismissedDataNotices, ...notices] })),

    addDialogOpened: () => set({ add: { open: true, form: EMPTY_INSTANCE_FORM, attempted: false, caFileName: null } }),
    addDialogClosed: () => set({ add: CLOSED }),
    addFormEdited: (change) =>
      editAdd((add) => ({
        form: { ...add.form, ...change },
        ...(change.caPem === undefined ? {} : { caFileName: null }),
      })),
    addCaFileRead: (pem, fileName) => editAdd((add) => ({ form: { ...add.form, caPem: pem }, caFileName: fileName })),
    addAttempted: () => editAdd(() => ({ attempted: true })),

    removeDialogOpened: (id) => set({ removalId: id }),
    removeDialogClosed: () => set({ removalId: null }),

    vaultFindingsDismissed: (findings) => set({ dismissedVaultFindings: findings, vaultNotice: null }),
    orphansDialogOpened: () => set({ orphansDialogOpen: true }),
    orphansDialogClosed: () => set({ orphansDialogOpen: false }),
    vaultNoticeShown: (vaultNotice) => set({ vaultNotice }),
  };
});

/** The first state, for tests: each starts from a dashboard never opened. */
export const INITIAL_DASHBOARD_SCREEN = useDashboardScreen.getInitialState();

/*
 * For code outside React that has something to tell the dashboard (main's progress events in
 * renderer/ipc/events.ts; the stores not yet migrated, after an install or an edit).
 */
export const dashboardRefreshProgressed = (progress: RefreshProgress): void =>
  useDashboardScreen.setState((state) => (state.progress === null ? {} : { progress }));
export const dashboardNoticeShown = (text: string): void =>
  useDashboardScreen.setState({ outcome: { tone: 'notice', text } });
