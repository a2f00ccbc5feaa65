import { useMutation } from '@tanstack/react-query';
import type { CheckoutCreate } from '../../../shared/portal/schemas/checkout';
import type { IpcFailureError } from '../../ipc/answer';
import { portalKeys } from '../../queries/portal-keys';
import { askMain } from '../../queries/query-client';
import { refusalWords } from '../../store/portal-problem';
import { purchaseServerProblems, standingServerProblems, type PurchaseFormProblems } from './purchase-form';
import { usePurchaseScreen, type OrderDraft } from './purchase-screen';
import type { PortalLicense } from './queries';

/** The order of the dialog at `opening`, for the organization `orgId`. */
interface OrderRequest {
  opening: number;
  orgId: string;
  order: CheckoutCreate;
}

/**
 * Continue on the order: the portal creates the license (pending payment) and its checkout page, which
 * main opens in the system browser. The order exists even when the page did not open: the payment step
 * shows its address. The new license shows in the list on main's `portal:did-change`.
 */
export function useCheckout() {
  const paymentStarted = usePurchaseScreen((state) => state.paymentStarted);
  return useMutation({
    mutationFn: ({ orgId, order }: OrderRequest, { client }) =>
      askMain(client, 'portal:checkout', { org: orgId, order }),
    onSuccess: (placed, { opening }) => paymentStarted(opening, placed),
  });
}

/** The renewal of `renewing` from the dialog at `opening`. */
interface RenewalRequest {
  opening: number;
  orgId: string;
  renewing: PortalLicense;
}

/** Continue on a renewal: the portal's checkout page for one more year, opened as a purchase's is. */
export function useRenewal() {
  const paymentStarted = usePurchaseScreen((state) => state.paymentStarted);
  return useMutation({
    mutationFn: ({ orgId, renewing }: RenewalRequest, { client }) =>
      askMain(client, 'portal:renew-license', { org: orgId, id: renewing.id }),
    onSuccess(answer, { opening, orgId, renewing }, _context, { client }) {
      // What was read while following an earlier renewal of it is no answer about this one.
      client.removeQueries({ queryKey: portalKeys.license(answer.accountId, orgId, renewing.id), exact: true });
      paymentStarted(opening, { ...answer, licenseId: renewing.id });
    },
  });
}

/** The portal's field messages of a refused order that still stand, and what to say above Continue. */
export function orderRefusal(
  error: IpcFailureError | null,
  draft: OrderDraft,
): { fields: PurchaseFormProblems; words: string | null } {
  if (error === null) return { fields: {}, words: null };
  const { problems, other } = purchaseServerProblems(error.fields, draft.form);
  const placed = Object.keys(problems).length > 0;
  // Any edit answers the words; a field's own message goes once that field is edited.
  const words =
    draft.edited.length > 0
      ? null
      : placed && other.length === 0
        ? 'The portal refused the order; see the fields marked above.'
        : refusalWords(error, 'open the checkout');
  return { fields: standingServerProblems(problems, draft.edited), words };
}

/** What to do with the checkout page: open it again in the system browser (never a second order), or copy its address. */
interface CheckoutPageRequest {
  action: 'open' | 'copy';
  checkoutUrl: string;
}

/** "Open checkout again" and "Copy address"; `opened` hears when the page opened. */
export function useCheckoutPage(opened: () => void = () => undefined) {
  return useMutation({
    mutationFn: async ({ action, checkoutUrl }: CheckoutPageRequest, { client }) => {
      if (action === 'open') await askMain(client, 'portal:open-checkout', { checkoutUrl });
      else await askMain(client, 'portal:copy-checkout-url', { checkoutUrl });
    },
    onSuccess: (_answer, { action }) => {
      if (action === 'open') opened();
    },
  });
}

/** What the last checkout-page action did, in words: a notice when it worked, a problem when it did not. */
export function checkoutPageWords(mutation: {
  variables: CheckoutPageRequest | undefined;
  error: IpcFailureError | null;
  isSuccess: boolean;
}): { notice: string | null; problem: string | null } {
  const action = mutation.variables?.action;
  if (mutation.error !== null) {
    return {
      notice: null,
      problem:
        action === 'copy'
          ? `The checkout address was not copied: ${mutation.error.message}`
          : refusalWords(mutation.error, 'open the checkout page'),
    };
  }
  if (!mutation.isSuccess) return { notice: null, problem: null };
  return {
    notice:
      action === 'copy' ? 'Copied the checkout address to the clipboard.' : 'Opened the checkout page in your browser.',
    problem: null,
  };
}
