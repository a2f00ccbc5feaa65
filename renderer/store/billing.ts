import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Api } from '../../shared/ipc/api';
import { createBillingAccountSlice, INITIAL_ACCOUNT, selectBillingDirty, type BillingAccountSlice } from './billing-account';
import { createBillingInvoicesSlice, INITIAL_INVOICES, type BillingInvoicesSlice } from './billing-invoices';
import { createBillingPaymentMethodsSlice, INITIAL_PAYMENT_METHODS, type BillingPaymentMethodsSlice } from './billing-payment-methods';

/** One organization's billing page: the billing account, payment methods, invoices and payments. */
export interface BillingState extends BillingAccountSlice, BillingPaymentMethodsSlice, BillingInvoicesSlice {
  /** The organization shown; answers for another one are dropped. */
  orgId: string | null;

  /** The billing tab of `orgId` is shown: another organization starts afresh, the same one reloads. */
  billingOpened(orgId: string): Promise<void>;
  /** Something changed in the portal (a purchase completed, another account): the lists reload, edits stay. */
  portalChanged(): Promise<void>;
}

export type BillingStore = StoreApi<BillingState>;

/** The billing store, built from its slices; every action talks to main through `client` only. */
export function createBillingStore({ client }: { client: Api }): BillingStore {
  return createStore<BillingState>()((set, get, store) => ({
    ...createBillingAccountSlice(client)(set, get, store),
    ...createBillingPaymentMethodsSlice(client)(set, get, store),
    ...createBillingInvoicesSlice(client)(set, get, store),
    orgId: null,

    async billingOpened(orgId) {
      if (get().orgId !== orgId) set({ ...INITIAL_ACCOUNT, ...INITIAL_PAYMENT_METHODS, ...INITIAL_INVOICES, orgId });
      const state = get();
      await Promise.all([state.billingAccountLoaded(orgId), state.paymentMethodsLoaded(orgId), state.invoicesLoaded(orgId)]);
    },

    async portalChanged() {
      const state = get();
      const { orgId } = state;
      if (orgId === null) return;
      // An edit in progress is kept either way; the account is only re-read when there is none.
      await Promise.all([selectBillingDirty(state) ? null : state.billingAccountLoaded(orgId), state.paymentMethodsLoaded(orgId), state.invoicesLoaded(orgId)]);
    },
  }));
}
