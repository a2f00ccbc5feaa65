import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Api } from '../../shared/ipc/api';
import type { PortalLicense } from '../features/portal-licenses/queries';
import type { LicenseInstallStore } from './portal-licenses-install';
import type { PendingInstallsStore } from './portal-licenses-pending';
import { openCheckoutAgain } from './checkout-page';
import { portalProblemOf, refusalWords } from './portal-problem';
import { isPaid, paidInstallTarget } from './purchase-paid';

/** The first check after the dialog closed comes this soon; each unpaid answer doubles the wait… */
export const TRACK_FIRST_DELAY_MS = 3000;
/** …up to this: a payment validated late is still seen within a minute, and the portal is not flooded. */
export const TRACK_MAX_DELAY_MS = 60_000;

/** Checking for the paid license: waiting for the next check, stopped (by the person or a hopeless answer), or done (paid). */
export type TrackedCheck = 'checking' | 'stopped' | 'done';

/** A purchase or renewal paid in the browser after its dialog was closed, followed on the organization's Licenses tab. */
export interface TrackedPurchase {
  orgId: string;
  licenseId: string;
  /** The signed-in account that placed it: the license is read (and installed) as it, whichever account is active now. */
  accountId: string;
  kind: 'purchase' | 'renewal';
  nickname: string;
  /** The license renewed, as it was before the renewal; null for a purchase. */
  renewing: PortalLicense | null;
  /** The license as last read; null until the portal first answered. */
  license: PortalLicense | null;
  /** Its checkout page, to open again while it is not paid. */
  checkoutUrl: string;
  /** Why the checkout page did not open again, in words. */
  checkoutProblem: string | null;
  check: TrackedCheck;
  /** When the portal last answered about it (epoch ms). */
  lastCheckedAt: number | null;
  /** The wait before the coming check; doubles after each unpaid answer, up to TRACK_MAX_DELAY_MS. */
  delayMs: number;
  /** Why the last check failed, in words. */
  checkProblem: string | null;
}

export interface PurchaseTrackingState {
  tracked: TrackedPurchase[];

  /** The purchase dialog closed while waiting for the payment: the license is followed from now on. */
  purchaseTracked(purchase: Pick<TrackedPurchase, 'orgId' | 'licenseId' | 'accountId' | 'kind' | 'nickname' | 'renewing' | 'license' | 'checkoutUrl'> & { stopped: boolean }): void;
  /** The dialog follows this license again (a new checkout for it): it is no longer followed here. */
  purchaseUntracked(licenseId: string): void;
  /** "Check now" (also after checking stopped): reads the license at once, then backs off again from the start. */
  trackedCheckRequested(licenseId: string): Promise<void>;
  /** "Open checkout again": its checkout page in the system browser (never a second order). */
  trackedCheckoutOpenRequested(licenseId: string): Promise<void>;
  /** The person dismissed it: no more checks, and it leaves the tab. */
  trackedDismissed(licenseId: string): void;
  /** "Install into <instance>" for the paid license, through the instance preflight. */
  trackedInstallRequested(licenseId: string, instanceId: string): Promise<void>;
}

export type PurchaseTrackingStore = StoreApi<PurchaseTrackingState>;

interface TrackingDependencies {
  client: Api;
  /** A license read while following a payment: it shows in the organization's list at once (the list is a query now). */
  licenseAnswered: (orgId: string, license: PortalLicense) => void;
  install: LicenseInstallStore;
  pending: PendingInstallsStore;
  firstDelayMs?: number;
  maxDelayMs?: number;
  now?: () => number;
}

/**
 * Purchases and renewals whose dialog was closed before the payment was validated: each license is read
 * with a bounded backoff until it is paid (then its Install offer shows), or the person dismisses it.
 */
