import { z } from 'zod';
import { emailSchema, idSchema, instantSchema, nameSchema, roleSchema } from './common';

const organizationName = nameSchema('organization');

/** An organization with the caller's role in it. */
export const organizationSchema = z.object({
  id: idSchema,
  name: z.string().min(1).max(100),
  notification_email: emailSchema,
  role: roleSchema,
  created_at: instantSchema,
});
export type Organization = z.infer<typeof organizationSchema>;

export const organizationCreateSchema = z.strictObject({
  name: organizationName,
  notification_email: emailSchema,
});
export type OrganizationCreate = z.infer<typeof organizationCreateSchema>;

/** The fields to change, at least one (Owner). */
export const organizationUpdateSchema = z
  .strictObject({
    name: organizationName.optional(),
    notification_email: emailSchema.optional(),
  })
  .refine((update) => Object.keys(update).length > 0, {
    error: 'Change at least one field: name or notification_email',
  })
  .meta({ minProperties: 1 });
export type OrganizationUpdate = z.infer<typeof organizationUpdateSchema>;

/** An organization named in an invitation. */
export const organizationRefSchema = z.object({
  id: idSchema,
  name: z.string(),
});
