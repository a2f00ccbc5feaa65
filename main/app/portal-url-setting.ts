import { DEFAULT_PORTAL_URL } from '../portal/purchase-url';
import { normalizePortalUrl } from '../portal/portal-url';

/** Points the app (and `aklm portal login`) at another customer portal, e.g. the simulator for a demo. */
export const PORTAL_URL_ENV = 'AKLM_PORTAL_URL';

/** The customer portal the app uses: $AKLM_PORTAL_URL when set, else the vendor's; an unusable setting is an error in words, never silently replaced. */
export function portalUrlSetting(env: Readonly<Record<string, string | undefined>>): string {
  const text = env[PORTAL_URL_ENV]?.trim() ?? '';
  if (text === '') return DEFAULT_PORTAL_URL;
  try {
    return normalizePortalUrl(text);
  } catch (error) {
    throw new Error(`$${PORTAL_URL_ENV}: ${(error as Error).message}`, { cause: error });
  }
}
