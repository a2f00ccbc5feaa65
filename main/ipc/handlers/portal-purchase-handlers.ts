import type { Handlers } from '../handlers';
import { portalAnswering } from './portal-answering';
import { activeClient, openPortalPage, portalChanged, type PortalSession } from './portal-session';

/** Buying and renewing (Owners): the portal's checkout page opens in the system browser; the license appears once the payment is validated. */
export function portalPurchaseHandlers(session: PortalSession): Pick<Handlers, 'portal:list-plans' | 'portal:checkout' | 'portal:renew-license'> {
  return {
    'portal:list-plans': async () => portalAnswering(async () => ({ plans: await activeClient(session).listPlans() })),

    'portal:checkout': async ({ org, order }) =>
      portalAnswering(async () => {
        const checkout = await activeClient(session).createCheckout(org, order);
        // The order exists now (pending payment), whether or not the page opens.
        portalChanged(session);
        await openPortalPage(session, checkout.checkout_url, 'checkout page');
        return { licenseId: checkout.license_id, checkoutUrl: checkout.checkout_url };
      }),

    'portal:renew-license': async ({ org, id }) =>
      portalAnswering(async () => {
        const renewal = await activeClient(session).renewLicense(org, id);
        await openPortalPage(session, renewal.checkout_url, 'checkout page');
        return { checkoutUrl: renewal.checkout_url };
      }),
  };
}
