import type { VerdictView } from '../../../shared/license/verdict-view';
import { REASON_TITLES } from '../check-words';
import { DatedText } from '../DatedText';

/** The offline verdict against this instance's Install ID: its title, its message and the key's fingerprint. */
export function PreflightVerdict({ verdict }: { verdict: VerdictView }) {
  return (
    <section
      className={`install-section verdict--${verdict.valid ? 'valid' : 'invalid'}`}
      aria-labelledby="install-verdict-heading"
      data-reason={verdict.reason}
    >
      <h3 id="install-verdict-heading">Verdict: {REASON_TITLES[verdict.reason]}</h3>
      <p>
        <DatedText text={verdict.message} />
      </p>
      <p className="fingerprint">
        Fingerprint <code>{verdict.fingerprint}</code>
      </p>
    </section>
  );
}
