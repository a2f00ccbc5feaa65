import { isEuCountry } from './countries';
import { vatIdProblem } from './vat-id';

export const TAX_ID_MAX_LENGTH = 32;

const GENERAL_TAX_ID = /^[A-Za-z0-9](?:[A-Za-z0-9 .-]{0,30}[A-Za-z0-9])?$/;

/**
 * Why `value` is not a tax ID for a billing account in `country`, or null when it is one: in an EU member
 * state it must be that state's VAT ID; elsewhere any ID of up to 32 letters, digits, spaces, dots or hyphens.
 */
export function taxIdProblem(value: string, country: string | null): string | null {
  if (country === null) return 'Choose the billing country first: the tax ID is checked against it';
  if (isEuCountry(country)) return vatIdProblem(value, country);
  return GENERAL_TAX_ID.test(value)
    ? null
    : `A tax ID has 1 to ${TAX_ID_MAX_LENGTH} letters, digits, spaces, dots or hyphens`;
}
