import { z } from 'zod';

/** A signed-in portal account as the data folder keeps it: who and where, never a token. */
export const PORTAL_ACCOUNT_SCHEMA = z.object({
  /** `<portal user id>@<portal host and path>`: unique across portals; its tokens are the token vault's entry `portal:<id>`. */
  id: z.string().min(1),
  portalUrl: z.url(),
  userId: z.string().min(1),
  email: z.string(),
  name: z.string(),
  /** ISO 8601; the most recent one is the account commands use when none is named. */
  lastUsedAt: z.iso.datetime(),
});
export type PortalAccount = z.infer<typeof PORTAL_ACCOUNT_SCHEMA>;

/** The account id for a portal user: the user's id at that portal, scoped by the portal's host (and path). */
export function portalAccountId(portalUrl: string, userId: string): string {
  const url = new URL(portalUrl);
  const path = url.pathname === '/' ? '' : url.pathname.replace(/\/+$/, '');
  return `${userId}@${url.host}${path}`;
}
