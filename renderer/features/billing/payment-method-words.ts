import type { PaymentMethod } from '../../../shared/portal/schemas/payment-methods';

/** "Visa ending in 4242, expires 12/2028", "SEPA Direct Debit ending in 3000". */
export function paymentMethodWords(method: PaymentMethod): string {
  const what = method.type === 'sepa_debit' ? 'SEPA Direct Debit' : brandWords(method.brand);
  const expiry =
    method.exp_month !== null && method.exp_year !== null
      ? `, expires ${String(method.exp_month).padStart(2, '0')}/${method.exp_year}`
      : '';
  return `${what} ending in ${method.last4}${expiry}`;
}

const BRANDS: Readonly<Record<string, string>> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  discover: 'Discover',
};

export function brandWords(brand: string | null): string {
  if (brand === null || brand === '' || brand === 'card') return 'Card';
  return BRANDS[brand] ?? brand.charAt(0).toUpperCase() + brand.slice(1);
}
