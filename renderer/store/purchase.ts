import { createStore, type StoreApi } from 'zustand/vanilla';
import type { InstanceRow } from '../../shared/instances/instance-row';
import type { Api } from '../../shared/ipc/api';
import type { ChannelOutput } from '../../shared/ipc/contract';
import type { InstancesStore } from './instances';
import type { PortalLicense } from '../features/portal-licenses/queries';
import type { LicenseInstallStore } from './portal-licenses-install';
import type { PendingInstallsStore } from './portal-licenses-pending';
import type { PurchaseTrackingStore } from './purchase-tracking';
import { copyCheckoutUrl, openCheckoutAgain } from './checkout-page';
import { portalProblemOf, refusalWords } from './portal-problem';
import { isPaid, paidInstallTarget } from './purchase-paid';
import {
  checkoutOrderOf,
  EMPTY_PURCHASE_FORM,
  purchaseFormProblems,
  purchaseServerProblems,
  seatSuggestion,
  TYPED_INSTALL_ID,
  type PurchaseForm,
  type PurchaseFormProblems,
  type SeatSuggestion,
} from './purchase-form';

export type Plan = ChannelOutput<'portal:list-plans'>['plans'][number];

/** How often the license is read while the portal validates the payment. */
export const POLL_INTERVAL_MS = 3000;

/** Where the dialog is: the order form (or the renewal's summary), or waiting for the paid license. */
export type PurchaseStep = 'order' | 'payment';

/** Checking for the paid license: every few seconds, stopped by the person, or done (the key is there). */
export type PaymentCheck = 'checking' | 'stopped' | 'done';

export interface PurchaseState {
  /** What the dialog does; null while it is closed. */
  kind: 'purchase' | 'renewal' | null;
  orgId: string | null;
  step: PurchaseStep;

  form: PurchaseForm;
  /** Field problems show once Continue was pressed. */
  attempted: boolean;
  /** The portal's own field messages (422), each until its field is edited. */
  serverProblems: PurchaseFormProblems;
  plans: Plan[] | null;
  plansProblem: string | null;
  /** The chosen instance's forecast, read from the instance, and what it suggests ordering. */
  suggestion: SeatSuggestion | null;
  /** The instance the suggestion is for (the counts follow it until the person types their own). */
  suggestionFor: string | null;
  suggesting: boolean;
  suggestionProblem: string | null;
  /** True once the person typed a user count: a late forecast leaves their numbers alone. */
  countsTyped: boolean;
  /** True once the person typed a nickname: choosing an instance no longer names the license after it. */
  nicknameTyped: boolean;

  /** The license renewed (as it was before), for a renewal. */
  renewing: PortalLicense | null;
  submitting: boolean;
  /** Why the checkout could not be opened, in words. */
  submitProblem: string | null;

  /** The license being paid for, and its latest state. */
  licenseId: string | null;
  /** The signed-in account that placed the order (main says which): the license is read as it, whichever account is active later. */
  accountId: string | null;
  license: PortalLicense | null;
  checkoutUrl: string | null;
  /** The checkout page opened in the system browser; false when it could not be (its address is shown to open by hand). */
  checkoutOpened: boolean;
  /** Why the checkout page did not open, at first or again, in words. */
  checkoutProblem: string | null;
  /** What the last checkout-page action did ("Copied…", "Opened…"), in words. */
  checkoutNotice: string | null;
  check: PaymentCheck;
  /** When the portal last answered about the license (epoch ms). */
  lastCheckedAt: number | null;
  /** Why the last check failed, in words; checking goes on unless it cannot succeed. */
  checkProblem: string | null;

  purchaseOpened(orgId: string): Promise<void>;
  renewalOpened(orgId: string, license: PortalLicense): void;
  purchaseFormEdited(change: Partial<PurchaseForm>): void;
  purchaseInstanceChosen(instanceId: string): Promise<void>;
  /** Continue: the checkout page opens in the system browser, then the license is checked until it is paid. */
  checkoutRequested(): Promise<void>;
  /** "Open checkout again": the same checkout page (never a second order). */
  checkoutOpenAgainRequested(): Promise<void>;
  /** Copies the checkout page's address, to open it in a browser by hand. */
  checkoutUrlCopyRequested(): Promise<void>;
  checkStopped(): void;
  checkResumed(): Promise<void>;
  /** The paid license goes into one of its instances, through the instance preflight; a renewal replaces the key it renews. */
  paidLicenseInstallRequested(instanceId: string): Promise<void>;
  purchaseClosed(): void;
}

