import type { VerdictView } from '../../../shared/license/verdict-view';
import { REASON_TITLES } from '../../ui/check-words';
import { DatedText } from '../../ui/DatedText';
import { useCopyFingerprint, useCopyKey, useOpenPurchase } from './mutations';
import { useVerifyScreen } from './verify-screen';

const PORTAL_REASONS = new Set<VerdictView['reason']>(['expired', 'install_id_mismatch']);

/** The verdict in one line, what to do about it, the fingerprint and the copy actions. */
export function VerdictSummary({ verdict }: { verdict: VerdictView }) {
  const copyFingerprint = useCopyFingerprint();
  const copyKey = useCopyKey();
  const openPurchase = useOpenPurchase();
  // The Install ID typed, else the one the key names: the installation a renewal is for.
  const purchaseInstallId = useVerifyScreen((state) => state.installId.trim() || verdict.claims?.installId || null);
  const canBuy = PORTAL_REASONS.has(verdict.reason) && purchaseInstallId !== null;
  return (
    <section
      className={`verdict verdict--${verdict.valid ? 'valid' : 'invalid'}`}
      aria-labelledby="verdict-heading"
      data-reason={verdict.reason}
    >
      <h2 id="verdict-heading">{REASON_TITLES[verdict.reason]}</h2>
      <p className="verdict__message">
        <DatedText text={verdict.message} />
      </p>
      <p className="fingerprint">
        Fingerprint <code>{verdict.fingerprint}</code>
      </p>
      <div className="row">
        <button type="button" onClick={() => copyFingerprint.mutate(verdict.fingerprint)}>
          Copy fingerprint
        </button>
        {verdict.reason !== 'malformed' && (
          <button type="button" onClick={() => copyKey.mutate(verdict.fingerprint)}>
            Copy key
          </button>
        )}
        {canBuy && (
          <button type="button" onClick={() => openPurchase.mutate(purchaseInstallId)}>
            Renew or buy in the customer portal
          </button>
        )}
      </div>
    </section>
  );
}
