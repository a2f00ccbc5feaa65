import { screen } from '@testing-library/react';
import { createElement as h } from 'react';
import type { BillingAccount } from '../../../shared/portal/schemas/billing-account';
import type { PaymentMethod } from '../../../shared/portal/schemas/payment-methods';
import { OrgBillingTab } from '../../../renderer/features/billing/OrgBillingTab';
import { BERLIN } from '../portal/billing-account-fixtures';
import { ok, type Answers } from './portal-licenses-fixtures';
import { portalScreen } from './portal-screen';

// The organization, invoice and payment methods the Billing tab tests draw, and how they read the tab.

export const ORG = '11111111-1111-4111-8111-111111111111';
export const OTHER_ORG = '22222222-2222-4222-8222-222222222222';
export const INVOICE = '33333333-3333-4333-8333-333333333333';

export const VISA: PaymentMethod = {
  id: '44444444-4444-4444-8444-444444444444',
  type: 'card',
  brand: 'visa',
  last4: '4242',
  exp_month: 12,
  exp_year: 2029,
  is_default: true,
  created_at: '2026-01-01T00:00:00Z',
};
export const MASTERCARD: PaymentMethod = {
  ...VISA,
  id: '55555555-5555-4555-8555-555555555555',
  brand: 'mastercard',
  last4: '4444',
  is_default: false,
};

export function answers(account: BillingAccount = BERLIN, more: Answers = {}): Answers {
  return {
    'portal:get-billing-account': () => ok({ account }),
    'portal:list-payment-methods': () => ok({ paymentMethods: [VISA] }),
    'portal:list-invoices': () =>
      ok({
        invoices: [
          {
            id: INVOICE,
            number: 'AK-2026-000005',
            date: '2026-03-01',
            amount: 5_000,
            currency: 'EUR',
            status: 'open' as const,
            pdf_url: 'http://127.0.0.1/pdf',
            pay_url: 'http://127.0.0.1:4000/invoices/5/pay',
          },
        ],
        payments: [],
      }),
    ...more,
  };
}

/** Alice's Billing tab of Acme as `role`, once the account, methods and invoices are shown. */
export async function billingTab(more: Answers = {}, role: 'owner' | 'member' = 'owner') {
  const app = await portalScreen(h(OrgBillingTab, { orgId: ORG, role }), answers(BERLIN, more));
  await screen.findByRole('table', { name: 'Invoices, newest first' });
  await screen.findByText('4242', { exact: false });
  if (role === 'owner') await screen.findByLabelText('City');
  app.main.sent.length = 0;
  return app;
}

export const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
export const problemOf = (id: string) => document.getElementById(`billing-${id}-problem`)?.textContent;
export const alerts = () =>
  screen
    .getAllByRole('alert')
    .map((alert) => alert.textContent)
    .join(' ');
export const statuses = () =>
  screen
    .getAllByRole('status')
    .map((status) => status.textContent)
    .join(' ');
