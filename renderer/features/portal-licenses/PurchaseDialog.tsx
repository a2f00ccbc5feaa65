import { useEffect, useRef } from 'react';
import { usePurchase } from '../../store/portal-licenses-context';
import { ModalDialog } from '../dashboard/ModalDialog';
import { useStepFocus } from '../install/use-step-focus';
import { PaymentStep } from './PaymentStep';
import { PurchaseOrderForm } from './PurchaseOrderForm';
import { RenewalSummary } from './RenewalSummary';

const TITLE_ID = 'purchase-title';

/** "Purchase a license" or "Renew": the order, then the checkout in the browser and the wait for the key. */
export function PurchaseDialog() {
  const kind = usePurchase((state) => state.kind);
  const step = usePurchase((state) => state.step);
  const renewing = usePurchase((state) => state.renewing?.nickname ?? null);
  const purchaseClosed = usePurchase((state) => state.purchaseClosed);
  const body = useRef<HTMLDivElement>(null);
  useStepFocus(body, kind === null ? null : `${kind}:${step}`, TITLE_ID);
  // Leaving the page closes the dialog; a purchase still waiting for its payment is followed on the Licenses tab.
  useEffect(() => purchaseClosed, [purchaseClosed]);
  const title = kind === 'renewal' ? `Renew “${renewing ?? ''}”` : 'Purchase a license';
  return (
    <ModalDialog open={kind !== null} onDismiss={purchaseClosed} labelledBy={TITLE_ID} describedBy="purchase-intro" className="dialog dialog--wide purchase-dialog">
      <div ref={body} className="dialog-body" data-step={step}>
        <h2 id={TITLE_ID} tabIndex={-1}>
          {title}
        </h2>
        <p id="purchase-intro" className="hint">
          {step === 'payment'
            ? 'The checkout page is the customer portal’s, in your browser; this dialog follows the license until its key is issued.'
            : kind === 'renewal'
              ? 'Renewing extends the license by a year with a new key; you pay on the portal’s checkout page in your browser.'
              : 'Review the pricing plans, choose the installation and the number of users, then Continue to the checkout page in your browser.'}
        </p>
        {step === 'payment' ? <PaymentStep /> : kind === 'renewal' ? <RenewalSummary /> : <PurchaseOrderForm />}
      </div>
    </ModalDialog>
  );
}
