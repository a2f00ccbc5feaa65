import { z } from 'zod';
import { EMAIL_MAX_LENGTH, EMAIL_MESSAGE, EMAIL_PATTERN } from '../validation/email';
import { INSTALL_ID_MESSAGE } from '../validation/install-id';
import { MAX_USERS } from '../validation/user-count';

/** Every id in the API: a UUID string (8-4-4-4-12 hex). */
export const idSchema = z.guid();

/** An Install ID: a UUID in any case (the same rule as `installIdProblem`). */
export const installIdSchema = z.guid({ error: INSTALL_ID_MESSAGE });

export const emailSchema = z
  .email({ pattern: EMAIL_PATTERN, error: EMAIL_MESSAGE })
  .max(EMAIL_MAX_LENGTH, `An e-mail address has at most ${EMAIL_MAX_LENGTH} characters`);

/** An instant: ISO 8601 in UTC with a `Z`. */
export const instantSchema = z.iso.datetime();

export const ROLES = ['owner', 'member'] as const;
export const roleSchema = z.enum(ROLES, { error: 'The role is owner or member' });
export type Role = z.infer<typeof roleSchema>;

/** ISO 4217, upper case. */
export const currencySchema = z.string().regex(/^[A-Z]{3}$/);

/** Money in the currency's minor unit (cents). */
export const amountSchema = z.int().min(0);

/** `sha256:` and the lower-case hex SHA-256 of a key, as `aklm verify` prints it. */
export const fingerprintSchema = z.string().regex(/^sha256:[0-9a-f]{64}$/);

export const userCountSchema = z.int().min(0).max(MAX_USERS);

/** The names people give: an organization, a license (its nickname). */
export const nameSchema = (what: string) => {
  const message = `Give the ${what} a name of 1 to 100 characters`;
  return z.string({ error: message }).trim().min(1, message).max(100, message);
};