export function createPurchaseTrackingStore({
  client,
  licenseAnswered,
  install,
  pending,
  firstDelayMs = TRACK_FIRST_DELAY_MS,
  maxDelayMs = TRACK_MAX_DELAY_MS,
  now = Date.now,
}: TrackingDependencies): PurchaseTrackingStore {
  return createStore<PurchaseTrackingState>()((set, get) => {
    const timers = new Map<string, ReturnType<typeof setTimeout>>();
    /** Bumped per license when it is tracked anew or dismissed: answers for the old one are dropped. */
    const generations = new Map<string, number>();

    const entry = (licenseId: string): TrackedPurchase | undefined => get().tracked.find((tracked) => tracked.licenseId === licenseId);
    const changed = (licenseId: string, change: Partial<TrackedPurchase>): void =>
      set((state) => ({ tracked: state.tracked.map((tracked) => (tracked.licenseId === licenseId ? { ...tracked, ...change } : tracked)) }));

    function cancelTimer(licenseId: string): void {
      const timer = timers.get(licenseId);
      if (timer !== undefined) clearTimeout(timer);
      timers.delete(licenseId);
    }

    function schedule(licenseId: string, delayMs: number): void {
      cancelTimer(licenseId);
      const generation = generations.get(licenseId);
      timers.set(
        licenseId,
        setTimeout(() => {
          timers.delete(licenseId);
          if (generations.get(licenseId) === generation) void check(licenseId);
        }, delayMs),
      );
    }

    async function check(licenseId: string): Promise<void> {
      const tracked = entry(licenseId);
      if (tracked === undefined || tracked.check === 'done') return;
      const generation = generations.get(licenseId);
      const result = await client.invoke('portal:get-license', { org: tracked.orgId, id: licenseId, accountId: tracked.accountId });
      const current = entry(licenseId);
      if (current === undefined || generations.get(licenseId) !== generation || current.check !== 'checking') return;
      const nextDelay = Math.min(current.delayMs * 2, maxDelayMs);
      if (!result.ok) {
        const problem = portalProblemOf(result.error);
        // Signed out, or the license is gone: asking again cannot help until the person acts.
        const hopeless = problem.code === 'not_signed_in' || problem.code === 'not_found' || problem.code === 'forbidden';
        changed(licenseId, { checkProblem: refusalWords(problem, 'read the license'), delayMs: nextDelay, ...(hopeless ? { check: 'stopped' } : {}) });
        if (!hopeless) schedule(licenseId, nextDelay);
        return;
      }
      const { license } = result.value;
      licenseAnswered(tracked.orgId, license);
      const paid = isPaid(license, current.renewing);
      changed(licenseId, { license, nickname: license.nickname, lastCheckedAt: now(), checkProblem: null, delayMs: nextDelay, ...(paid ? { check: 'done' } : {}) });
      // A paid license may be renewed-but-not-installed on its instance now.
      if (paid) void pending.getState().pendingInstallsChanged();
      else schedule(licenseId, nextDelay);
    }

    return {
      tracked: [],

      purchaseTracked({ stopped, ...purchase }) {
        generations.set(purchase.licenseId, (generations.get(purchase.licenseId) ?? 0) + 1);
        const tracked: TrackedPurchase = { ...purchase, checkoutProblem: null, check: stopped ? 'stopped' : 'checking', lastCheckedAt: null, delayMs: firstDelayMs, checkProblem: null };
        set((state) => ({ tracked: [...state.tracked.filter((other) => other.licenseId !== purchase.licenseId), tracked] }));
        if (!stopped) schedule(purchase.licenseId, firstDelayMs);
      },

      purchaseUntracked(licenseId) {
        get().trackedDismissed(licenseId);
      },

      async trackedCheckRequested(licenseId) {
        const tracked = entry(licenseId);
        if (tracked === undefined || tracked.check === 'done') return;
        cancelTimer(licenseId);
        changed(licenseId, { check: 'checking', checkProblem: null, delayMs: firstDelayMs });
        await check(licenseId);
      },

      async trackedCheckoutOpenRequested(licenseId) {
        const tracked = entry(licenseId);
        if (tracked === undefined || tracked.check === 'done') return;
        const generation = generations.get(licenseId);
        const checkoutProblem = await openCheckoutAgain(client, tracked.checkoutUrl);
        if (generations.get(licenseId) === generation) changed(licenseId, { checkoutProblem });
      },

      trackedDismissed(licenseId) {
        cancelTimer(licenseId);
        generations.set(licenseId, (generations.get(licenseId) ?? 0) + 1);
        set((state) => ({ tracked: state.tracked.filter((tracked) => tracked.licenseId !== licenseId) }));
      },

      async trackedInstallRequested(licenseId, instanceId) {
        const tracked = entry(licenseId);
        if (tracked === undefined || tracked.check !== 'done' || tracked.license === null) return;
        const target = paidInstallTarget({ orgId: tracked.orgId, accountId: tracked.accountId, license: tracked.license, instanceId });
        if (target !== null) await install.getState().licenseInstallOpened(target);
      },
    };
  });
}
