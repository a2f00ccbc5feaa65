import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PaymentMethod } from '../../../shared/portal/schemas/payment-methods';
import { portalKeys } from '../../queries/portal-keys';
import { askMain } from '../../queries/query-client';
import { useActiveAccountId } from '../../queries/portal-accounts';

export const billingAccountQuery = (accountId: string, orgId: string) =>
  queryOptions({
    queryKey: portalKeys.billingAccount(accountId, orgId),
    queryFn: async ({ client }) => (await askMain(client, 'portal:get-billing-account', { org: orgId })).account,
  });

/** The methods as listed, and those that were not there the time before (added on the portal's page in the browser). */
export interface PaymentMethodsList {
  methods: PaymentMethod[];
  added: PaymentMethod[];
}

export const paymentMethodsQuery = (accountId: string, orgId: string) =>
  queryOptions({
    queryKey: portalKeys.paymentMethods(accountId, orgId),
    queryFn: async ({ client, queryKey }): Promise<PaymentMethodsList> => {
      // Read before asking: the list shown now is what "added" is measured against; the first list adds nothing.
      const before = client.getQueryData<PaymentMethodsList>(queryKey);
      const methods = (await askMain(client, 'portal:list-payment-methods', { org: orgId })).paymentMethods;
      const added =
        before === undefined ? [] : methods.filter((method) => !before.methods.some((known) => known.id === method.id));
      return { methods, added };
    },
  });

export const invoicesQuery = (accountId: string, orgId: string) =>
  queryOptions({
    queryKey: portalKeys.invoices(accountId, orgId),
    queryFn: ({ client }) => askMain(client, 'portal:list-invoices', { org: orgId }),
  });

// Nothing is asked until the accounts are listed and one is active.

export function useBillingAccount(orgId: string) {
  const accountId = useActiveAccountId();
  return useQuery({ ...billingAccountQuery(accountId ?? '', orgId), enabled: accountId !== null });
}

export function usePaymentMethods(orgId: string) {
  const accountId = useActiveAccountId();
  return useQuery({ ...paymentMethodsQuery(accountId ?? '', orgId), enabled: accountId !== null });
}

export function useInvoices(orgId: string) {
  const accountId = useActiveAccountId();
  return useQuery({ ...invoicesQuery(accountId ?? '', orgId), enabled: accountId !== null });
}
