import { describe, expect, it } from 'vitest';
import { POSTAL_CODE_COUNTRIES, postalCodeProblem } from '../../../../shared/portal/validation';

const CASES: Record<string, { valid: string[]; invalid: string[]; message: string }> = {
  US: {
    valid: ['94105', '94105-1804', '00501'],
    invalid: ['9410', '94105-180', '941051804', 'ABCDE'],
    message: 'A ZIP code in the United States has 5 digits, or 5 and 4 joined by a hyphen, like 94105 or 94105-1804',
  },
  CA: {
    valid: ['K1A 0B1', 'H2X 1Y4', 'k1a0b1'],
    invalid: ['D1A 0B1', 'K1A-0B1', 'K1A 0B', '12345'],
    message: 'A postal code in Canada is letter, digit, letter, a space, digit, letter, digit, like K1A 0B1',
  },
  GB: {
    valid: ['SW1A 1AA', 'M1 1AE', 'B33 8TH', 'CR2 6XH', 'DN55 1PT', 'EC1A1BB', 'GIR 0AA'],
    invalid: ['SW1A 1CA', 'SW1A', '12345', 'SW1A 1AAA'],
    message:
      'A postcode in the United Kingdom is an area and district, a space, then a digit and two letters, like SW1A 1AA or M1 1AE',
  },
  DE: {
    valid: ['10115', '01067'],
    invalid: ['1011', '101155', 'D-10115'],
    message: 'A postal code in Germany has 5 digits, like 10115',
  },
  FR: {
    valid: ['75001', '20000'],
    invalid: ['7500', '750001', '75 001'],
    message: 'A postal code in France has 5 digits, like 75001',
  },
  NL: {
    valid: ['1012 AB', '1012AB', '9999 zz'],
    invalid: ['0123 AB', '1012 SA', '1012 A', '1012'],
    message: 'A postal code in the Netherlands is 4 digits (not starting with 0) and 2 letters, like 1012 AB',
  },
  AT: {
    valid: ['1010', '6020'],
    invalid: ['0100', '10100', '101'],
    message: 'A postal code in Austria has 4 digits, like 1010',
  },
  CH: {
    valid: ['8001', '1200'],
    invalid: ['0800', '80010'],
    message: 'A postal code in Switzerland has 4 digits, like 8001',
  },
  AU: {
    valid: ['2000', '0800'],
    invalid: ['200', '20000', 'NSW 2000'],
    message: 'A postcode in Australia has 4 digits, like 2000',
  },
};

describe('postal codes by country', () => {
  it('has a rule for each country the issue names', () => {
    expect([...POSTAL_CODE_COUNTRIES].sort()).toEqual(Object.keys(CASES).sort());
  });

  describe.each(Object.entries(CASES))('%s', (country, { valid, invalid, message }) => {
    it.each(valid)('accepts %s', (code) => expect(postalCodeProblem(code, country)).toBeNull());
    it.each(invalid)("refuses %s with the country's rule in words", (code) =>
      expect(postalCodeProblem(code, country)).toBe(message),
    );
  });

  it('applies the general rule to other countries and to an account without a country', () => {
    expect(postalCodeProblem('100-0001', 'JP')).toBeNull();
    expect(postalCodeProblem('SE-123 45', null)).toBeNull();
    expect(postalCodeProblem('12#45', 'JP')).toBe('A postal code has 1 to 16 letters, digits, spaces or hyphens');
    expect(postalCodeProblem('12345678901234567', null)).toBe(
      'A postal code has 1 to 16 letters, digits, spaces or hyphens',
    );
  });

  it('asks for a postal code when it is blank', () => {
    expect(postalCodeProblem('  ', 'DE')).toBe('Enter the postal code, or leave the field empty');
  });

  it('does not take a property of Object for a country', () => {
    expect(postalCodeProblem('12345', 'constructor')).toBeNull();
  });
});
