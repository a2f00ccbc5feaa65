import { z } from 'zod';
import { emailSchema, idSchema, instantSchema, roleSchema } from './common';
import { organizationRefSchema } from './organizations';

/** The Owner who sent (or last re-sent) an invitation. */
export const inviterSchema = z.object({
  name: z.string(),
  email: emailSchema,
});

export const INVITATION_STATUSES = ['pending', 'expired'] as const;

/** A pending invitation, as Members and Owners see it in the organization. */
export const invitationSchema = z.object({
  id: idSchema,
  email: emailSchema,
  role: roleSchema,
  status: z.enum(INVITATION_STATUSES),
  invited_by: inviterSchema,
  created_at: instantSchema,
  last_sent_at: instantSchema,
  expires_at: instantSchema,
});
export type Invitation = z.infer<typeof invitationSchema>;

export const invitationCreateSchema = z.strictObject({
  email: emailSchema,
  role: roleSchema,
});
export type InvitationCreate = z.infer<typeof invitationCreateSchema>;

/** The token from an invitation e-mail's link. */
export const invitationTokenSchema = z
  .string({ error: 'Paste the invitation token from the e-mail link' })
  .min(1, 'Paste the invitation token from the e-mail link')
  .max(256, 'An invitation token has at most 256 characters');

/** The query of `GET /api/v1/invitations/preview`. */
export const invitationPreviewQuerySchema = z.strictObject({
  token: invitationTokenSchema,
});

/** An invitation as its recipient sees it before accepting. */
export const invitationPreviewSchema = z.object({
  organization: organizationRefSchema,
  invited_by: inviterSchema,
  email: emailSchema,
  role: roleSchema,
  expires_at: instantSchema,
});
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;

export const invitationAcceptSchema = z.strictObject({
  token: invitationTokenSchema,
});
