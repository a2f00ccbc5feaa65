import { z } from 'zod';

/** The codes this version of the contract uses; clients treat any other code by its HTTP status. */
export const ERROR_CODES = [
  'invalid_token',
  'token_expired',
  'owner_required',
  'not_found',
  'last_owner',
  'already_member',
  'already_invited',
  'invitation_expired',
  'license_pending_payment',
  'validation_failed',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Every error response: `code` for programs, `message` for people, `fields` (422) one message per field. */
export const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
export type PortalError = z.infer<typeof errorSchema>;
