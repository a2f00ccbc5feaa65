import type { PlanRecord } from '../state/records';

/** What one billing period of a plan costs for these users, in minor units. */
export function periodAmount(plan: PlanRecord, internalUsers: number, externalUsers: number): number {
  return internalUsers * plan.pricePerInternalUser + externalUsers * plan.pricePerExternalUser;
}

/** `1,500.00 EUR` */
export function formatMoney(amount: number, currency: string): string {
  const major = Math.floor(amount / 100).toLocaleString('en-US');
  return `${major}.${String(amount % 100).padStart(2, '0')} ${currency}`;
}

/** The way a payment with this method reads in the payment history: `Visa ending in 4242`. */
export function methodDescription(method: {
  type: 'card' | 'sepa_debit';
  brand: string | null;
  last4: string;
}): string {
  if (method.type === 'sepa_debit') return `SEPA Direct Debit ending in ${method.last4}`;
  const brand = method.brand === null ? 'Card' : method.brand.charAt(0).toUpperCase() + method.brand.slice(1);
  return `${brand} ending in ${method.last4}`;
}
