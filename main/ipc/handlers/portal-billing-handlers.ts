import { basename } from 'node:path';
import { saveInvoicePdf } from '../../portal/invoice-file';
import { activeClient, portalChanged, type PortalSession } from '../../portal/portal-session';
import type { FileOpenerPort } from '../../ports/file-opener';
import { portalAnswering } from '../answering/portal-answering';
import { openPortalPage } from '../answering/portal-pages';
import type { Handlers } from '../handlers';
import { IpcError } from '../ipc-error';

type BillingChannels =
  | 'portal:get-billing-account'
  | 'portal:update-billing-account'
  | 'portal:list-payment-methods'
  | 'portal:setup-payment-method'
  | 'portal:list-invoices'
  | 'portal:open-invoice'
  | 'portal:pay-invoice';

export interface InvoiceViewer {
  /** The private folder invoice PDFs are saved in. */
  folder: () => Promise<string>;
  files: FileOpenerPort;
}

/** Billing per organization: the account invoices are made out to, payment methods, invoices and payments. */
export function portalBillingHandlers(session: PortalSession, viewer: InvoiceViewer): Pick<Handlers, BillingChannels> {
  return {
    'portal:get-billing-account': async ({ org }) =>
      portalAnswering(async () => ({ account: await activeClient(session).getBillingAccount(org) })),

    'portal:update-billing-account': async ({ org, change }) =>
      portalAnswering(async () => {
        const account = await activeClient(session).updateBillingAccount(org, change);
        portalChanged(session);
        return { account };
      }),

    'portal:list-payment-methods': async ({ org }) =>
      portalAnswering(async () => ({ paymentMethods: await activeClient(session).listPaymentMethods(org) })),

    'portal:setup-payment-method': async ({ org }) =>
      portalAnswering(async () => {
        const { setup_url: setupUrl } = await activeClient(session).setupPaymentMethod(org);
        await openPortalPage(session, setupUrl, 'page for adding a payment method');
        return { setupUrl };
      }),

    'portal:list-invoices': async ({ org }) =>
      portalAnswering(async () => {
        const client = activeClient(session);
        const [invoices, payments] = await Promise.all([client.listInvoices(org), client.listPayments(org)]);
        return { invoices, payments };
      }),

    'portal:open-invoice': async ({ org, id }) =>
      portalAnswering(async () => {
        const client = activeClient(session);
        const invoice = (await client.listInvoices(org)).find((candidate) => candidate.id === id);
        if (invoice === undefined)
          throw new IpcError('not_found', 'This organization has no such invoice (any more); reload its invoices.');
        const path = await saveInvoicePdf(await viewer.folder(), invoice.number, await client.getInvoicePdf(org, id));
        try {
          await viewer.files.open(path);
        } catch (error) {
          throw new IpcError(
            'refused',
            `Invoice ${invoice.number} was saved as ${path}, but no app opened it (${error instanceof Error ? error.message : String(error)}); open that file yourself.`,
          );
        }
        return { fileName: basename(path) };
      }),

    'portal:pay-invoice': async ({ org, id }) =>
      portalAnswering(async () => {
        // The address comes from the portal's own invoice list, never from the page.
        const invoice = (await activeClient(session).listInvoices(org)).find((candidate) => candidate.id === id);
        if (invoice === undefined)
          throw new IpcError('not_found', 'This organization has no such invoice (any more); refresh its invoices.');
        if (invoice.status !== 'open' || invoice.pay_url === null)
          throw new IpcError('refused', `Invoice ${invoice.number} is ${invoice.status}: there is nothing to pay.`);
        await openPortalPage(session, invoice.pay_url, 'invoice payment page');
        return {};
      }),
  };
}
