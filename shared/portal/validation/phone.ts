/** E.164: a `+`, a country code that does not start with 0, and at most 15 digits in all. */
export const PHONE_PATTERN = /^\+[1-9][0-9]{1,14}$/;

export const PHONE_MESSAGE =
  'Write the phone number in international form without spaces: a +, the country code and the number, like +4930901820';

/** Why `value` is not an E.164 phone number, or null when it is one. */
export function phoneProblem(value: string): string | null {
  if (PHONE_PATTERN.test(value)) return null;
  if (/^\+?[0-9]{16,}$/.test(value)) return 'A phone number has at most 15 digits, country code included';
  return PHONE_MESSAGE;
}
