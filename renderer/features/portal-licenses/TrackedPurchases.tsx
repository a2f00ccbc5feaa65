import { refusalWords } from '../../store/portal-problem';
import { PaidInstallButtons } from './PaidInstallButtons';
import { PaidLicenseCheck } from './PaidLicenseCheck';
import { trackedDelay, useFollowedLicense } from './payment';
import { checkoutPageWords, useCheckoutPage } from './purchase-mutations';
import { WaitingForPayment } from './WaitingForPayment';
import { usePurchaseScreen, type TrackedPurchase } from './purchase-screen';

/** One purchase or renewal paid in the browser after its dialog closed: waiting for payment until the key appears, then Install. */
function TrackedPurchaseCard({ tracked }: { tracked: TrackedPurchase }) {
  // Read less and less often: the wait from when it is followed (or Refresh) tells the next one.
  const { query, check } = useFollowedLicense(tracked, tracked.check, () => trackedDelay(tracked.since, Date.now()));
  const trackedCheckRequested = usePurchaseScreen((state) => state.trackedCheckRequested);
  const trackedDismissed = usePurchaseScreen((state) => state.trackedDismissed);
  const page = useCheckoutPage();
  const checkoutProblem = checkoutPageWords(page).problem;
  const license = query.data;
  const nickname = license?.nickname ?? tracked.nickname;
  const headingId = `tracked-${tracked.licenseId}`;
  const done = check === 'done';
  const instances = done ? (license?.instances ?? []) : [];
  const lastAnswer = Math.max(query.dataUpdatedAt, query.errorUpdatedAt, tracked.since);
  return (
    <section className="panel tracked-purchase" aria-labelledby={headingId} data-check={check}>
      <h3 id={headingId}>
        {tracked.kind === 'renewal' ? 'Renewal' : 'Purchase'} of “{nickname}”
      </h3>
      {!done && <WaitingForPayment />}
      <div className="payment-step__state" role="status" aria-live="polite">
        <PaidLicenseCheck
          license={license ?? null}
          done={done}
          renewal={tracked.kind === 'renewal'}
          lastCheckedAt={query.dataUpdatedAt === 0 ? null : query.dataUpdatedAt}
          checkProblem={query.isError ? refusalWords(query.error, 'read the license') : null}
          waiting={(last) =>
            check === 'checking'
              ? `Checking the license again in ${Math.round(trackedDelay(tracked.since, lastAnswer) / 1000)} seconds, then less often.${last}`
              : `Stopped checking.${last} Refresh looks again.`
          }
        />
      </div>
      {!done && checkoutProblem !== null && (
        <p className="problem" role="alert">
          {checkoutProblem} Open this address in your browser instead:{' '}
          <code className="mono payment-step__url">{tracked.checkoutUrl}</code>
        </p>
      )}
      {done && instances.length === 0 && (
        <p className="hint">
          No saved instance has this license’s Install ID. Open the license’s Details to copy the key, then install it
          in authentik’s Admin interface under Enterprise → Licenses (or add the instance on the Instances screen).
        </p>
      )}
      <div className="row">
        <PaidInstallButtons
          orgId={tracked.orgId}
          accountId={tracked.accountId}
          license={license}
          instances={instances}
          suffix={<span className="sr-only"> (license “{nickname}”)</span>}
        />
        {!done && (
          <button type="button" onClick={() => page.mutate({ action: 'open', checkoutUrl: tracked.checkoutUrl })}>
            Open checkout again<span className="sr-only"> for “{nickname}”</span>
          </button>
        )}
        {!done && (
          <button
            type="button"
            onClick={() => {
              trackedCheckRequested(tracked.licenseId);
              void query.refetch();
            }}
          >
            Refresh<span className="sr-only"> for “{nickname}”</span>
          </button>
        )}
        <button type="button" onClick={() => trackedDismissed(tracked.licenseId)}>
          Dismiss<span className="sr-only"> “{nickname}”</span>
        </button>
      </div>
    </section>
  );
}

/** The organization's purchases and renewals still being followed after their dialog closed. */
export function TrackedPurchases({ orgId }: { orgId: string }) {
  const all = usePurchaseScreen((state) => state.tracked);
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
