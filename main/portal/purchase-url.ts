/** The customer portal; a setting once settings exist. */
export const DEFAULT_PORTAL_URL = 'https://customers.goauthentik.io';

/**
 * The page authentik's own "Go to Customer Portal" button opens, for one installation: `install_id`, and
 * `authentik_url` (the instance's origin, as authentik sends it) when the instance's address is known.
 */
export function purchaseUrl(portalUrl: string, installId: string, authentikUrl: string | null = null): string {
  const url = new URL('/from_authentik/purchase/', portalUrl);
  url.searchParams.set('install_id', installId);
  if (authentikUrl !== null) url.searchParams.set('authentik_url', new URL(authentikUrl).origin);
  return url.toString();
}