export type PurchaseStore = StoreApi<PurchaseState>;

const CLOSED = {
  kind: null,
  orgId: null,
  step: 'order',
  form: EMPTY_PURCHASE_FORM,
  attempted: false,
  serverProblems: {},
  plans: null,
  plansProblem: null,
  suggestion: null,
  suggestionFor: null,
  suggesting: false,
  suggestionProblem: null,
  countsTyped: false,
  nicknameTyped: false,
  renewing: null,
  submitting: false,
  submitProblem: null,
  licenseId: null,
  accountId: null,
  license: null,
  checkoutUrl: null,
  checkoutOpened: false,
  checkoutProblem: null,
  checkoutNotice: null,
  check: 'checking',
  lastCheckedAt: null,
  checkProblem: null,
} satisfies Partial<PurchaseState>;

/** Problems the person sees: the form's own once Continue was pressed, and the portal's until edited. */
export function visiblePurchaseProblems(
  { form, attempted, serverProblems }: Pick<PurchaseState, 'form' | 'attempted' | 'serverProblems'>,
  rows: readonly InstanceRow[],
): PurchaseFormProblems {
  return { ...(attempted ? purchaseFormProblems(form, rows) : {}), ...serverProblems };
}

export const selectChosenPlan = (state: PurchaseState): Plan | null => state.plans?.find((plan) => plan.id === state.form.planId) ?? null;

/** The portal's problems that still stand after `change`: a field's own goes once it is edited. */
function withoutEdited(problems: PurchaseFormProblems, change: Partial<PurchaseForm>): PurchaseFormProblems {
  const edited = new Set<string>(Object.keys(change));
  // Choosing another instance (or typing an Install ID) answers the portal's Install ID problem too.
  if (edited.has('instanceId') || edited.has('installId')) edited.add('instanceId').add('installId');
  return Object.fromEntries(Object.entries(problems).filter(([field]) => !edited.has(field)));
}

/** The checkout the portal created, as the payment step shows it: its address, whether its page opened, and who placed it. */
function checkoutOf(
  answer: ChannelOutput<'portal:renew-license'>,
): Pick<PurchaseState, 'accountId' | 'checkoutUrl' | 'checkoutOpened' | 'checkoutProblem' | 'checkoutNotice'> {
  return { accountId: answer.accountId, checkoutUrl: answer.checkoutUrl, checkoutOpened: answer.opened, checkoutProblem: answer.openProblem, checkoutNotice: null };
}

interface PurchaseDependencies {
  client: Api;
  instances: InstancesStore;
  /** A license read while following a payment: it shows in the organization's list at once (the list is a query now). */
  licenseAnswered: (orgId: string, license: PortalLicense) => void;
  install: LicenseInstallStore;
  pending: PendingInstallsStore;
  /** Where a purchase goes when its dialog closes before the payment was validated. */
  tracking: PurchaseTrackingStore;
  pollIntervalMs?: number;
}

/**
 * "Purchase a license" and "Renew": the order (Install ID from a saved instance or typed, plan, nickname,
 * users pre-filled from the instance's forecast), the checkout page in the system browser, then the
 * license read every few seconds until the portal has validated the payment and issued the key.
 */
