import type { StateCreator } from 'zustand/vanilla';
import type { Api } from '../../shared/ipc/api';
import type { Invoice } from '../../shared/portal/schemas/invoices';
import type { Payment } from '../../shared/portal/schemas/payments';
import type { BillingState } from './billing';
import { sharedPerOrg } from './billing-in-flight';
import { portalProblemOf, refusalWords } from './portal-problem';

/** The organization's invoices (each with its PDF) and payment history. */
export interface BillingInvoicesSlice {
  invoices: Invoice[];
  payments: Payment[];
  /** True once the first list answered, with invoices or a problem. */
  invoicesListed: boolean;
  invoicesLoading: boolean;
  invoicesProblem: string | null;
  /** The invoice whose PDF is being downloaded and opened. */
  openingInvoiceId: string | null;
  invoiceNotice: string | null;
  invoiceProblem: string | null;

  invoicesLoaded(orgId: string): Promise<void>;
  invoicesReloadRequested(): Promise<void>;
  invoiceOpenRequested(id: string): Promise<void>;
}

export const INITIAL_INVOICES = {
  invoices: [],
  payments: [],
  invoicesListed: false,
  invoicesLoading: false,
  invoicesProblem: null,
  openingInvoiceId: null,
  invoiceNotice: null,
  invoiceProblem: null,
} satisfies Partial<BillingInvoicesSlice>;

/** The invoice a payment settled, for the payment history's "Invoice" column. */
export const selectInvoiceNumber = (state: BillingState, invoiceId: string | null): string | null =>
  invoiceId === null ? null : (state.invoices.find((invoice) => invoice.id === invoiceId)?.number ?? null);

export function createBillingInvoicesSlice(client: Api): StateCreator<BillingState, [], [], BillingInvoicesSlice> {
  return (set, get) => {
    const load = sharedPerOrg(async (orgId) => {
      set({ invoicesLoading: true });
      const result = await client.invoke('portal:list-invoices', { org: orgId });
      if (get().orgId !== orgId) return;
      if (result.ok) set({ invoicesLoading: false, invoicesListed: true, invoicesProblem: null, ...result.value });
      else set({ invoicesLoading: false, invoicesListed: true, invoicesProblem: refusalWords(portalProblemOf(result.error), 'list the invoices') });
    });

    return {
      ...INITIAL_INVOICES,

      invoicesLoaded: (orgId) => load(orgId),

      async invoicesReloadRequested() {
        const { orgId } = get();
        if (orgId !== null) await load(orgId);
      },

      async invoiceOpenRequested(id) {
        const { orgId, openingInvoiceId, invoices } = get();
        if (orgId === null || openingInvoiceId !== null) return;
        const number = invoices.find((invoice) => invoice.id === id)?.number ?? 'the invoice';
        set({ openingInvoiceId: id, invoiceNotice: null, invoiceProblem: null });
        const result = await client.invoke('portal:open-invoice', { org: orgId, id });
        if (get().orgId !== orgId) return;
        if (result.ok) set({ openingInvoiceId: null, invoiceNotice: `Opened invoice ${number} (${result.value.fileName}) in your PDF viewer.` });
        else set({ openingInvoiceId: null, invoiceProblem: refusalWords(portalProblemOf(result.error), `open invoice ${number}`) });
      },
    };
  };
}
