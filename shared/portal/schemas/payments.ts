import { z } from 'zod';
import { amountSchema, currencySchema, idSchema, instantSchema } from './common';

export const PAYMENT_STATUSES = ['succeeded', 'pending', 'failed', 'refunded'] as const;

export const paymentSchema = z.object({
  id: idSchema,
  date: instantSchema,
  amount: amountSchema,
  currency: currencySchema,
  status: z.enum(PAYMENT_STATUSES),
  invoice_id: idSchema.nullable(),
  /** How it was paid, in words (`Visa ending in 4242`). */
  description: z.string(),
});
export type Payment = z.infer<typeof paymentSchema>;
