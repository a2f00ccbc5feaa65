import { describe, expect, it } from 'vitest';
import {
  accountAfter,
  billingFormProblems,
  changeOf,
  EMPTY_BILLING_ACCOUNT,
  formOf,
  serverFieldProblems,
} from '../../../renderer/features/billing/billing-form';
import { BERLIN } from '../portal/billing-account-fixtures';

describe('the billing form and the account it saves', () => {
  it('shows unset fields empty and saves empty or blank fields as not set, trimmed like the portal stores them', () => {
    const form = formOf(BERLIN);
    expect(form.address_line2).toBe('');
    expect(accountAfter({ ...form, city: '  Potsdam ', region: '   ' })).toEqual({ ...BERLIN, city: 'Potsdam' });
  });

  it('sends only the fields that changed; an emptied field is sent as null to clear it', () => {
    expect(changeOf(BERLIN, formOf(BERLIN))).toEqual({});
    expect(changeOf(BERLIN, { ...formOf(BERLIN), city: 'Potsdam', postal_code: '14467', phone: '' })).toEqual({
      city: 'Potsdam',
      postal_code: '14467',
      phone: null,
    });
  });

  it('does not count added spaces as a change', () => {
    expect(changeOf(BERLIN, { ...formOf(BERLIN), name: ' Acme GmbH ' })).toEqual({});
  });

  it('finds nothing wrong with a complete German account or an empty one', () => {
    expect(billingFormProblems(formOf(BERLIN))).toEqual({});
    expect(billingFormProblems(formOf(EMPTY_BILLING_ACCOUNT))).toEqual({});
  });

  it('checks the postal code against the chosen country, as the portal does', () => {
    expect(billingFormProblems({ ...formOf(BERLIN), postal_code: '1011' })).toEqual({
      postal_code: 'A postal code in Germany has 5 digits, like 10115',
    });
    expect(
      billingFormProblems({ ...formOf(BERLIN), country: 'US', postal_code: '94105', tax_id: '12-3456789' }),
    ).toEqual({});
    expect(billingFormProblems({ ...formOf(BERLIN), country: 'NL', tax_id: 'NL123456789B01' })).toEqual({
      postal_code: 'A postal code in the Netherlands is 4 digits (not starting with 0) and 2 letters, like 1012 AB',
    });
  });

  it('checks the VAT ID by the country prefix, the phone in E.164, and each field’s length', () => {
    expect(billingFormProblems({ ...formOf(BERLIN), country: 'FR', postal_code: '75001' })).toEqual({
      tax_id: 'A VAT ID in France starts with FR, like FR12345678901',
    });
    expect(billingFormProblems({ ...formOf(BERLIN), phone: '030 901820' }).phone).toMatch(
      /^Write the phone number in international form/,
    );
    expect(billingFormProblems({ ...formOf(BERLIN), name: 'x'.repeat(101) })).toEqual({
      name: 'The name has at most 100 characters',
    });
  });

  it('asks for the country before a tax ID can be checked', () => {
    expect(billingFormProblems({ ...formOf(EMPTY_BILLING_ACCOUNT), tax_id: 'DE123456789' })).toEqual({
      tax_id: 'Choose the billing country first: the tax ID is checked against it',
    });
  });
});

describe("the portal's field messages (422)", () => {
  it('puts each message on its field, whether keyed by the API or by the app’s request, and keeps the rest apart', () => {
    expect(
      serverFieldProblems({
        postal_code: 'No such postal code',
        'change.tax_id': 'Unknown VAT ID',
        body: 'Change at least one field',
      }),
    ).toEqual({
      problems: { postal_code: 'No such postal code', tax_id: 'Unknown VAT ID' },
      other: ['Change at least one field'],
    });
  });
});
