import { create } from 'zustand';
import type { InstallPreflightView } from '../../../shared/instances/install-preflight-view';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import type { PreflightRequest } from './mutations';

/** What main answered to the install, without the refreshed row (that goes to the instances list). */
export type InstallOutcome = Omit<ChannelOutput<'instances:install-key'>, 'instance'>;

/** The license a renewal replaces, named for the dialog's title. */
export interface InstallReplaces {
  licenseUuid: string;
  name: string;
}

/**
 * Where the dialog is. A preflight exists only from the preflight step on, and an outcome only at the
 * last, so "an outcome without the preflight it followed" cannot be written down.
 */
export type InstallStep =
  | { step: 'key'; problem: string | null }
  | { step: 'preflight'; preflight: InstallPreflightView; acknowledged: boolean }
  | { step: 'outcome'; preflight: InstallPreflightView; outcome: InstallOutcome };

export type InstallDialog =
  | { open: false }
  | {
      open: true;
      instanceId: string;
      instanceName: string;
      /** Renewal: the installed license the key replaces (one PATCH); null installs the key alongside. */
      replaces: InstallReplaces | null;
      /** The key as pasted or read from a file; emptied once installed, and gone when the dialog closes. */
      key: string;
      fileName: string | null;
      /** True once a preflight answered for this key: from then on it is shown masked. */
      keyChecked: boolean;
      /** Bumped whenever an answer in flight stops being wanted (new key, other instance): answers carry it. */
      attempt: number;
      flow: InstallStep;
    };

export type OpenInstallDialog = Extract<InstallDialog, { open: true }>;
type Open = OpenInstallDialog;

export interface InstallScreenState {
  dialog: InstallDialog;
  /** Bumped on every opening and closing, so an answer for an earlier dialog is never taken for this one's. */
  openings: number;
  installDialogOpened(id: string, name: string, replaces?: InstallReplaces): void;
  installDialogClosed(): void;
  keyEdited(key: string, fileName?: string | null): void;
  /** A chosen or dropped key file was read: its key replaces the key, or its problem is said; dropped if the key changed meanwhile. */
  keyFileRead(attempt: number, read: { key: string } | { problem: string }, fileName: string): boolean;
  /** The key's Install ID is another saved instance's: the key stays (masked), checked against that one. */
  otherInstanceChosen(id: string, name: string): void;
  overCapacityAcknowledged(acknowledged: boolean): void;
  /** main's preflight, taken only while the dialog still asks about that key on that instance. */
  preflightAnswered(attempt: number, preflight: InstallPreflightView): void;
  /** main's install outcome; false when the dialog moved on or closed, so the caller tells the dashboard instead. */
  installAnswered(opening: number, outcome: InstallOutcome): boolean;
  /** The preflight to ask for the key and instance as they are now; null when there is no key (or no open dialog). */
  checkRequest(): PreflightRequest | null;
  /** Whether the dialog of `opening` is still open on its preflight (an install's failure is shown there). */
  stillShown(opening: number): boolean;
}

const KEY_STEP: InstallStep = { step: 'key', problem: null };

export const useInstallScreen = create<InstallScreenState>()((set, get) => {
  const editOpen = (change: (dialog: Open) => Partial<Open>): void =>
    set((state) => (state.dialog.open ? { dialog: { ...state.dialog, ...change(state.dialog) } } : {}));
  return {
    dialog: { open: false },
    openings: 0,
    installDialogOpened: (instanceId, instanceName, replaces) =>
      set((state) => ({
        openings: state.openings + 1,
        dialog: {
          open: true,
          instanceId,
          instanceName,
          replaces: replaces ?? null,
          key: '',
          fileName: null,
          keyChecked: false,
          attempt: 0,
          flow: KEY_STEP,
        },
      })),
    // The key leaves memory with the dialog.
    installDialogClosed: () => set((state) => ({ openings: state.openings + 1, dialog: { open: false } })),
    keyEdited: (key, fileName = null) =>
      editOpen((dialog) => ({ key, fileName, keyChecked: false, attempt: dialog.attempt + 1, flow: KEY_STEP })),
    keyFileRead(attempt, read, fileName) {
      const { dialog } = get();
      if (!dialog.open || dialog.attempt !== attempt) return false;
      if ('problem' in read)
        editOpen((open) => ({ attempt: open.attempt + 1, flow: { step: 'key', problem: read.problem } }));
      else get().keyEdited(read.key, fileName);
      return !('problem' in read);
    },
    // The license it was to replace is this instance's, so on the other one the key is installed alongside.
    otherInstanceChosen: (instanceId, instanceName) =>
      editOpen((dialog) => ({ instanceId, instanceName, replaces: null, attempt: dialog.attempt + 1, flow: KEY_STEP })),
    overCapacityAcknowledged: (acknowledged) =>
      editOpen((dialog) => (dialog.flow.step === 'preflight' ? { flow: { ...dialog.flow, acknowledged } } : {})),
    preflightAnswered: (attempt, preflight) =>
      editOpen((dialog) =>
        dialog.attempt === attempt && dialog.flow.step === 'key'
          ? { keyChecked: true, flow: { step: 'preflight', preflight, acknowledged: false } }
          : {},
      ),
    checkRequest() {
      const { dialog, openings } = get();
      if (!dialog.open || dialog.key.trim() === '' || dialog.flow.step === 'outcome') return null;
      return {
        opening: openings,
        attempt: dialog.attempt,
        instanceId: dialog.instanceId,
        key: dialog.key,
        replaces: dialog.replaces,
      };
    },
    stillShown(opening) {
      const { dialog, openings } = get();
      return openings === opening && dialog.open && dialog.flow.step === 'preflight';
    },
    installAnswered(opening, outcome) {
      const { dialog } = get();
      if (!get().stillShown(opening) || !dialog.open || dialog.flow.step !== 'preflight') return false;
      // The key is not needed any more: it leaves memory now, not only when the dialog closes.
      set({ dialog: { ...dialog, key: '', flow: { step: 'outcome', preflight: dialog.flow.preflight, outcome } } });
      return true;
    },
  };
});

/** The first state, for tests: each starts from a dialog never opened. */
export const INITIAL_INSTALL_SCREEN = useInstallScreen.getInitialState();