export function createPurchaseStore({ client, instances, licenseAnswered, install, pending, tracking, pollIntervalMs = POLL_INTERVAL_MS }: PurchaseDependencies): PurchaseStore {
  return createStore<PurchaseState>()((set, get) => {
    /** Bumped when the dialog closes or starts over: answers and timers of the old one are dropped. */
    let session = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;

    function cancelTimer(): void {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    }

    function scheduleCheck(): void {
      cancelTimer();
      const current = session;
      timer = setTimeout(() => {
        timer = null;
        if (current === session) void checkLicense();
      }, pollIntervalMs);
    }

    async function checkLicense(): Promise<void> {
      const { orgId, licenseId, accountId, renewing } = get();
      if (orgId === null || licenseId === null) return;
      const current = session;
      const result = await client.invoke('portal:get-license', { org: orgId, id: licenseId, accountId });
      if (current !== session || get().check !== 'checking') return;
      if (!result.ok) {
        const problem = portalProblemOf(result.error);
        // Signed out, or the license is gone: asking again cannot help until the person acts.
        const hopeless = problem.code === 'not_signed_in' || problem.code === 'not_found' || problem.code === 'forbidden';
        set({ checkProblem: refusalWords(problem, 'read the license'), ...(hopeless ? { check: 'stopped' } : {}) });
        if (!hopeless) scheduleCheck();
        return;
      }
      const { license } = result.value;
      licenseAnswered(orgId, license);
      const paid = isPaid(license, renewing);
      set({ license, lastCheckedAt: Date.now(), checkProblem: null, ...(paid ? { check: 'done' } : {}) });
      if (!paid) scheduleCheck();
      // A paid license may be renewed-but-not-installed on its instance now.
      else void pending.getState().pendingInstallsChanged();
    }

    async function loadPlans(): Promise<void> {
      const current = session;
      const result = await client.invoke('portal:list-plans', {});
      if (current !== session) return;
      if (!result.ok) {
        set({ plansProblem: refusalWords(portalProblemOf(result.error), 'list the plans') });
        return;
      }
      const { plans } = result.value;
      set((state) => ({ plans, plansProblem: null, form: state.form.planId === '' && plans[0] !== undefined ? { ...state.form, planId: plans[0].id } : state.form }));
    }

    function started(): number {
      session += 1;
      cancelTimer();
      return session;
    }

    return {
      ...CLOSED,

      async purchaseOpened(orgId) {
        started();
        set({ ...CLOSED, kind: 'purchase', orgId });
        // The saved instances offer their Install IDs.
        await Promise.all([loadPlans(), instances.getState().instancesNeeded()]);
      },

      renewalOpened(orgId, license) {
        started();
        set({ ...CLOSED, kind: 'renewal', orgId, renewing: license, licenseId: license.id, license });
      },

      purchaseFormEdited(change) {
        if (get().step !== 'order' || get().submitting) return;
        const typedCounts = 'internalUsers' in change || 'externalUsers' in change;
        set((state) => ({
          form: { ...state.form, ...change },
          serverProblems: withoutEdited(state.serverProblems, change),
          submitProblem: null,
          countsTyped: state.countsTyped || typedCounts,
          nicknameTyped: state.nicknameTyped || 'nickname' in change,
        }));
      },

      async purchaseInstanceChosen(instanceId) {
        const state = get();
        if (state.step !== 'order' || state.submitting) return;
        const row = instances.getState().rows.find((entry) => entry.id === instanceId);
        // A new choice brings its own suggestion; the nickname follows the instance until the person types one.
        const nickname = state.nicknameTyped ? state.form.nickname : (row?.name ?? '');
        set({
          form: { ...state.form, instanceId, nickname },
          serverProblems: withoutEdited(state.serverProblems, { instanceId }),
          submitProblem: null,
          suggestion: null,
          suggestionFor: null,
          suggestionProblem: null,
          countsTyped: false,
          suggesting: instanceId !== TYPED_INSTALL_ID,
        });
        if (instanceId === TYPED_INSTALL_ID || row === undefined) {
          set({ suggesting: false });
          return;
        }
        const current = session;
        const result = await client.invoke('instances:detail', { id: instanceId, refresh: false });
        if (current !== session || get().form.instanceId !== instanceId) return;
        if (!result.ok) {
          set({ suggesting: false, suggestionProblem: `The forecast of ${row.name} could not be read: ${result.error.message}` });
          return;
        }
        instances.getState().instanceAnswered(result.value.instance, null);
        const { forecast } = result.value;
        if (forecast === null) {
          set({ suggesting: false, suggestionProblem: `${row.name} has no forecast yet (it could not be read); enter the numbers of users yourself.` });
          return;
        }
        const suggestion = seatSuggestion(forecast);
        set((current) => ({
          suggesting: false,
          suggestion,
          suggestionFor: instanceId,
          form: current.countsTyped ? current.form : { ...current.form, internalUsers: String(suggestion.internal), externalUsers: String(suggestion.external) },
        }));
      },

      async checkoutRequested() {
        const state = get();
        const { orgId, kind } = state;
        if (orgId === null || kind === null || state.submitting || state.step !== 'order') return;
        const current = session;
        if (kind === 'renewal') {
          const renewing = state.renewing;
          if (renewing === null) return;
          set({ submitting: true, submitProblem: null });
          const result = await client.invoke('portal:renew-license', { org: orgId, id: renewing.id });
          if (current !== session) return;
          if (!result.ok) {
            set({ submitting: false, submitProblem: refusalWords(portalProblemOf(result.error), `renew “${renewing.nickname}”`) });
            return;
          }
          // The dialog follows the renewal again, not the Licenses tab.
          tracking.getState().purchaseUntracked(renewing.id);
          set({ submitting: false, step: 'payment', ...checkoutOf(result.value), check: 'checking' });
          scheduleCheck();
          return;
        }
        const rows = instances.getState().rows;
        set({ attempted: true });
        if (Object.keys(purchaseFormProblems(state.form, rows)).length > 0) return;
        set({ submitting: true, submitProblem: null, serverProblems: {} });
        const result = await client.invoke('portal:checkout', { org: orgId, order: checkoutOrderOf(state.form, rows) });
        if (current !== session) return;
        if (!result.ok) {
          const problem = portalProblemOf(result.error);
          const { problems, other } = purchaseServerProblems(problem.fields, get().form);
          const placed = Object.keys(problems).length > 0;
          set({
            submitting: false,
            serverProblems: problems,
            submitProblem: placed && other.length === 0 ? 'The portal refused the order; see the fields marked above.' : refusalWords(problem, 'open the checkout'),
          });
          return;
        }
        // The order exists even when its page did not open: the payment step shows its address, and Continue is gone.
        set({ submitting: false, step: 'payment', licenseId: result.value.licenseId, ...checkoutOf(result.value), check: 'checking' });
        // The new license (pending payment) shows in the organization's list: main's portal:did-change reads it again.
        scheduleCheck();
      },

      async checkoutOpenAgainRequested() {
        const { checkoutUrl } = get();
        if (checkoutUrl === null) return;
        const current = session;
        set({ checkoutNotice: null });
        const problem = await openCheckoutAgain(client, checkoutUrl);
        if (current !== session) return;
        set(problem === null ? { checkoutOpened: true, checkoutProblem: null, checkoutNotice: 'Opened the checkout page in your browser.' } : { checkoutProblem: problem });
      },

      async checkoutUrlCopyRequested() {
        const { checkoutUrl } = get();
        if (checkoutUrl === null) return;
        const current = session;
        set({ checkoutNotice: null });
        const problem = await copyCheckoutUrl(client, checkoutUrl);
        if (current !== session) return;
        set(problem === null ? { checkoutNotice: 'Copied the checkout address to the clipboard.' } : { checkoutProblem: problem });
      },

      checkStopped() {
        if (get().check !== 'checking') return;
        cancelTimer();
        set({ check: 'stopped' });
      },

      async checkResumed() {
        if (get().step !== 'payment' || get().check === 'done') return;
        cancelTimer();
        set({ check: 'checking', checkProblem: null });
        await checkLicense();
      },

      async paidLicenseInstallRequested(instanceId) {
        const { orgId, accountId, license, check } = get();
        if (orgId === null || license === null || check !== 'done') return;
        const target = paidInstallTarget({ orgId, accountId, license, instanceId });
        if (target === null) return;
        const opened = install.getState().licenseInstallOpened(target);
        get().purchaseClosed();
        await opened;
      },

      purchaseClosed() {
        const { orgId, licenseId, accountId, kind, step, check, renewing, license, form, checkoutUrl } = get();
        // Closed before the payment was validated: the organization's Licenses tab follows it from here, as the account that placed it.
        if (orgId !== null && licenseId !== null && accountId !== null && kind !== null && checkoutUrl !== null && step === 'payment' && check !== 'done') {
          tracking.getState().purchaseTracked({ orgId, licenseId, accountId, kind, nickname: license?.nickname ?? form.nickname.trim(), renewing, license, checkoutUrl, stopped: check === 'stopped' });
        }
        started();
        set(CLOSED);
      },
    };
  });
}
