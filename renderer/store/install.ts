import { createStore, type StoreApi } from 'zustand/vanilla';
import type { InstallPreflightView } from '../../shared/instances/install-preflight-view';
import type { Api } from '../../shared/ipc/api';
import type { ChannelOutput } from '../../shared/ipc/contract';
import type { InstancePageStore } from './instance-page';
import type { InstancesStore } from './instances';
import { readKeyFile } from './key-file';

/** What main answered to the install, without the refreshed row (that goes to the instances store). */
export type InstallOutcome = Omit<ChannelOutput<'instances:install-key'>, 'instance'>;

/** Where the dialog is: entering the key, reading the preflight, or reading the outcome. */
export type InstallStep = 'key' | 'preflight' | 'outcome';

/** What the preflight lets the person do: install, install despite the capacity refusal, or nothing. */
export type InstallOffer = 'install' | 'install-anyway' | null;

export interface InstallState {
  /** The instance the dialog installs on; null while the dialog is closed. */
  instanceId: string | null;
  instanceName: string;
  /** Renewal: the installed license the key replaces (one PATCH); null installs the key alongside. */
  replaces: InstallReplaces | null;
  /** The key as pasted or read from a file; emptied once installed and when the dialog closes. */
  key: string;
  fileName: string | null;
  /** True once a preflight answered for this key: from then on it is shown masked. */
  keyChecked: boolean;
  checking: boolean;
  preflight: InstallPreflightView | null;
  overCapacityAcknowledged: boolean;
  installing: boolean;
  outcome: InstallOutcome | null;
  /** A problem with the request itself (unreadable file, app or connection error), in words. */
  problem: string | null;

  installDialogOpened(id: string, options?: { name?: string; replaces?: InstallReplaces }): void;
  installKeyEdited(key: string): void;
  installKeyFileChosen(file: File): Promise<void>;
  installCheckRequested(): Promise<void>;
  installOtherInstanceChosen(id: string): Promise<void>;
  installOverCapacityAcknowledged(acknowledged: boolean): void;
  installConfirmed(): Promise<void>;
  installDialogClosed(): void;
}

export type InstallStore = StoreApi<InstallState>;

/** The license a renewal replaces, named for the dialog's title. */
export interface InstallReplaces {
  licenseUuid: string;
  name: string;
}

const CLOSED = {
  instanceId: null,
  instanceName: '',
  replaces: null,
  key: '',
  fileName: null,
  keyChecked: false,
  checking: false,
  preflight: null,
  overCapacityAcknowledged: false,
  installing: false,
  outcome: null,
  problem: null,
} satisfies Partial<InstallState>;

/** Everything that depends on the key or the instance, cleared when either changes. */
const UNCHECKED = {
  keyChecked: false,
  checking: false,
  preflight: null,
  overCapacityAcknowledged: false,
  outcome: null,
  problem: null,
} satisfies Partial<InstallState>;

export const selectInstallStep = (state: InstallState): InstallStep => (state.outcome !== null ? 'outcome' : state.preflight !== null ? 'preflight' : 'key');

/** Reads only the preflight, so the portal's license install offers the same choices. */
export const selectInstallOffer = (state: Pick<InstallState, 'preflight'>): InstallOffer => {
  const preflight = state.preflight;
  if (preflight === null) return null;
  if (preflight.action === 'send') return 'install';
  return preflight.action === 'refuse' && preflight.reason === 'over_capacity' ? 'install-anyway' : null;
};

export const selectCanCheck = (state: InstallState): boolean =>
  state.instanceId !== null && state.key.trim() !== '' && !state.checking && !state.installing && state.outcome === null;

export const selectCanInstall = (state: InstallState): boolean => {
  const offer = selectInstallOffer(state);
  return offer !== null && !state.installing && !state.checking && (offer === 'install' || state.overCapacityAcknowledged);
};

function outcomeNotice(name: string, outcome: InstallOutcome, replaces: InstallReplaces | null): string {
  if (replaces !== null) return outcome.installed ? `Replaced the key of “${replaces.name}” on ${name}.` : `The key of “${replaces.name}” was not replaced on ${name}: ${outcome.message}`;
  return outcome.installed ? `Installed a license on ${name}.` : `The license was not installed on ${name}: ${outcome.message}`;
}

