import { z } from 'zod';
import { idSchema, instantSchema } from './common';

export const PAYMENT_METHOD_TYPES = ['card', 'sepa_debit'] as const;

/** A saved payment method: never a full card or account number. Card fields are null for SEPA debit. */
export const paymentMethodSchema = z.object({
  id: idSchema,
  type: z.enum(PAYMENT_METHOD_TYPES),
  brand: z.string().nullable(),
  last4: z.string().regex(/^[0-9]{4}$/),
  exp_month: z.int().min(1).max(12).nullable(),
  exp_year: z.int().min(2000).max(2100).nullable(),
  is_default: z.boolean(),
  created_at: instantSchema,
});
export type PaymentMethod = z.infer<typeof paymentMethodSchema>;

/** The page on which a payment method is entered, to open in the system browser. */
export const paymentMethodSetupSchema = z.object({
  setup_url: z.url(),
});
export type PaymentMethodSetup = z.infer<typeof paymentMethodSetupSchema>;
