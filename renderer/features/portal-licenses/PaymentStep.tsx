import { refusalWords } from '../../store/portal-problem';
import { PaidInstallButtons } from './PaidInstallButtons';
import { PaidLicenseCheck } from './PaidLicenseCheck';
import { POLL_INTERVAL_MS, useFollowedLicense } from './payment';
import { checkoutPageWords, useCheckoutPage } from './purchase-mutations';
import { WaitingForPayment } from './WaitingForPayment';
import { usePurchaseScreen, type PurchaseDialog } from './purchase-screen';

type PaymentDialog = Extract<PurchaseDialog, { step: 'payment' }>;

const everyFewSeconds = (): number => POLL_INTERVAL_MS;

/** The checkout page's address, to open again or copy; why it did not open, when it did not. Never a second order. */
function CheckoutAddress({ payment }: { payment: PaymentDialog }) {
  const checkoutPageOpened = usePurchaseScreen((state) => state.checkoutPageOpened);
  const page = useCheckoutPage(checkoutPageOpened);
  const words = checkoutPageWords(page);
  const problem = words.problem ?? payment.openProblem;
  const renewal = payment.kind === 'renewal';
  return (
    <div className="payment-step__checkout">
      {problem !== null && (
        <p className="problem" role="alert">
          {problem}{' '}
          {renewal
            ? 'The renewal is ready to pay all the same'
            : 'The order is placed all the same (pending payment), once'}
          : open its checkout page with the address below.
        </p>
      )}
      <p>
        {payment.checkoutOpened
          ? 'Provide your payment information on the checkout page and pay. If the page did not open, open this address in your browser:'
          : 'Open this address in your browser, provide your payment information and pay:'}{' '}
        <code className="mono payment-step__url">{payment.checkoutUrl}</code>
      </p>
      <div className="row">
        <button type="button" onClick={() => page.mutate({ action: 'open', checkoutUrl: payment.checkoutUrl })}>
          Open checkout again
        </button>
        <button type="button" onClick={() => page.mutate({ action: 'copy', checkoutUrl: payment.checkoutUrl })}>
          Copy address
        </button>
      </div>
      <p className="notice" role="status">
        {words.notice ?? ''}
      </p>
    </div>
  );
}

/** After Continue: pay in the browser; meanwhile the license is read until its key appears, then install it. */
export function PaymentStep({ payment, onClose }: { payment: PaymentDialog; onClose: () => void }) {
  const { query, check } = useFollowedLicense(payment, payment.check, everyFewSeconds);
  const checkStopped = usePurchaseScreen((state) => state.checkStopped);
  const checkResumed = usePurchaseScreen((state) => state.checkResumed);
  const answered = query.data;
  const instances = check === 'done' ? (answered?.instances ?? []) : [];
  return (
    <div className="dialog-body payment-step" data-check={check}>
      <h3 id="payment-heading" tabIndex={-1} data-step-focus>
        {check === 'done'
          ? 'Payment validated'
          : payment.checkoutOpened
            ? 'Checkout opened in your browser'
            : 'The checkout page did not open'}
      </h3>
      {check !== 'done' && <CheckoutAddress payment={payment} />}
      {/* Amber for the wait: once the payment is validated the license is here, never a success before. */}
      {check !== 'done' && <WaitingForPayment />}
      <div className="payment-step__state" role="status" aria-live="polite">
        <PaidLicenseCheck
          license={answered ?? payment.renewing}
          done={check === 'done'}
          renewal={payment.kind === 'renewal'}
          lastCheckedAt={query.dataUpdatedAt === 0 ? null : query.dataUpdatedAt}
          checkProblem={query.isError ? refusalWords(query.error, 'read the license') : null}
          waiting={(last) =>
            check === 'checking'
              ? `Checking the license every ${POLL_INTERVAL_MS / 1000} seconds…${last}`
              : `Stopped checking.${last} The license shows in the organization’s list once paid; Refresh looks now.`
          }
        />
      </div>
      {check === 'done' && instances.length === 0 && (
        <p className="hint">
          No saved instance has this license’s Install ID. Open the license’s Details to copy the key, then install it
          in authentik’s Admin interface under Enterprise → Licenses (or add the instance on the Instances screen).
        </p>
      )}
      <div className="dialog__actions">
        {check === 'checking' && (
          <button type="button" onClick={checkStopped}>
            Stop checking
          </button>
        )}
        {check === 'stopped' && (
          <button
            type="button"
            onClick={() => {
              checkResumed();
              void query.refetch();
            }}
          >
            Refresh
          </button>
        )}
        <button
          type="button"
          className={check === 'done' && instances.length > 0 ? undefined : 'primary'}
          onClick={onClose}
        >
          Close
        </button>
        <PaidInstallButtons
          orgId={payment.orgId}
          accountId={payment.accountId}
          license={answered}
          instances={instances}
          onOpening={onClose}
        />
      </div>
    </div>
  );
}
