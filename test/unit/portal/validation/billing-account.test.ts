import { describe, expect, it } from 'vitest';
import type { BillingAccount } from '../../../../shared/portal/schemas/billing-account';
import { billingAccountProblems, taxIdProblem } from '../../../../shared/portal/validation';
import { BERLIN } from '../billing-account-fixtures';

const EMPTY: BillingAccount = {
  name: null,
  address_line1: null,
  address_line2: null,
  city: null,
  postal_code: null,
  region: null,
  country: null,
  phone: null,
  tax_id: null,
};

describe('a billing account as a whole', () => {
  it('accepts a complete account and an empty one', () => {
    expect(billingAccountProblems(BERLIN)).toEqual({});
    expect(billingAccountProblems(EMPTY)).toEqual({});
  });

  it('checks the postal code and the tax ID against the country', () => {
    expect(billingAccountProblems({ ...BERLIN, country: 'FR' })).toEqual({
      tax_id: 'A VAT ID in France starts with FR, like FR12345678901',
    });
    expect(billingAccountProblems({ ...BERLIN, country: 'AT' })).toEqual({
      postal_code: 'A postal code in Austria has 4 digits, like 1010',
      tax_id: 'A VAT ID in Austria starts with AT, like ATU12345678',
    });
  });

  it('takes any tax ID outside the EU, and a Greek VAT ID with EL', () => {
    expect(billingAccountProblems({ ...BERLIN, country: 'US', postal_code: '94105', tax_id: '12-3456789' })).toEqual(
      {},
    );
    expect(
      billingAccountProblems({ ...BERLIN, country: 'CH', postal_code: '8001', tax_id: 'CHE-123.456.789 MWST' }),
    ).toEqual({});
    expect(billingAccountProblems({ ...BERLIN, country: 'GR', postal_code: '105 57', tax_id: 'EL123456789' })).toEqual(
      {},
    );
  });

  it('names every bad field at once', () => {
    expect(billingAccountProblems({ ...BERLIN, postal_code: '1011', phone: '030 901820', tax_id: 'DE1' })).toEqual({
      postal_code: 'A postal code in Germany has 5 digits, like 10115',
      phone:
        'Write the phone number in international form without spaces: a +, the country code and the number, like +4930901820',
      tax_id: 'A VAT ID in Germany is DE followed by 9 digits, like DE123456789',
    });
  });

  it('blames a bad country code alone, not the fields checked against it', () => {
    expect(billingAccountProblems({ ...BERLIN, country: 'de' })).toEqual({
      country: 'A country is its two-letter ISO code in capitals, like DE, FR or US',
    });
  });

  it('needs a country before it can check a tax ID', () => {
    expect(billingAccountProblems({ ...EMPTY, tax_id: 'DE123456789' })).toEqual({
      tax_id: 'Choose the billing country first: the tax ID is checked against it',
    });
  });
});

describe('tax IDs outside the EU', () => {
  it('takes up to 32 letters, digits, spaces, dots or hyphens', () => {
    expect(taxIdProblem('GB123456789', 'GB')).toBeNull();
    expect(taxIdProblem('A'.repeat(32), 'US')).toBeNull();
    expect(taxIdProblem('A'.repeat(33), 'US')).toBe('A tax ID has 1 to 32 letters, digits, spaces, dots or hyphens');
    expect(taxIdProblem('12/3456', 'AU')).toBe('A tax ID has 1 to 32 letters, digits, spaces, dots or hyphens');
  });
});
