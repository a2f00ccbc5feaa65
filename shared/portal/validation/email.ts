/** The longest address SMTP can carry (RFC 5321: a 256-octet path minus the angle brackets). */
export const EMAIL_MAX_LENGTH = 254;

/**
 * One `@`; a local part of the characters RFC 5322 allows unquoted, with no leading, trailing or doubled
 * dot; a domain of hostname labels with at least one dot and a top-level domain of letters.
 */
export const EMAIL_PATTERN =
  /^(?!\.)(?!.*\.\.)[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+(?<!\.)@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

export const EMAIL_MESSAGE = 'An e-mail address looks like anna@example.com: a name, an @ and a domain with a dot';

/** Why `value` is not an e-mail address the portal accepts, or null when it is one. */
export function emailProblem(value: string): string | null {
  if (value.trim() === '') return 'Enter an e-mail address, like anna@example.com';
  if (value.length > EMAIL_MAX_LENGTH) return `An e-mail address has at most ${EMAIL_MAX_LENGTH} characters`;
  if (!value.includes('@')) return 'An e-mail address has an @ between the name and the domain, like anna@example.com';
  return EMAIL_PATTERN.test(value) ? null : EMAIL_MESSAGE;
}
