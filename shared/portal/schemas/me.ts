import { z } from 'zod';
import { emailSchema, idSchema } from './common';

/** `GET /api/v1/me`: the user the access token belongs to. */
export const meSchema = z.object({
  user_id: idSchema,
  email: emailSchema,
  name: z.string(),
});
export type Me = z.infer<typeof meSchema>;
