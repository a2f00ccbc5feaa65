import type { Invoice } from '../../../shared/portal/schemas/invoices';
import type { Payment } from '../../../shared/portal/schemas/payments';
import type { BillingField } from './billing-form';

/** Each billing account field's label and what to write in it. */
export const FIELD_WORDS: Record<BillingField, { label: string; hint?: string; autoComplete: string }> = {
  name: { label: 'Name', hint: 'The company or person the invoices are made out to.', autoComplete: 'organization' },
  address_line1: { label: 'Address line 1', hint: 'Street and number.', autoComplete: 'address-line1' },
  address_line2: {
    label: 'Address line 2 (optional)',
    hint: 'Building, floor, department.',
    autoComplete: 'address-line2',
  },
  city: { label: 'City', autoComplete: 'address-level2' },
  postal_code: {
    label: 'Postal code',
    hint: 'Checked against the country: 5 digits in Germany, like 10115; a ZIP code in the United States, like 94105.',
    autoComplete: 'postal-code',
  },
  region: {
    label: 'Region (optional)',
    hint: 'State, province or county, where the address has one.',
    autoComplete: 'address-level1',
  },
  country: { label: 'Country', autoComplete: 'country' },
  phone: {
    label: 'Phone',
    hint: 'In international form without spaces: a +, the country code and the number, like +4930901820.',
    autoComplete: 'tel',
  },
  tax_id: {
    label: 'Tax ID',
    hint: 'In the European Union, the VAT ID with its country prefix, like DE123456789.',
    autoComplete: 'off',
  },
};

/** Invoice statuses in words (never a colour alone). */
export const INVOICE_STATUS_WORDS: Record<Invoice['status'], string> = {
  open: 'Open: not paid yet',
  paid: 'Paid',
  void: 'Void: cancelled',
};

export const PAYMENT_STATUS_WORDS: Record<Payment['status'], string> = {
  succeeded: 'Succeeded',
  pending: 'Pending',
  failed: 'Failed',
  refunded: 'Refunded',
};

/** The tone each status is drawn in, next to its words. */
export const STATUS_TONES: Record<Invoice['status'] | Payment['status'], 'ok' | 'warn' | 'bad' | 'plain'> = {
  paid: 'ok',
  succeeded: 'ok',
  open: 'warn',
  pending: 'warn',
  failed: 'bad',
  void: 'plain',
  refunded: 'plain',
};
