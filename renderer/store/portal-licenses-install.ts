import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Api } from '../../shared/ipc/api';
import type { ChannelOutput } from '../../shared/ipc/contract';
import type { LicenseInstallPreflight } from '../../shared/ipc/portal-contract';
import { installOffer, type InstallOffer } from '../../shared/instances/install-offer';
import type { InstancesStore } from './instances';
import type { PendingInstallsStore } from './portal-licenses-pending';
import { portalProblemOf, refusalWords } from './portal-problem';

/** What main answered to the install, without the refreshed row (that goes to the instances store). */
export type LicenseInstallOutcome = Omit<ChannelOutput<'portal:install-license'>, 'instance'>;

/** A portal license and the saved instance with its Install ID. */
export interface LicenseInstallTarget {
  orgId: string;
  licenseId: string;
  licenseName: string;
  instanceId: string;
  instanceName: string;
  /** The signed-in account whose portal holds the license (a pairing from another account); absent or null: the active one. */
  accountId?: string | null;
}

export interface LicenseInstallState {
  /** What the dialog installs where; null while it is closed. */
  target: LicenseInstallTarget | null;
  checking: boolean;
  /** main's preflight, with the installed license a renewal replaces (main finds it from the portal's list data). */
  preflight: LicenseInstallPreflight | null;
  overCapacityAcknowledged: boolean;
  installing: boolean;
  outcome: LicenseInstallOutcome | null;
  /** Why the preflight or the install could not run (portal, instance, app), in words. */
  problem: string | null;

  licenseInstallOpened(target: LicenseInstallTarget): Promise<void>;
  licenseInstallCheckRequested(): Promise<void>;
  licenseInstallOverCapacityAcknowledged(acknowledged: boolean): void;
  licenseInstallConfirmed(): Promise<void>;
  licenseInstallClosed(): void;
}

export type LicenseInstallStore = StoreApi<LicenseInstallState>;

const CLOSED = {
  target: null,
  checking: false,
  preflight: null,
  overCapacityAcknowledged: false,
  installing: false,
  outcome: null,
  problem: null,
} satisfies Partial<LicenseInstallState>;

export const selectLicenseInstallOffer = (state: LicenseInstallState): InstallOffer => installOffer(state.preflight);

export const selectCanInstallLicense = (state: LicenseInstallState): boolean => {
  const offer = selectLicenseInstallOffer(state);
  return offer !== null && !state.installing && !state.checking && (offer === 'install' || state.overCapacityAcknowledged);
};

interface LicenseInstallDependencies {
  client: Api;
  instances: InstancesStore;
  pending: PendingInstallsStore;
}

/**
 * "Install into <instance>" for a portal license: main fetches the key and runs the instance preflight
 * (the page never holds the key), the outcome is shown in full, then exactly one install on confirmation.
 */
export function createLicenseInstallStore({ client, instances, pending }: LicenseInstallDependencies): LicenseInstallStore {
  return createStore<LicenseInstallState>()((set, get) => {
    /** Bumped whenever an answer in flight stops being wanted (another license, dialog closed). */
    let attempt = 0;

    return {
      ...CLOSED,

      async licenseInstallOpened(target) {
        attempt += 1;
        set({ ...CLOSED, target });
        await get().licenseInstallCheckRequested();
      },

      async licenseInstallCheckRequested() {
        const { target, checking, installing } = get();
        if (target === null || checking || installing) return;
        const current = ++attempt;
        set({ checking: true, preflight: null, overCapacityAcknowledged: false, outcome: null, problem: null });
        const result = await client.invoke('portal:preflight-license-install', {
          org: target.orgId,
          id: target.licenseId,
          instanceId: target.instanceId,
          accountId: target.accountId ?? null,
        });
        if (current !== attempt) return;
        if (result.ok) set({ checking: false, preflight: result.value });
        else set({ checking: false, problem: refusalWords(portalProblemOf(result.error), `check “${target.licenseName}” against ${target.instanceName}`) });
      },

      licenseInstallOverCapacityAcknowledged: (acknowledged) => set({ overCapacityAcknowledged: acknowledged }),

      async licenseInstallConfirmed() {
        const state = get();
        const target = state.target;
        if (target === null || !selectCanInstallLicense(state)) return;
        const current = attempt;
        set({ installing: true, problem: null });
        const result = await client.invoke('portal:install-license', {
          org: target.orgId,
          id: target.licenseId,
          instanceId: target.instanceId,
          allowOverCapacity: selectLicenseInstallOffer(state) === 'install-anyway' && state.overCapacityAcknowledged,
          // Exactly what the confirmed preflight said: replace the license it named, or install beside the others.
          replaces: state.preflight?.replaces?.licenseUuid ?? null,
          accountId: target.accountId ?? null,
        });
        const shown = current === attempt;
        if (!result.ok) {
          const words = refusalWords(portalProblemOf(result.error), `install “${target.licenseName}” on ${target.instanceName}`);
          if (shown) set({ installing: false, problem: words });
          else instances.getState().instanceAnswered(null, words);
          return;
        }
        const { instance, ...outcome } = result.value;
        // Closed while installing: the outcome goes to the dashboard instead.
        const replaced = state.preflight?.replaces?.name ?? null;
        const done = replaced === null ? `Installed “${target.licenseName}” on ${target.instanceName}.` : `Replaced “${replaced}” with “${target.licenseName}” on ${target.instanceName}.`;
        const notice = shown ? null : outcome.installed ? done : `“${target.licenseName}” was not installed on ${target.instanceName}: ${outcome.message}`;
        instances.getState().instanceAnswered(instance, notice);
        void pending.getState().pendingInstallsChanged();
        // The organization's licenses list is read again on main's portal:did-change, sent after the install.
        if (shown) set({ installing: false, outcome });
      },

      licenseInstallClosed() {
        attempt += 1;
        set(CLOSED);
      },
    };
  });
}
