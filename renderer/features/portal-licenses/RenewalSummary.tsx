import { localDate } from '../../format/dates';
import { usePurchase } from '../../store/portal-licenses-context';

/** Renew (Owner): what the renewal buys, then Continue opens its checkout page. */
export function RenewalSummary() {
  const renewing = usePurchase((state) => state.renewing);
  const submitting = usePurchase((state) => state.submitting);
  const submitProblem = usePurchase((state) => state.submitProblem);
  const checkoutRequested = usePurchase((state) => state.checkoutRequested);
  const purchaseClosed = usePurchase((state) => state.purchaseClosed);
  if (renewing === null) return null;
  return (
    <div className="dialog-body">
      <p>
        One more year of “{renewing.nickname}” for {renewing.internal_users.toLocaleString()} internal and {renewing.external_users.toLocaleString()} external users,
        for Install ID <code className="mono">{renewing.install_id}</code>.{' '}
        {renewing.expires_at === null ? '' : `The new expiry is one year after ${localDate(renewing.expires_at)} (or after today, if that is later).`}
      </p>
      <p className="hint">
        Continue opens the checkout page in your browser. The portal then issues a new key, which has to be installed on the instance: the old key keeps
        its old expiry.
      </p>
      {submitProblem !== null && (
        <p className="problem" role="alert">
          {submitProblem}
        </p>
      )}
      <div className="dialog__actions">
        <button type="button" onClick={purchaseClosed}>
          Cancel
        </button>
        <button type="button" className="primary" aria-disabled={submitting} onClick={() => void checkoutRequested()} data-autofocus>
          {submitting ? 'Opening the checkout…' : 'Continue'}
        </button>
      </div>
    </div>
  );
}
