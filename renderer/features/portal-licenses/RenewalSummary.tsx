import { localDate } from '../../format/dates';
import { refusalWords } from '../../store/portal-problem';
import { useRenewal } from './purchase-mutations';
import type { PortalLicense } from './queries';

/** Renew (Owner): what the renewal buys, then Continue opens its checkout page. */
export function RenewalSummary({
  orgId,
  renewing,
  opening,
  onClose,
}: {
  orgId: string;
  renewing: PortalLicense;
  opening: number;
  onClose: () => void;
}) {
  const renewal = useRenewal();
  const submitting = renewal.isPending;
  const submitProblem = renewal.isError ? refusalWords(renewal.error, `renew “${renewing.nickname}”`) : null;
  return (
    <div className="dialog-body">
      <p>
        One more year of “{renewing.nickname}” for {renewing.internal_users.toLocaleString()} internal and{' '}
        {renewing.external_users.toLocaleString()} external users, for Install ID{' '}
        <code className="mono">{renewing.install_id}</code>.{' '}
        {renewing.expires_at === null
          ? ''
          : `The new expiry is one year after ${localDate(renewing.expires_at)} (or after today, if that is later).`}
      </p>
      <p className="hint">
        Continue opens the checkout page in your browser. The portal then issues a new key, which has to be installed on
        the instance: the old key keeps its old expiry.
      </p>
      {submitProblem !== null && (
        <p className="problem" role="alert">
          {submitProblem}
        </p>
      )}
      <div className="dialog__actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          aria-disabled={submitting}
          onClick={() => {
            if (!submitting) renewal.mutate({ opening, orgId, renewing });
          }}
          data-autofocus
        >
          {submitting ? 'Opening the checkout…' : 'Continue'}
        </button>
      </div>
    </div>
  );
}
