import type { BillingAccount } from '../schemas/billing-account';
import { countryProblem } from './countries';
import { phoneProblem } from './phone';
import { postalCodeProblem } from './postal-code';
import { taxIdProblem } from './tax-id';

export type BillingAccountProblems = Partial<Record<keyof BillingAccount, string>>;

/**
 * The rules a billing account must meet as a whole, after an edit has been applied to it: the country
 * code, the phone number, and the postal code and tax ID checked against the account's country.
 * Returns one message per bad field; an empty object when the account is valid.
 */
export function billingAccountProblems(account: BillingAccount): BillingAccountProblems {
  const problems: BillingAccountProblems = {};
  const countryBad = account.country !== null ? countryProblem(account.country) : null;
  if (countryBad) problems.country = countryBad;
  const country = countryBad ? null : account.country;
  const checks: [keyof BillingAccount, string | null, (value: string) => string | null][] = [
    ['phone', account.phone, phoneProblem],
    ['postal_code', account.postal_code, (value) => postalCodeProblem(value, country)],
    ['tax_id', account.tax_id, (value) => (countryBad ? null : taxIdProblem(value, country))],
  ];
  for (const [field, value, problem] of checks) {
    const message = value === null ? null : problem(value);
    if (message) problems[field] = message;
  }
  return problems;
}
