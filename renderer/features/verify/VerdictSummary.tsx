import type { VerdictView } from '../../../shared/license/verdict-view';
import { useVerify } from '../../store/verify-context';
import { REASON_TITLES } from './check-words';

const PORTAL_REASONS = new Set<VerdictView['reason']>(['expired', 'install_id_mismatch']);

/** The verdict in one line, what to do about it, the fingerprint and the copy actions. */
export function VerdictSummary({ verdict }: { verdict: VerdictView }) {
  const fingerprintCopyRequested = useVerify((state) => state.fingerprintCopyRequested);
  const keyCopyRequested = useVerify((state) => state.keyCopyRequested);
  const purchaseRequested = useVerify((state) => state.purchaseRequested);
  const canBuy = useVerify((state) => PORTAL_REASONS.has(verdict.reason) && (state.installId.trim() !== '' || verdict.claims !== null));
  return (
    <section className={`verdict verdict--${verdict.valid ? 'valid' : 'invalid'}`} aria-labelledby="verdict-heading" data-reason={verdict.reason}>
      <h2 id="verdict-heading">{REASON_TITLES[verdict.reason]}</h2>
      <p className="verdict__message">{verdict.message}</p>
      <p className="fingerprint">
        Fingerprint <code>{verdict.fingerprint}</code>
      </p>
      <div className="row">
        <button type="button" onClick={() => void fingerprintCopyRequested()}>
          Copy fingerprint
        </button>
        {verdict.reason !== 'malformed' && (
          <button type="button" onClick={() => void keyCopyRequested()}>
            Copy key
          </button>
        )}
        {canBuy && (
          <button type="button" onClick={() => void purchaseRequested()}>
            Renew or buy in the customer portal
          </button>
        )}
      </div>
    </section>
  );
}
