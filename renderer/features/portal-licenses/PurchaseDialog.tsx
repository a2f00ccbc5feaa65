import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { ModalDialog } from '../../ui/ModalDialog';
import { useStepFocus } from '../../ui/use-step-focus';
import { followedLicenseQuery } from './payment';
import { PaymentStep } from './PaymentStep';
import { PurchaseOrderForm } from './PurchaseOrderForm';
import { usePurchaseScreen, type FollowedLicense, type PurchaseDialog as Dialog } from './purchase-screen';
import { RenewalSummary } from './RenewalSummary';

const TITLE_ID = 'purchase-title';

function intro(dialog: Dialog): string {
  if (dialog.step === 'payment')
    return 'The checkout page is the customer portal’s, in your browser; this dialog follows the license until its key is issued.';
  if (dialog.step === 'order' && dialog.kind === 'renewal')
    return 'Renewing extends the license by a year with a new key; you pay on the portal’s checkout page in your browser.';
  return 'Review the pricing plans, choose the installation and the number of users, then Continue to the checkout page in your browser.';
}

function title(dialog: Dialog): string {
  if (dialog.step === 'closed' || dialog.kind === 'purchase') return 'Purchase a license';
  return `Renew “${dialog.renewing?.nickname ?? ''}”`;
}

/** "Purchase a license" or "Renew": the order, then the checkout in the browser and the wait for the key. */
export function PurchaseDialog() {
  const dialog = usePurchaseScreen((state) => state.dialog);
  const opening = usePurchaseScreen((state) => state.opening);
  const purchaseClosed = usePurchaseScreen((state) => state.purchaseClosed);
  const queryClient = useQueryClient();
  // A payment still awaited when the dialog closes is followed on the Licenses tab, unless the license as last read is paid.
  const closed = useCallback(
    () =>
      purchaseClosed((followed: FollowedLicense) => queryClient.getQueryData(followedLicenseQuery(followed).queryKey)),
    [purchaseClosed, queryClient],
  );
  const body = useRef<HTMLDivElement>(null);
  const kind = dialog.step === 'closed' ? null : dialog.kind;
  useStepFocus(body, kind === null ? null : `${kind}:${dialog.step}`, TITLE_ID);
  // Leaving the page closes the dialog.
  useEffect(() => closed, [closed]);
  return (
    <ModalDialog
      open={dialog.step !== 'closed'}
      onDismiss={closed}
      labelledBy={TITLE_ID}
      describedBy="purchase-intro"
      className="dialog dialog--wide purchase-dialog"
    >
      <div ref={body} className="dialog-body" data-step={dialog.step === 'closed' ? 'order' : dialog.step}>
        <h2 id={TITLE_ID} tabIndex={-1}>
          {title(dialog)}
        </h2>
        <p id="purchase-intro" className="hint">
          {intro(dialog)}
        </p>
        {dialog.step === 'payment' && <PaymentStep payment={dialog} onClose={closed} />}
        {dialog.step === 'order' && dialog.kind === 'renewal' && (
          <RenewalSummary orgId={dialog.orgId} renewing={dialog.renewing} opening={opening} onClose={closed} />
        )}
        {dialog.step === 'order' && dialog.kind === 'purchase' && (
          <PurchaseOrderForm orgId={dialog.orgId} draft={dialog.draft} opening={opening} onClose={closed} />
        )}
      </div>
    </ModalDialog>
  );
}
