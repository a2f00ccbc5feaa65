import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Api } from '../../shared/ipc/api';
import type { ChannelOutput } from '../../shared/ipc/contract';

/** A portal license paid or renewed for a saved instance, active, later than every installed key, and not installed there. */
export type PendingInstall = ChannelOutput<'portal:list-pending-installs'>['pending'][number];

/** An active license that could not be compared with its instance, whose last read failed. */
export type UncomparedInstall = ChannelOutput<'portal:list-pending-installs'>['uncompared'][number];

/** A signed-in account whose licenses could not be read for the pairings, and why. */
export type PendingAccountProblem = ChannelOutput<'portal:list-pending-installs'>['accountProblems'][number];

export interface PendingInstallsState {
  pending: PendingInstall[];
  /** Licenses whose instance's last read failed, so whether they wait to be installed there is unknown. */
  uncompared: UncomparedInstall[];
  /** Accounts whose licenses could not be read (a sign-in that ended, a portal down): their pairings may be missing. */
  accountProblems: PendingAccountProblem[];
  /** True once main answered (with pairings, with no account signed in, or with a problem). */
  loaded: boolean;
  /** Why the portal could not be asked, in words; null when it answered or no account is signed in. */
  problem: string | null;

  /** A screen that shows the pairings opened: they are read unless already known. */
  pendingInstallsNeeded(): Promise<void>;
  /** Licenses or instances changed (a purchase, an install, a refresh): the pairings are read again. */
  pendingInstallsChanged(): Promise<void>;
}

export type PendingInstallsStore = StoreApi<PendingInstallsState>;

/** The pairings (or the licenses not compared) for one saved instance. */
export function pendingFor<T extends PendingInstall>(pending: readonly T[], instanceId: string): T[] {
  return pending.filter((entry) => entry.instanceId === instanceId);
}

/**
 * Renewed-but-not-installed licenses across every signed-in account's organizations and the saved
 * instances, for the fleet dashboard and the instance page. Without a signed-in account there are none to show.
 */
export function createPendingInstallsStore({ client }: { client: Api }): PendingInstallsStore {
  return createStore<PendingInstallsState>()((set, get) => {
    let reading: Promise<void> | null = null;
    let readAgain = false;

    /** One read at a time; a change during a read asks for one more after it. */
    function read(): Promise<void> {
      if (reading !== null) {
        readAgain = true;
        return reading;
      }
      reading = (async () => {
        do {
          readAgain = false;
          const result = await client.invoke('portal:list-pending-installs', {});
          if (result.ok) set({ ...result.value, loaded: true, problem: null });
          // Not signed in: the portal is simply not in use, which is nothing to warn about.
          else if (result.error.code === 'not_signed_in') set({ pending: [], uncompared: [], accountProblems: [], loaded: true, problem: null });
          else set({ loaded: true, problem: result.error.message });
        } while (readAgain);
      })().finally(() => {
        reading = null;
      });
      return reading;
    }

    return {
      pending: [],
      uncompared: [],
      accountProblems: [],
      loaded: false,
      problem: null,
      pendingInstallsNeeded: () => (get().loaded ? Promise.resolve() : read()),
      pendingInstallsChanged: () => read(),
    };
  });
}
