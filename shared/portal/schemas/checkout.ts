import { z } from 'zod';
import { MAX_USERS, MIN_USERS, userCountMessage, type UserKind } from '../validation/user-count';
import { idSchema, installIdSchema, nameSchema } from './common';

const userCount = (kind: UserKind) =>
  z
    .int({ error: userCountMessage(kind) })
    .min(MIN_USERS[kind], userCountMessage(kind))
    .max(MAX_USERS, userCountMessage(kind));

/** Order a license (Owner): the plan's id, the nickname and `name` claim, the installation, the users. */
export const checkoutCreateSchema = z.strictObject({
  plan: idSchema,
  name: nameSchema('license'),
  install_id: installIdSchema,
  internal_users: userCount('internal'),
  external_users: userCount('external'),
});
export type CheckoutCreate = z.infer<typeof checkoutCreateSchema>;

/** The checkout page to open in the system browser, and the license it will pay for. */
export const checkoutSchema = z.object({
  checkout_url: z.url(),
  license_id: idSchema,
});
export type Checkout = z.infer<typeof checkoutSchema>;

/** The checkout page for a renewal. */
export const renewalSchema = z.object({
  checkout_url: z.url(),
});
export type Renewal = z.infer<typeof renewalSchema>;
