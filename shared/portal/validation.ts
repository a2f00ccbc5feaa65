/** The validation rules the portal simulator enforces and the app mirrors; each returns a message or null. */
export { billingAccountProblems, type BillingAccountProblems } from './validation/billing-account';
export { countryProblem, EU_COUNTRIES, isEuCountry, type EuCountry } from './validation/countries';
export { emailProblem } from './validation/email';
export { installIdProblem } from './validation/install-id';
export { phoneProblem } from './validation/phone';
export { POSTAL_CODE_COUNTRIES, postalCodeProblem } from './validation/postal-code';
export { taxIdProblem } from './validation/tax-id';
export { MAX_USERS, MIN_USERS, userCountProblem, type UserKind } from './validation/user-count';
export { vatIdProblem } from './validation/vat-id';