/**
 * The "Install a license" dialog: the key, main's preflight shown in full, then exactly one install
 * on confirmation. The key lives here only while the dialog is open.
 */
export function createInstallStore({ client, instances, instancePage }: { client: Api; instances: InstancesStore; instancePage: InstancePageStore }): InstallStore {
  return createStore<InstallState>()((set, get) => {
    /** Bumped whenever an answer in flight stops being wanted (new key, other instance, closed). */
    let attempt = 0;

    const nameOf = (id: string): string | undefined => instances.getState().rows.find((row) => row.id === id)?.name;

    return {
      ...CLOSED,

      installDialogOpened(id, options = {}) {
        attempt += 1;
        set({ ...CLOSED, instanceId: id, instanceName: options.name ?? nameOf(id) ?? 'this instance', replaces: options.replaces ?? null });
      },

      installKeyEdited(key) {
        if (get().installing) return;
        attempt += 1;
        set({ ...UNCHECKED, key, fileName: null });
      },

      async installKeyFileChosen(file) {
        if (get().installing) return;
        const reading = ++attempt;
        const read = await readKeyFile(file);
        if (reading !== attempt) return;
        if ('problem' in read) {
          set({ problem: read.problem });
          return;
        }
        set({ ...UNCHECKED, key: read.key, fileName: file.name });
        await get().installCheckRequested();
      },

      async installCheckRequested() {
        const state = get();
        if (!selectCanCheck(state) || state.instanceId === null) return;
        const checking = ++attempt;
        set({ checking: true, preflight: null, overCapacityAcknowledged: false, problem: null });
        const result = await client.invoke('instances:preflight-install', { id: state.instanceId, key: state.key.trim(), replaces: state.replaces?.licenseUuid ?? null });
        if (checking !== attempt) return;
        if (result.ok) set({ checking: false, preflight: result.value, keyChecked: true });
        else set({ checking: false, problem: result.error.message });
      },

      async installOtherInstanceChosen(id) {
        const state = get();
        if (state.instanceId === null || state.installing || id === state.instanceId) return;
        attempt += 1;
        const name = nameOf(id) ?? (state.preflight?.otherInstance?.id === id ? state.preflight.otherInstance.name : 'the other instance');
        // The key stays (and stays masked): only the instance it is checked against changes. The license
        // it was to replace is this instance's, so on the other one it is installed alongside.
        set({ instanceId: id, instanceName: name, replaces: null, checking: false, preflight: null, overCapacityAcknowledged: false, outcome: null, problem: null });
        await get().installCheckRequested();
      },

      installOverCapacityAcknowledged: (acknowledged) => set({ overCapacityAcknowledged: acknowledged }),

      async installConfirmed() {
        const state = get();
        const id = state.instanceId;
        if (id === null || !selectCanInstall(state)) return;
        const installing = attempt;
        const name = state.instanceName;
        const replaces = state.replaces;
        set({ installing: true, problem: null });
        const result = await client.invoke('instances:install-key', {
          id,
          key: state.key.trim(),
          allowOverCapacity: selectInstallOffer(state) === 'install-anyway' && state.overCapacityAcknowledged,
          replaces: replaces?.licenseUuid ?? null,
        });
        // Closed (or moved on) while installing: the row is still updated, the outcome goes to the dashboard.
        const current = installing === attempt && get().instanceId === id;
        if (!result.ok) {
          if (current) set({ installing: false, problem: result.error.message });
          else instances.getState().instanceAnswered(null, `Installing a license on ${name} failed: ${result.error.message}`);
          return;
        }
        const { instance, ...outcome } = result.value;
        instances.getState().instanceAnswered(instance, current ? null : outcomeNotice(name, outcome, replaces));
        void instancePage.getState().instanceChanged(id);
        // The key is not needed any more: it leaves memory now, not only when the dialog closes.
        if (current) set({ installing: false, outcome, key: '' });
      },

      installDialogClosed() {
        attempt += 1;
        // The key leaves memory with the dialog.
        set(CLOSED);
      },
    };
  });
}
