import { z } from 'zod';
import { emailSchema, idSchema, instantSchema, roleSchema } from './common';

export const memberSchema = z.object({
  user_id: idSchema,
  email: emailSchema,
  name: z.string(),
  role: roleSchema,
  joined_at: instantSchema,
});
export type Member = z.infer<typeof memberSchema>;

/** A new role for a member (Owner; the last Owner cannot be demoted). */
export const memberUpdateSchema = z.strictObject({
  role: roleSchema,
});
export type MemberUpdate = z.infer<typeof memberUpdateSchema>;
