import { z } from 'zod';

/** `GET /api/v1/config`: how to sign in to this portal. The only response readable without a token. */
export const configSchema = z.object({
  api_version: z.literal('1'),
  oidc_issuer: z.url(),
  client_id: z.string().min(1),
  support_url: z.url(),
});
export type Config = z.infer<typeof configSchema>;
