/** ISO 3166-1 alpha-2, in capitals. */
export const COUNTRY_PATTERN = /^[A-Z]{2}$/;

export const COUNTRY_MESSAGE = 'A country is its two-letter ISO code in capitals, like DE, FR or US';

/** The 27 member states of the European Union, by ISO code. */
export const EU_COUNTRIES = {
  AT: 'Austria',
  BE: 'Belgium',
  BG: 'Bulgaria',
  CY: 'Cyprus',
  CZ: 'Czechia',
  DE: 'Germany',
  DK: 'Denmark',
  EE: 'Estonia',
  ES: 'Spain',
  FI: 'Finland',
  FR: 'France',
  GR: 'Greece',
  HR: 'Croatia',
  HU: 'Hungary',
  IE: 'Ireland',
  IT: 'Italy',
  LT: 'Lithuania',
  LU: 'Luxembourg',
  LV: 'Latvia',
  MT: 'Malta',
  NL: 'the Netherlands',
  PL: 'Poland',
  PT: 'Portugal',
  RO: 'Romania',
  SE: 'Sweden',
  SI: 'Slovenia',
  SK: 'Slovakia',
} as const;

export type EuCountry = keyof typeof EU_COUNTRIES;

export function isEuCountry(country: string): country is EuCountry {
  return Object.hasOwn(EU_COUNTRIES, country);
}

/** Why `value` is not a country code, or null when it is one. */
export function countryProblem(value: string): string | null {
  return COUNTRY_PATTERN.test(value) ? null : COUNTRY_MESSAGE;
}
