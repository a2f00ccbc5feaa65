import type { BillingAccount } from '../../../shared/portal/schemas/billing-account';

/** A complete, valid billing account in Germany. */
export const BERLIN: BillingAccount = {
  name: 'Acme GmbH',
  address_line1: 'Unter den Linden 1',
  address_line2: null,
  city: 'Berlin',
  postal_code: '10117',
  region: null,
  country: 'DE',
  phone: '+4930901820',
  tax_id: 'DE123456789',
};
