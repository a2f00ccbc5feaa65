import type { StateCreator } from 'zustand/vanilla';
import type { Api } from '../../shared/ipc/api';
import type { PaymentMethod } from '../../shared/portal/schemas/payment-methods';
import type { BillingState } from './billing';
import { sharedPerOrg } from './billing-in-flight';
import { paymentMethodWords } from './billing-payment-words';
import { portalProblemOf, refusalWords } from './portal-problem';

/** The organization's saved payment methods, and adding one on the portal's page in the system browser. */
export interface BillingPaymentMethodsSlice {
  paymentMethods: PaymentMethod[];
  /** True once the first list answered, with methods or a problem. */
  methodsListed: boolean;
  methodsLoading: boolean;
  methodsProblem: string | null;
  /** The portal's page for adding a method is being opened. */
  settingUp: boolean;
  methodsNotice: string | null;
  setupProblem: string | null;

  paymentMethodsLoaded(orgId: string): Promise<void>;
  paymentMethodsReloadRequested(): Promise<void>;
  paymentMethodSetupRequested(): Promise<void>;
  /** The app's window got the focus back (from the browser, say): a method added there shows. */
  billingWindowFocused(): Promise<void>;
}

export const INITIAL_PAYMENT_METHODS = {
  paymentMethods: [],
  methodsListed: false,
  methodsLoading: false,
  methodsProblem: null,
  settingUp: false,
  methodsNotice: null,
  setupProblem: null,
} satisfies Partial<BillingPaymentMethodsSlice>;

export function createBillingPaymentMethodsSlice(client: Api): StateCreator<BillingState, [], [], BillingPaymentMethodsSlice> {
  return (set, get) => {
    /** Lists the methods, naming any that appeared since the last list. */
    const load = sharedPerOrg(async (orgId) => {
      set({ methodsLoading: true });
      const before = get().paymentMethods;
      const result = await client.invoke('portal:list-payment-methods', { org: orgId });
      if (get().orgId !== orgId) return;
      if (!result.ok) {
        set({ methodsLoading: false, methodsListed: true, methodsProblem: refusalWords(portalProblemOf(result.error), 'list the payment methods') });
        return;
      }
      const methods = result.value.paymentMethods;
      const added = get().methodsListed ? methods.filter((method) => !before.some((known) => known.id === method.id)) : [];
      set({
        methodsLoading: false,
        methodsListed: true,
        methodsProblem: null,
        paymentMethods: methods,
        ...(added.length > 0 ? { methodsNotice: `Added ${added.map(paymentMethodWords).join('; ')}.` } : {}),
      });
    });

    return {
      ...INITIAL_PAYMENT_METHODS,

      paymentMethodsLoaded: (orgId) => load(orgId),

      async paymentMethodsReloadRequested() {
        const { orgId } = get();
        if (orgId === null) return;
        set({ methodsNotice: null });
        await load(orgId);
      },

      async paymentMethodSetupRequested() {
        const { orgId, settingUp } = get();
        if (orgId === null || settingUp) return;
        set({ settingUp: true, setupProblem: null, methodsNotice: null });
        const result = await client.invoke('portal:setup-payment-method', { org: orgId });
        if (get().orgId !== orgId) return;
        if (!result.ok) {
          set({ settingUp: false, setupProblem: refusalWords(portalProblemOf(result.error), 'open the page for adding a payment method') });
          return;
        }
        set({
          settingUp: false,
          methodsNotice: 'The portal’s page for adding a payment method is open in your browser. Add the card there, then come back: the list reloads when you return to the app, or press Reload.',
        });
      },

      async billingWindowFocused() {
        const { orgId, methodsListed } = get();
        if (orgId === null || !methodsListed) return;
        await load(orgId);
      },
    };
  };
}
