import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Api } from '../../shared/ipc/api';
import { createCaReader, type CaView } from './ca-reader';
import type { InstancePageStore } from './instance-page';
import {
  connectionChanged,
  EMPTY_INSTANCE_FORM,
  formOfInstance,
  instanceFormProblems,
  updateRequestOf,
  withCaProblem,
  type InstanceForm,
  type InstanceFormProblems,
} from './instance-form';
import type { InstancesStore } from './instances';
import type { KeychainAuditStore } from './keychain-audit';
import { memoize } from './memoize';

export interface EditInstanceState {
  /** The instance being edited; null while the dialog is closed. */
  editId: string | null;
  /** The saved settings are on their way (the dialog opened where they were not at hand). */
  editLoading: boolean;
  /** Why the saved settings could not be read, in words. */
  editLoadProblem: string | null;
  /** The instance as saved, to tell what the person changed. */
  saved: InstanceForm;
  form: InstanceForm;
  /** Whether the token vault holds a token for the instance (the token itself never reaches the page). */
  hasToken: boolean;
  /** The other instances' names as saved: a new name must differ from them (ignoring case). */
  takenNames: readonly string[];
  /** Field problems show once Save was pressed. */
  editAttempted: boolean;
  saving: boolean;
  /** Why main refused the change (connection test, token vault, a duplicate name), in its words. */
  saveProblem: string | null;
  caFileName: string | null;
  ca: CaView;

  editDialogOpened(id: string): Promise<void>;
  editDialogClosed(): void;
  editFormEdited(change: Partial<InstanceForm>): void;
  editCaFileChosen(file: File): Promise<void>;
  editSaveRequested(): Promise<void>;
}

export type EditInstanceStore = StoreApi<EditInstanceState>;

const CLOSED = {
  editId: null,
  editLoading: false,
  editLoadProblem: null,
  saved: EMPTY_INSTANCE_FORM,
  form: EMPTY_INSTANCE_FORM,
  hasToken: true,
  takenNames: [],
  editAttempted: false,
  saving: false,
  saveProblem: null,
  caFileName: null,
  ca: { status: 'none' },
} satisfies Partial<EditInstanceState>;

const problems = memoize((form: InstanceForm, takenNames: readonly string[], hasToken: boolean, ca: CaView): InstanceFormProblems =>
  withCaProblem(instanceFormProblems(form, takenNames, hasToken ? 'optional' : 'required'), form, ca),
);

/** Every problem of the form now, the CA's included; a token is needed only when the vault holds none. */
export const selectEditFormProblemsNow = (state: EditInstanceState): InstanceFormProblems => problems(state.form, state.takenNames, state.hasToken, state.ca);

const NO_PROBLEMS: InstanceFormProblems = {};

/** The field problems to show: none until the person tried to save. */
export const selectEditFormProblems = (state: EditInstanceState): InstanceFormProblems => (state.editAttempted ? selectEditFormProblemsNow(state) : NO_PROBLEMS);

/** Whether Save tests the connection: the address, token or CA changed, or a token is being entered where none was saved. */
export const selectEditTestsConnection = (state: EditInstanceState): boolean => !state.hasToken || connectionChanged(state.saved, state.form);

/**
 * The Edit instance dialog: the saved settings, changed and saved in one request. main re-tests the
 * connection when the address, token or CA change, and changes nothing when that fails.
 */
export function createEditInstanceStore(deps: { client: Api; instances: InstancesStore; instancePage: InstancePageStore; audit: KeychainAuditStore }): EditInstanceStore {
  const { client, instances, instancePage, audit } = deps;
  return createStore<EditInstanceState>()((set, get) => {
    const caReader = createCaReader((ca) => set({ ca }));
    /** Bumped when the dialog closes or opens again: answers for the old one are dropped. */
    let opening = 0;

    return {
      ...CLOSED,

      async editDialogOpened(id) {
        const current = ++opening;
        caReader.cancelled();
        const takenNames = instances
          .getState()
          .rows.filter((row) => row.id !== id)
          .map((row) => row.name);
        set({ ...CLOSED, editId: id, editLoading: true, takenNames });
        const page = instancePage.getState();
        const known = page.id === id ? page.detail : null;
        let detail = known;
        if (detail === null) {
          const result = await client.invoke('instances:detail', { id, refresh: false });
          if (current !== opening) return;
          if (!result.ok) {
            set({ editLoading: false, editLoadProblem: result.error.message });
            return;
          }
          detail = result.value;
        }
        const form = formOfInstance(detail.instance, detail.caPem);
        set({ editLoading: false, saved: form, form, hasToken: detail.hasToken });
        await caReader.pemChanged(form.caPem);
      },

      editDialogClosed() {
        opening += 1;
        caReader.cancelled();
        // A typed token leaves memory with the form.
        set(CLOSED);
      },

      editFormEdited(change) {
        if (get().saving) return;
        set((state) => ({ form: { ...state.form, ...change }, ...(change.caPem === undefined ? {} : { caFileName: null }) }));
        if (change.caPem !== undefined) void caReader.pemChanged(change.caPem);
      },

      async editCaFileChosen(file) {
        if (get().saving) return;
        const pem = await caReader.fileChosen(file);
        if (pem === null) return;
        set((state) => ({ form: { ...state.form, caPem: pem }, caFileName: file.name }));
        await caReader.pemChanged(pem);
      },

      async editSaveRequested() {
        const state = get();
        const id = state.editId;
        if (id === null || state.saving || state.editLoading || state.editLoadProblem !== null) return;
        set({ editAttempted: true });
        if (Object.keys(selectEditFormProblemsNow(get())).length > 0) return;
        const current = opening;
        const form = get().form;
        const tokenReplaced = form.token.trim() !== '';
        set({ saving: true, saveProblem: null });
        const result = await client.invoke('instances:update', updateRequestOf(id, form));
        if (current !== opening) return;
        if (!result.ok) {
          set({ saving: false, saveProblem: result.error.message });
          return;
        }
        const { instance } = result.value;
        const notice = `Saved ${instance.name}.${tokenReplaced ? ' The new API token is stored in the token vault only.' : ''}`;
        const onPage = instancePage.getState().id === id;
        instances.getState().instanceAnswered(instance, onPage ? null : notice);
        get().editDialogClosed();
        void audit.getState().auditRequested();
        await instancePage.getState().instanceChanged(id, notice);
      },
    };
  });
}
