import { selectCanVerify } from '../../store/verify';
import { useVerify } from '../../store/verify-context';
import { CertificateChain } from './CertificateChain';
import { CheckList } from './CheckList';
import { ClaimsPanel } from './ClaimsPanel';
import { InstallIdField } from './InstallIdField';
import { KeyField } from './KeyField';
import { KeyTimeline } from './KeyTimeline';
import { VerdictSummary } from './VerdictSummary';

/** Verify a key offline: the six checks, the claims, the chain and this key's timeline. */
export function VerifyScreen() {
  const verdict = useVerify((state) => state.verdict);
  const problem = useVerify((state) => state.problem);
  const notice = useVerify((state) => state.notice);
  const verifying = useVerify((state) => state.verifying);
  const canVerify = useVerify(selectCanVerify);
  const verifyRequested = useVerify((state) => state.verifyRequested);

  return (
    <main className="screen" aria-labelledby="screen-heading">
      <h1 id="screen-heading">Verify a license key</h1>
      <p className="lede">Checks an authentik Enterprise license key offline, exactly as authentik does, and explains each check.</p>
      <form
        className="verify-form"
        onSubmit={(event) => {
          event.preventDefault();
          void verifyRequested();
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void verifyRequested();
          }
        }}
      >
        <KeyField />
        <InstallIdField />
        <button type="submit" className="primary" disabled={!canVerify} aria-keyshortcuts="Control+Enter">
          {verifying ? 'Verifying…' : 'Verify'}
        </button>
      </form>
      {problem !== null && (
        <p className="problem" role="alert">
          {problem}
        </p>
      )}
      <p className="notice" role="status" aria-live="polite">
        {notice}
      </p>
      {verdict !== null && (
        <div className="results" aria-live="polite">
          <VerdictSummary verdict={verdict} />
          <CheckList checks={verdict.checks} />
          {verdict.claims !== null && <ClaimsPanel claims={verdict.claims} verified={verdict.claimsVerified} evaluatedAt={verdict.evaluatedAt} />}
          {verdict.claimsVerified && verdict.ladder !== null && <KeyTimeline ladder={verdict.ladder} evaluatedAt={verdict.evaluatedAt} />}
          {verdict.certificates.length > 0 && <CertificateChain certificates={verdict.certificates} />}
        </div>
      )}
    </main>
  );
}
