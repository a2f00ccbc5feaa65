import { describe, expect, it } from 'vitest';
import { EU_COUNTRIES, POSTAL_CODE_COUNTRIES } from '../../../shared/portal/validation';
import { calendarDate } from '../../../renderer/format/dates';
import { COUNTRIES, countryChoices, countryName } from '../../../renderer/features/billing/countries';
import { formatMinorUnits } from '../../../renderer/ui/money';
import { paymentMethodWords } from '../../../renderer/features/billing/payment-method-words';

describe('amounts in minor units', () => {
  it('divides by the currency’s own minor unit and writes it in the locale', () => {
    expect(formatMinorUnits(520_000, 'EUR', 'en-US')).toBe('€5,200.00');
    expect(formatMinorUnits(520_000, 'EUR', 'de-DE')).toBe('5.200,00\u00a0€');
    expect(formatMinorUnits(5, 'USD', 'en-US')).toBe('$0.05');
    expect(formatMinorUnits(5_000, 'JPY', 'en-US')).toBe('¥5,000');
    expect(formatMinorUnits(1_234, 'KWD', 'en-US')).toBe('KWD\u00a01.234');
  });
});

describe('invoice dates', () => {
  it('show the calendar date the portal gave, whatever the time zone', () => {
    expect(calendarDate('2026-03-01', 'en-GB')).toBe('1 Mar 2026');
    expect(calendarDate('2025-12-31', 'en-US')).toBe('Dec 31, 2025');
  });
});

describe('the billing countries', () => {
  const codes = new Set(COUNTRIES.map((country) => country.code));

  it('include every country the validation knows and every EU member state, by name', () => {
    for (const code of [...POSTAL_CODE_COUNTRIES, ...Object.keys(EU_COUNTRIES)]) expect(codes, code).toContain(code);
    expect(countryName('DE')).toBe('Germany');
    expect(countryName('GB')).toBe('United Kingdom');
    expect(COUNTRIES.every((country) => country.name !== country.code)).toBe(true);
  });

  it('are sorted by name', () => {
    const names = COUNTRIES.map((country) => country.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
  });

  it('keep a saved code the list lacks, so the form shows what the portal has', () => {
    expect(countryChoices('DE')).toBe(COUNTRIES);
    expect(countryChoices('QZ')[0]).toEqual({ code: 'QZ', name: 'QZ (as saved)' });
  });
});

describe('payment methods in words', () => {
  const card = {
    id: '00000000-0000-4000-8000-000000000001',
    type: 'card' as const,
    brand: 'visa',
    last4: '4242',
    exp_month: 3,
    exp_year: 2029,
    is_default: true,
    created_at: '2026-01-01T00:00:00Z',
  };

  it('name the brand, the last four digits and the expiry', () => {
    expect(paymentMethodWords(card)).toBe('Visa ending in 4242, expires 03/2029');
    expect(
      paymentMethodWords({ ...card, type: 'sepa_debit', brand: null, exp_month: null, exp_year: null, last4: '3000' }),
    ).toBe('SEPA Direct Debit ending in 3000');
    expect(paymentMethodWords({ ...card, brand: 'card' })).toBe('Card ending in 4242, expires 03/2029');
  });
});
