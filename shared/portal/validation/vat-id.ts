import { EU_COUNTRIES, type EuCountry } from './countries';

interface VatFormat {
  /** The prefix on the ID: the ISO code, except EL for Greece. */
  prefix: string;
  /** What follows the prefix. */
  body: RegExp;
  /** That shape in words, for the message. */
  shape: string;
  example: string;
}

const format = (prefix: string, body: RegExp, shape: string, example: string): VatFormat => ({
  prefix,
  body,
  shape,
  example,
});

/** Each EU member state's VAT ID after its prefix (lengths and letters as the states issue them). */
const VAT_FORMATS: Record<EuCountry, VatFormat> = {
  AT: format('AT', /^U[0-9]{8}$/, 'a U and 8 digits', 'ATU12345678'),
  BE: format('BE', /^[01][0-9]{9}$/, '10 digits starting with 0 or 1', 'BE0123456789'),
  BG: format('BG', /^[0-9]{9,10}$/, '9 or 10 digits', 'BG123456789'),
  CY: format('CY', /^[0-9]{8}[A-Z]$/, '8 digits and a letter', 'CY12345678L'),
  CZ: format('CZ', /^[0-9]{8,10}$/, '8, 9 or 10 digits', 'CZ12345678'),
  DE: format('DE', /^[0-9]{9}$/, '9 digits', 'DE123456789'),
  DK: format('DK', /^[0-9]{8}$/, '8 digits', 'DK12345678'),
  EE: format('EE', /^[0-9]{9}$/, '9 digits', 'EE123456789'),
  ES: format(
    'ES',
    /^[0-9A-Z][0-9]{7}[0-9A-Z]$/,
    '9 characters: a letter or digit, 7 digits, a letter or digit',
    'ESX1234567R',
  ),
  FI: format('FI', /^[0-9]{8}$/, '8 digits', 'FI12345678'),
  FR: format('FR', /^[0-9A-HJ-NP-Z]{2}[0-9]{9}$/, '2 letters or digits (not I or O) and 9 digits', 'FR12345678901'),
  GR: format('EL', /^[0-9]{9}$/, '9 digits', 'EL123456789'),
  HR: format('HR', /^[0-9]{11}$/, '11 digits', 'HR12345678901'),
  HU: format('HU', /^[0-9]{8}$/, '8 digits', 'HU12345678'),
  IE: format(
    'IE',
    /^(?:[0-9]{7}[A-W][A-IW]?|[0-9][A-Z+*][0-9]{5}[A-W])$/,
    '7 digits and 1 or 2 letters (or the older digit, letter, 5 digits, letter)',
    'IE1234567T',
  ),
  IT: format('IT', /^[0-9]{11}$/, '11 digits', 'IT12345678901'),
  LT: format('LT', /^(?:[0-9]{9}|[0-9]{12})$/, '9 or 12 digits', 'LT123456789'),
  LU: format('LU', /^[0-9]{8}$/, '8 digits', 'LU12345678'),
  LV: format('LV', /^[0-9]{11}$/, '11 digits', 'LV12345678901'),
  MT: format('MT', /^[0-9]{8}$/, '8 digits', 'MT12345678'),
  NL: format('NL', /^[0-9]{9}B[0-9]{2}$/, '9 digits, a B and 2 digits', 'NL123456789B01'),
  PL: format('PL', /^[0-9]{10}$/, '10 digits', 'PL1234567890'),
  PT: format('PT', /^[0-9]{9}$/, '9 digits', 'PT123456789'),
  RO: format('RO', /^[1-9][0-9]{1,9}$/, '2 to 10 digits, not starting with 0', 'RO1234567'),
  SE: format('SE', /^[0-9]{10}01$/, '12 digits ending in 01', 'SE123456789701'),
  SI: format('SI', /^[1-9][0-9]{7}$/, '8 digits, not starting with 0', 'SI12345678'),
  SK: format('SK', /^[0-9]{10}$/, '10 digits', 'SK1234567890'),
};

/** The VAT ID as compared: without spaces, dots and hyphens, in capitals. */
function normalizeVatId(value: string): string {
  return value.replace(/[\s.-]/g, '').toUpperCase();
}

/** Why `value` is not a VAT ID of the EU member state `country`, or null when it is one. */
export function vatIdProblem(value: string, country: EuCountry): string | null {
  const { prefix, body, shape, example } = VAT_FORMATS[country];
  const name = EU_COUNTRIES[country];
  const id = normalizeVatId(value);
  if (country === 'GR' && id.startsWith('GR')) return `A VAT ID in Greece starts with EL, not GR, like ${example}`;
  if (!id.startsWith(prefix)) return `A VAT ID in ${name} starts with ${prefix}, like ${example}`;
  return body.test(id.slice(prefix.length))
    ? null
    : `A VAT ID in ${name} is ${prefix} followed by ${shape}, like ${example}`;
}
