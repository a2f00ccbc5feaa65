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

/** After Continue: pay in the browser; meanwhile the license is checked until its key appears, then install it. */
export function PaymentStep() {
  const check = usePurchase((state) => state.check);
  const license = usePurchase((state) => state.license);
  const checkoutUrl = usePurchase((state) => state.checkoutUrl);
  const checkStopped = usePurchase((state) => state.checkStopped);
  const checkResumed = usePurchase((state) => state.checkResumed);
  const paidLicenseInstallRequested = usePurchase((state) => state.paidLicenseInstallRequested);
  const purchaseClosed = usePurchase((state) => state.purchaseClosed);
  const instances = license?.instances ?? [];
  return (
    <div className="dialog-body payment-step" data-check={check}>
      <h3 id="payment-heading" tabIndex={-1} data-step-focus>
        {check === 'done' ? 'Payment validated' : 'Checkout opened in your browser'}
      </h3>
      {check !== 'done' && (
        <p>
          Provide your payment information on the checkout page and pay. If the page did not open, open this address in your browser:{' '}
          <code className="mono payment-step__url">{checkoutUrl}</code>
        </p>
      )}
      <p className="callout callout--ok guide-message">{GUIDE_MESSAGE}</p>
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
