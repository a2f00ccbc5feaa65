/** The customer portal; a setting once settings exist. */
export const DEFAULT_PORTAL_URL = 'https://customers.goauthentik.io';

/** The page authentik's own "Go to Customer Portal" button opens, for one installation. */
export function purchaseUrl(portalUrl: string, installId: string): string {
  const url = new URL('/from_authentik/purchase/', portalUrl);
  url.searchParams.set('install_id', installId);
  return url.toString();
}
