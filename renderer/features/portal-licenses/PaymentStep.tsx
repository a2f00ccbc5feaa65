import { usePurchase } from '../../store/portal-licenses-context';
import { POLL_INTERVAL_MS } from '../../store/purchase';
import { GUIDE_MESSAGE } from './license-words';
import { PaidLicenseCheck } from './PaidLicenseCheck';

function CheckState() {
  const check = usePurchase((state) => state.check);
  const license = usePurchase((state) => state.license);
  const lastCheckedAt = usePurchase((state) => state.lastCheckedAt);
  const renewal = usePurchase((state) => state.kind === 'renewal');
  const checkProblem = usePurchase((state) => state.checkProblem);
  return (
    <PaidLicenseCheck
      license={license}
      done={check === 'done'}
      renewal={renewal}
      lastCheckedAt={lastCheckedAt}
      checkProblem={checkProblem}
      waiting={(last) =>
        check === 'checking'
          ? `Checking the license every ${POLL_INTERVAL_MS / 1000} seconds…${last}`
          : `Stopped checking.${last} The license shows in the organization’s list once paid; Check again looks now.`
      }
    />
  );
}

/** The checkout page's address, to open again or copy; why it did not open, when it did not. Never a second order. */
function CheckoutAddress() {
  const renewal = usePurchase((state) => state.kind === 'renewal');
  const checkoutUrl = usePurchase((state) => state.checkoutUrl);
  const checkoutOpened = usePurchase((state) => state.checkoutOpened);
  const checkoutProblem = usePurchase((state) => state.checkoutProblem);
  const checkoutNotice = usePurchase((state) => state.checkoutNotice);
  const checkoutOpenAgainRequested = usePurchase((state) => state.checkoutOpenAgainRequested);
  const checkoutUrlCopyRequested = usePurchase((state) => state.checkoutUrlCopyRequested);
  return (
    <div className="payment-step__checkout">
      {checkoutProblem !== null && (
        <p className="problem" role="alert">
          {checkoutProblem}{' '}
          {renewal ? 'The renewal is ready to pay all the same' : 'The order is placed all the same (pending payment), once'}: open its checkout page with the address below.
        </p>
      )}
      <p>
        {checkoutOpened
          ? 'Provide your payment information on the checkout page and pay. If the page did not open, open this address in your browser:'
          : 'Open this address in your browser, provide your payment information and pay:'}{' '}
        <code className="mono payment-step__url">{checkoutUrl}</code>
      </p>
      <div className="row">
        <button type="button" onClick={() => void checkoutOpenAgainRequested()}>
          Open checkout again
        </button>
        <button type="button" onClick={() => void checkoutUrlCopyRequested()}>
          Copy address
        </button>
      </div>
      <p className="notice" role="status">
        {checkoutNotice ?? ''}
      </p>
    </div>
  );
}

/** After Continue: pay in the browser; meanwhile the license is checked until its key appears, then install it. */
export function PaymentStep() {
  const check = usePurchase((state) => state.check);
  const license = usePurchase((state) => state.license);
  const checkoutOpened = usePurchase((state) => state.checkoutOpened);
  const checkStopped = usePurchase((state) => state.checkStopped);
  const checkResumed = usePurchase((state) => state.checkResumed);
  const paidLicenseInstallRequested = usePurchase((state) => state.paidLicenseInstallRequested);
  const purchaseClosed = usePurchase((state) => state.purchaseClosed);
  const instances = license?.instances ?? [];
  return (
    <div className="dialog-body payment-step" data-check={check}>
      <h3 id="payment-heading" tabIndex={-1} data-step-focus>
        {check === 'done' ? 'Payment validated' : checkoutOpened ? 'Checkout opened in your browser' : 'The checkout page did not open'}
      </h3>
      {check !== 'done' && <CheckoutAddress />}
      {/* The guide's words are for the wait: once the payment is validated the license is here. */}
      {check !== 'done' && <p className="callout callout--ok guide-message">{GUIDE_MESSAGE}</p>}
      <div className="payment-step__state" role="status" aria-live="polite">
        <CheckState />
      </div>
      {check === 'done' && instances.length === 0 && (
        <p className="hint">
          No saved instance has this license’s Install ID. Open the license’s Details to copy the key, then install it in authentik’s Admin interface under
          Enterprise → Licenses (or add the instance on the Instances screen).
        </p>
      )}
      <div className="dialog__actions">
        {check === 'checking' && (
          <button type="button" onClick={checkStopped}>
            Stop checking
          </button>
        )}
        {check === 'stopped' && (
          <button type="button" onClick={() => void checkResumed()}>
            Check again
          </button>
        )}
        <button type="button" className={check === 'done' && instances.length > 0 ? undefined : 'primary'} onClick={purchaseClosed}>
          Close
        </button>
        {check === 'done' &&
          instances.map((instance) => (
            <button key={instance.instanceId} type="button" className="primary" onClick={() => void paidLicenseInstallRequested(instance.instanceId)}>
              Install into {instance.instanceName}
            </button>
          ))}
      </div>
    </div>
  );
}
