interface PostalRule {
  pattern: RegExp;
  message: string;
}

/** Letters Canada Post uses: never D, F, I, O, Q or U; W and Z never first. */
const CA_FIRST = '[ABCEGHJ-NPRSTVXY]';
const CA_LETTER = '[ABCEGHJ-NPRSTV-Z]';
/** The inward code's letters in the UK: never C, I, K, M, O or V. */
const GB_INWARD_LETTER = '[ABD-HJLNP-UW-Z]';

/** Country-specific postal code shapes. Letters may be typed in either case; spacing is as shown. */
const POSTAL_RULES = new Map<string, PostalRule>(
  Object.entries({
    US: {
      pattern: /^[0-9]{5}(?:-[0-9]{4})?$/,
      message: 'A ZIP code in the United States has 5 digits, or 5 and 4 joined by a hyphen, like 94105 or 94105-1804',
    },
    CA: {
      pattern: new RegExp(`^${CA_FIRST}[0-9]${CA_LETTER} ?[0-9]${CA_LETTER}[0-9]$`, 'i'),
      message: 'A postal code in Canada is letter, digit, letter, a space, digit, letter, digit, like K1A 0B1',
    },
    GB: {
      pattern: new RegExp(`^(?:[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9]${GB_INWARD_LETTER}{2}|GIR ?0AA)$`, 'i'),
      message:
        'A postcode in the United Kingdom is an area and district, a space, then a digit and two letters, like SW1A 1AA or M1 1AE',
    },
    DE: { pattern: /^[0-9]{5}$/, message: 'A postal code in Germany has 5 digits, like 10115' },
    FR: { pattern: /^[0-9]{5}$/, message: 'A postal code in France has 5 digits, like 75001' },
    NL: {
      pattern: /^[1-9][0-9]{3} ?(?!SA|SD|SS)[A-Z]{2}$/i,
      message: 'A postal code in the Netherlands is 4 digits (not starting with 0) and 2 letters, like 1012 AB',
    },
    AT: { pattern: /^[1-9][0-9]{3}$/, message: 'A postal code in Austria has 4 digits, like 1010' },
    CH: { pattern: /^[1-9][0-9]{3}$/, message: 'A postal code in Switzerland has 4 digits, like 8001' },
    AU: { pattern: /^[0-9]{4}$/, message: 'A postcode in Australia has 4 digits, like 2000' },
  }),
);

/** Countries whose postal codes are checked by shape; the others get the general rule. */
export const POSTAL_CODE_COUNTRIES = [...POSTAL_RULES.keys()];

const GENERAL_RULE: PostalRule = {
  pattern: /^[A-Za-z0-9](?:[A-Za-z0-9 -]{0,14}[A-Za-z0-9])?$/,
  message: 'A postal code has 1 to 16 letters, digits, spaces or hyphens',
};

/** Why `value` is not a postal code of `country` (ISO code; null when not chosen yet), or null when it is one. */
export function postalCodeProblem(value: string, country: string | null): string | null {
  if (value.trim() === '') return 'Enter the postal code, or leave the field empty';
  const rule = (country !== null && POSTAL_RULES.get(country)) || GENERAL_RULE;
  return rule.pattern.test(value) ? null : rule.message;
}
