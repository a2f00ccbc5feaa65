import type { Api } from '../../shared/ipc/api';
import { portalProblemOf, refusalWords } from './portal-problem';

/** "Open checkout again": the portal's checkout page in the system browser; null once it opened, else why not, in words. */
export async function openCheckoutAgain(client: Api, checkoutUrl: string): Promise<string | null> {
  const result = await client.invoke('portal:open-checkout', { checkoutUrl });
  return result.ok ? null : refusalWords(portalProblemOf(result.error), 'open the checkout page');
}

/** Copies the checkout page's address (main writes the clipboard); null once copied, else why not, in words. */
export async function copyCheckoutUrl(client: Api, checkoutUrl: string): Promise<string | null> {
  const result = await client.invoke('portal:copy-checkout-url', { checkoutUrl });
  return result.ok ? null : `The checkout address was not copied: ${result.error.message}`;
}
