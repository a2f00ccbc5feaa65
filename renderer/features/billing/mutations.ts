import { useMutation } from '@tanstack/react-query';
import type { BillingAccountUpdate } from '../../../shared/portal/schemas/billing-account';
import type { Invoice } from '../../../shared/portal/schemas/invoices';
import { askMain } from '../../queries/query-client';
import { useActiveAccountId } from '../../queries/portal-accounts';
import { billingAccountQuery } from './queries';

/** Saves the form's change; the portal's answer is the account as it is now, shown at once. */
export function useSaveBillingAccount(orgId: string) {
  const accountId = useActiveAccountId() ?? '';
  const { queryKey } = billingAccountQuery(accountId, orgId);
  return useMutation({
    mutationFn: (change: BillingAccountUpdate, { client }) =>
      askMain(client, 'portal:update-billing-account', { org: orgId, change }),
    // A read that started before the save would answer with the account as it was: it is dropped.
    onMutate: (_change, { client }) => client.cancelQueries({ queryKey }),
    onSuccess: ({ account }, _change, _context, { client }) => client.setQueryData(queryKey, account),
  });
}

/** Opens the portal's page for adding a payment method in the system browser; the list is read again when the window gets the focus back. */
export function useSetupPaymentMethod(orgId: string) {
  return useMutation({
    mutationFn: (_: unknown, { client }) => askMain(client, 'portal:setup-payment-method', { org: orgId }),
  });
}

/** Downloads an invoice's PDF and opens it in the PDF viewer; the invoice is passed whole so the words can name it. */
export function useOpenInvoice(orgId: string) {
  return useMutation({
    mutationFn: (invoice: Invoice, { client }) =>
      askMain(client, 'portal:open-invoice', { org: orgId, id: invoice.id }),
  });
}

/** Opens the portal's payment page of an open invoice in the system browser; the list is read again when the window gets the focus back. */
export function usePayInvoice(orgId: string) {
  return useMutation({
    mutationFn: (invoice: Invoice, { client }) => askMain(client, 'portal:pay-invoice', { org: orgId, id: invoice.id }),
  });
}
