import { portalActor } from '../../audit/audit-actor';
import type { SecretClipboard } from '../../clipboard/secret-clipboard';
import { activeClient, portalChanged, type PortalSession } from '../../portal/portal-session';
import { hostOf } from '../../portal/portal-url';
import { portalAnswering } from '../answering/portal-answering';
import { openPortalPage } from '../answering/portal-pages';
import type { Handlers } from '../handlers';
import { IpcError } from '../ipc-error';

type PurchaseChannels =
  | 'portal:list-plans'
  | 'portal:checkout'
  | 'portal:renew-license'
  | 'portal:open-checkout'
  | 'portal:copy-checkout-url';

/** Whether the checkout page opened in the system browser, and why not, in words. */
interface CheckoutOpening {
  opened: boolean;
  openProblem: string | null;
}

/** Opens a checkout page; a page that cannot be opened (not https, no browser) is said in words, never thrown: its order exists already. */
async function openCheckoutPage(session: PortalSession, url: string): Promise<CheckoutOpening> {
  try {
    await openPortalPage(session, url, 'checkout page');
    return { opened: true, openProblem: null };
  } catch (error) {
    if (error instanceof IpcError) return { opened: false, openProblem: error.message };
    const detail = error instanceof Error && error.message !== '' ? `: ${error.message}` : '';
    return { opened: false, openProblem: `The system browser could not be opened${detail}.` };
  }
}

/**
 * Buying and renewing (Owners): the portal's checkout page opens in the system browser; the license
 * appears once the payment is validated. The order is created once: when its page does not open, the
 * answer still carries it, and the page can be opened again or its address copied (only the checkout
 * pages the portal gave this session). Each answer names the account that placed it (the active one), as
 * which its license is followed afterwards.
 */
export function portalPurchaseHandlers(
  session: PortalSession,
  clipboard: SecretClipboard,
): Pick<Handlers, PurchaseChannels> {
  const checkouts = new Set<string>();
  const known = (url: string): string => {
    if (!checkouts.has(url))
      throw new IpcError(
        'not_found',
        'That is not a checkout page the portal gave in this session; start the purchase or renewal again from the Licenses tab.',
      );
    return url;
  };

  return {
    'portal:list-plans': async () => portalAnswering(async () => ({ plans: await activeClient(session).listPlans() })),

    'portal:checkout': async ({ org, order }) =>
      portalAnswering(async () => {
        const account = session.accounts.resolve();
        const checkout = await session.audit.run(
          {
            actor: portalActor(account),
            action: 'license.purchase',
            target: {
              portal: hostOf(account.portalUrl),
              organization: org,
              license_name: order.name,
              install_id: order.install_id,
            },
            fingerprint: null,
          },
          () => session.accounts.client(account.id).createCheckout(org, order),
          (created) => ({
            result: 'succeeded',
            detail: `ordered ${order.internal_users} internal and ${order.external_users} external users (plan ${order.plan}); the license is issued once the checkout page is paid`,
            target: { portal_license: created.license_id },
          }),
        );
        checkouts.add(checkout.checkout_url);
        // The order exists now (pending payment), whether or not the page opens.
        portalChanged(session);
        return {
          licenseId: checkout.license_id,
          checkoutUrl: checkout.checkout_url,
          accountId: account.id,
          ...(await openCheckoutPage(session, checkout.checkout_url)),
        };
      }),

    'portal:renew-license': async ({ org, id }) =>
      portalAnswering(async () => {
        const account = session.accounts.resolve();
        const renewal = await session.audit.run(
          {
            actor: portalActor(account),
            action: 'license.renewal',
            target: { portal: hostOf(account.portalUrl), organization: org, portal_license: id },
            fingerprint: null,
          },
          () => session.accounts.client(account.id).renewLicense(org, id),
          () => ({
            result: 'succeeded',
            detail: 'renewal ordered; the new key is issued once the checkout page is paid',
          }),
        );
        checkouts.add(renewal.checkout_url);
        return {
          checkoutUrl: renewal.checkout_url,
          accountId: account.id,
          ...(await openCheckoutPage(session, renewal.checkout_url)),
        };
      }),

    'portal:open-checkout': async ({ checkoutUrl }) =>
      portalAnswering(async () => {
        const { openProblem } = await openCheckoutPage(session, known(checkoutUrl));
        if (openProblem !== null) throw new IpcError('refused', openProblem);
        return {};
      }),

    'portal:copy-checkout-url': async ({ checkoutUrl }) =>
      portalAnswering(async () => {
        await clipboard.copyText(known(checkoutUrl));
        return {};
      }),
  };
}
