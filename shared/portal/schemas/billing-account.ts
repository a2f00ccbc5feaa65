import { z } from 'zod';
import { COUNTRY_MESSAGE, COUNTRY_PATTERN } from '../validation/countries';
import { PHONE_MESSAGE, PHONE_PATTERN } from '../validation/phone';
import { TAX_ID_MAX_LENGTH } from '../validation/tax-id';

const text = (max: number, what: string) =>
  z
    .string({ error: `The ${what} is text of at most ${max} characters` })
    .max(max, `The ${what} has at most ${max} characters`);

/** Each field's shape; the rules between fields (postal code and tax ID by country) are `billingAccountProblems`. */
const fields = {
  name: text(100, 'name').nullable(),
  address_line1: text(200, 'first address line').nullable(),
  address_line2: text(200, 'second address line').nullable(),
  city: text(100, 'city').nullable(),
  postal_code: text(16, 'postal code').nullable(),
  region: text(100, 'region').nullable(),
  country: z.string({ error: COUNTRY_MESSAGE }).regex(COUNTRY_PATTERN, COUNTRY_MESSAGE).nullable(),
  phone: z.string({ error: PHONE_MESSAGE }).regex(PHONE_PATTERN, PHONE_MESSAGE).nullable(),
  tax_id: text(TAX_ID_MAX_LENGTH, 'tax ID').nullable(),
};

/** Who invoices are made out to; every field null until set. */
export const billingAccountSchema = z.object(fields);
export type BillingAccount = z.infer<typeof billingAccountSchema>;

/** The fields to change, at least one; null clears a field (Owner). */
export const billingAccountUpdateSchema = z
  .strictObject(fields)
  .partial()
  .refine((update) => Object.keys(update).length > 0, { error: 'Change at least one field of the billing account' })
  .meta({ minProperties: 1 });
export type BillingAccountUpdate = z.infer<typeof billingAccountUpdateSchema>;
