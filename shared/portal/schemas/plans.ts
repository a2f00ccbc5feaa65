import { z } from 'zod';
import { amountSchema, currencySchema, idSchema } from './common';

export const BILLING_PERIODS = ['month', 'year'] as const;

/** A plan licenses are ordered on; prices per user and billing period, in minor units. */
export const planSchema = z.object({
  id: idSchema,
  name: z.string(),
  billing_period: z.enum(BILLING_PERIODS),
  price_per_internal_user: amountSchema,
  price_per_external_user: amountSchema,
  currency: currencySchema,
});
export type Plan = z.infer<typeof planSchema>;
