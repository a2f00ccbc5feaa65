import { DAY_MS } from '../../../../shared/time/durations';
import { methodDescription } from '../commerce/pricing';
import { seedId } from './ids';
import type { InvoiceRecord, PaymentMethodRecord, PaymentRecord } from './records';
import { SEED } from './seed-catalog';

// The seeded billing: the organizations' payment methods, invoices and payments, dated relative to `now`.

const { organizations: O } = SEED;

/** The payment methods of Acme (a Visa card and a SEPA debit) and Globex (a Mastercard). */
export function seedPaymentMethods(now: number): PaymentMethodRecord[] {
  return [
    {
      id: seedId('pm:acme-visa'),
      orgId: O.acme.id,
      type: 'card',
      brand: 'visa',
      last4: '4242',
      expMonth: 12,
      expYear: 2030,
      isDefault: true,
      createdAt: now - 400 * DAY_MS,
    },
    {
      id: seedId('pm:acme-sepa'),
      orgId: O.acme.id,
      type: 'sepa_debit',
      brand: null,
      last4: '3000',
      expMonth: null,
      expYear: null,
      isDefault: false,
      createdAt: now - 90 * DAY_MS,
    },
    {
      id: seedId('pm:globex-mc'),
      orgId: O.globex.id,
      type: 'card',
      brand: 'mastercard',
      last4: '4444',
      expMonth: 6,
      expYear: 2029,
      isDefault: true,
      createdAt: now - 300 * DAY_MS,
    },
  ];
}

/** The invoices and payments of Acme and Globex: paid, void, open, refunded and failed. */
export function seedBillingHistory(now: number): { invoices: InvoiceRecord[]; payments: PaymentRecord[] } {
  const visa = methodDescription({ type: 'card', brand: 'visa', last4: '4242' });
  const mastercard = methodDescription({ type: 'card', brand: 'mastercard', last4: '4444' });
  const invoice = (
    key: string,
    orgId: string,
    sequence: number,
    daysAgo: number,
    amount: number,
    currency: string,
    status: InvoiceRecord['status'],
    description: string,
  ): InvoiceRecord => {
    const date = now - daysAgo * DAY_MS;
    return {
      id: seedId(`invoice:${key}`),
      orgId,
      number: `AK-${new Date(date).getUTCFullYear()}-${String(sequence).padStart(6, '0')}`,
      date,
      amount,
      currency,
      status,
      description,
    };
  };
  const invoices = [
    invoice(
      'acme-legacy',
      O.acme.id,
      1,
      395,
      250_000,
      'EUR',
      'paid',
      'Legacy cluster: 50 internal users, 0 external users, one year',
    ),
    invoice(
      'acme-production',
      O.acme.id,
      2,
      165,
      520_000,
      'EUR',
      'paid',
      'Production: 100 internal users, 1,000 external users, one year',
    ),
    invoice(
      'acme-edge-void',
      O.acme.id,
      3,
      360,
      125_000,
      'EUR',
      'void',
      'Edge sites: 25 internal users (cancelled order)',
    ),
    invoice(
      'acme-edge',
      O.acme.id,
      4,
      355,
      125_000,
      'EUR',
      'paid',
      'Edge sites: 25 internal users, 0 external users, one year',
    ),
    invoice(
      'acme-staging',
      O.acme.id,
      5,
      1,
      5_000,
      'EUR',
      'open',
      'Staging: 10 internal users, 0 external users, one month',
    ),
    invoice(
      'globex-main',
      O.globex.id,
      6,
      65,
      1_010_000,
      'USD',
      'paid',
      'Globex SSO: 200 internal users, 500 external users, one year',
    ),
  ];
  const byKey = (key: string): string => seedId(`invoice:${key}`);
  const payment = (
    key: string,
    orgId: string,
    daysAgo: number,
    amount: number,
    currency: string,
    status: PaymentRecord['status'],
    invoiceKey: string | null,
    description: string,
  ): PaymentRecord => ({
    id: seedId(`payment:${key}`),
    orgId,
    date: now - daysAgo * DAY_MS,
    amount,
    currency,
    status,
    invoiceId: invoiceKey === null ? null : byKey(invoiceKey),
    description,
  });
  const payments = [
    payment('acme-legacy', O.acme.id, 395, 250_000, 'EUR', 'succeeded', 'acme-legacy', visa),
    payment('acme-edge-refund', O.acme.id, 358, 125_000, 'EUR', 'refunded', 'acme-edge-void', visa),
    payment('acme-edge-declined', O.acme.id, 356, 125_000, 'EUR', 'failed', 'acme-edge', visa),
    payment('acme-edge', O.acme.id, 355, 125_000, 'EUR', 'succeeded', 'acme-edge', visa),
    payment('acme-production', O.acme.id, 165, 520_000, 'EUR', 'succeeded', 'acme-production', visa),
    payment('globex-main', O.globex.id, 65, 1_010_000, 'USD', 'succeeded', 'globex-main', mastercard),
  ];
  return { invoices, payments };
}
