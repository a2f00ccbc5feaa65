import { z } from 'zod';
import { amountSchema, currencySchema, idSchema } from './common';

export const INVOICE_STATUSES = ['open', 'paid', 'void'] as const;

export const invoiceSchema = z.object({
  id: idSchema,
  number: z.string().min(1),
  date: z.iso.date(),
  amount: amountSchema,
  currency: currencySchema,
  status: z.enum(INVOICE_STATUSES),
  /** The PDF; fetching it needs the bearer token. */
  pdf_url: z.url(),
  /** The portal's page on which an open invoice is paid (no credential in it); null unless open. */
  pay_url: z.url().nullable(),
});
export type Invoice = z.infer<typeof invoiceSchema>;
