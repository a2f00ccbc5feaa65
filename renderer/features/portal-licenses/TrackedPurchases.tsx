import { usePurchaseTracking } from '../../store/portal-licenses-context';
import type { TrackedPurchase } from '../../store/purchase-tracking';
import { GUIDE_MESSAGE } from './license-words';
import { PaidLicenseCheck } from './PaidLicenseCheck';

/** Where the checking is: the next check's wait, stopped, or the key ready. */
function TrackedState({ tracked }: { tracked: TrackedPurchase }) {
  const { check, license, lastCheckedAt, checkProblem, kind } = tracked;
  return (
    <PaidLicenseCheck
      license={license}
      done={check === 'done'}
      renewal={kind === 'renewal'}
      lastCheckedAt={lastCheckedAt}
      checkProblem={checkProblem}
      waiting={(last) =>
        check === 'checking' ? `Checking the license again in ${Math.round(tracked.delayMs / 1000)} seconds, then less often.${last}` : `Stopped checking.${last} Check now looks again.`
      }
    />
  );
}

/** One purchase or renewal paid in the browser after its dialog closed: the guide's message until the key appears, then Install. */
function TrackedPurchaseCard({ tracked }: { tracked: TrackedPurchase }) {
  const trackedCheckRequested = usePurchaseTracking((state) => state.trackedCheckRequested);
  const trackedDismissed = usePurchaseTracking((state) => state.trackedDismissed);
  const trackedInstallRequested = usePurchaseTracking((state) => state.trackedInstallRequested);
  const trackedCheckoutOpenRequested = usePurchaseTracking((state) => state.trackedCheckoutOpenRequested);
  const headingId = `tracked-${tracked.licenseId}`;
  const instances = tracked.license?.instances ?? [];
  const done = tracked.check === 'done';
  return (
    <section className="panel tracked-purchase" aria-labelledby={headingId} data-check={tracked.check}>
      <h3 id={headingId}>
        {tracked.kind === 'renewal' ? 'Renewal' : 'Purchase'} of “{tracked.nickname}”
      </h3>
      {!done && <p className="callout callout--ok guide-message">{GUIDE_MESSAGE}</p>}
      <div className="payment-step__state" role="status" aria-live="polite">
        <TrackedState tracked={tracked} />
      </div>
      {!done && tracked.checkoutProblem !== null && (
        <p className="problem" role="alert">
          {tracked.checkoutProblem} Open this address in your browser instead: <code className="mono payment-step__url">{tracked.checkoutUrl}</code>
        </p>
      )}
      {done && instances.length === 0 && (
        <p className="hint">
          No saved instance has this license’s Install ID. Open the license’s Details to copy the key, then install it in authentik’s Admin interface under
          Enterprise → Licenses (or add the instance on the Instances screen).
        </p>
      )}
      <div className="row">
        {done &&
          instances.map((instance) => (
            <button key={instance.instanceId} type="button" className="primary" onClick={() => void trackedInstallRequested(tracked.licenseId, instance.instanceId)}>
              Install into {instance.instanceName}
              <span className="sr-only"> (license “{tracked.nickname}”)</span>
            </button>
          ))}
        {!done && (
          <button type="button" onClick={() => void trackedCheckoutOpenRequested(tracked.licenseId)}>
            Open checkout again<span className="sr-only"> for “{tracked.nickname}”</span>
          </button>
        )}
        {!done && (
          <button type="button" onClick={() => void trackedCheckRequested(tracked.licenseId)}>
            Check now<span className="sr-only"> for “{tracked.nickname}”</span>
          </button>
        )}
        <button type="button" onClick={() => trackedDismissed(tracked.licenseId)}>
          Dismiss<span className="sr-only"> “{tracked.nickname}”</span>
        </button>
      </div>
    </section>
  );
}

/** The organization's purchases and renewals still being followed after their dialog closed. */
export function TrackedPurchases({ orgId }: { orgId: string }) {
  const all = usePurchaseTracking((state) => state.tracked);
  const tracked = all.filter((entry) => entry.orgId === orgId);
  if (tracked.length === 0) return null;
  return (
    <div className="tracked-purchases">
      {tracked.map((entry) => (
        <TrackedPurchaseCard key={entry.licenseId} tracked={entry} />
      ))}
    </div>
  );
}
