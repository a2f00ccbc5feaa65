import { CertificateChain } from './CertificateChain';
import { CheckList } from '../../ui/CheckList';
import { ClaimsPanel } from '../../ui/ClaimsPanel';
import { InstallIdField } from './InstallIdField';
import { KeyField } from './KeyField';
import { KeyTimeline } from './KeyTimeline';
import { useVerifyKey } from './mutations';
import { VerdictSummary } from './VerdictSummary';
import { draftComplete, requestOf, sameRequest, useVerifyScreen } from './verify-screen';

/** Verify a key offline: the six checks, the claims, the chain and this key's timeline. */
export function VerifyScreen() {
  const verify = useVerifyKey();
  const verdict = useVerifyScreen((state) => state.verdict);
  const fileProblem = useVerifyScreen((state) => state.fileProblem);
  const notice = useVerifyScreen((state) => state.notice);
  const complete = useVerifyScreen(draftComplete);
  const key = useVerifyScreen((state) => state.key);
  const installId = useVerifyScreen((state) => state.installId);
  const request = requestOf({ key, installId });
  // A failure speaks for the draft it was asked about: editing the key or Install ID puts it away.
  const requestProblem = verify.isError && sameRequest(verify.variables, request) ? verify.error.message : null;
  const problem = fileProblem ?? requestProblem;
  const canVerify = complete && !verify.isPending;

  /** Verifies the draft; a key file just read is passed in, since this render has not seen it yet. */
  function verifyRequested(fileKey?: string): void {
    const draft = { key: fileKey ?? key, installId };
    if (draftComplete(draft) && !verify.isPending) verify.mutate(requestOf(draft));
  }

  return (
    <main className="screen" aria-labelledby="screen-heading">
      <h1 id="screen-heading">Verify a license key</h1>
      <p className="lede">
        Checks an authentik Enterprise license key offline, exactly as authentik does, and explains each check.
      </p>
      <form
        className="verify-form"
        onSubmit={(event) => {
          event.preventDefault();
          verifyRequested();
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            verifyRequested();
          }
        }}
      >
        <KeyField onKeyFileRead={verifyRequested} />
        <InstallIdField />
        <button type="submit" className="primary" disabled={!canVerify} aria-keyshortcuts="Control+Enter">
          {verify.isPending ? 'Verifying…' : 'Verify'}
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
          {verdict.claims !== null && (
            <ClaimsPanel claims={verdict.claims} verified={verdict.claimsVerified} evaluatedAt={verdict.evaluatedAt} />
          )}
          {verdict.claimsVerified && verdict.claims !== null && verdict.ladder !== null && (
            <KeyTimeline claims={verdict.claims} ladder={verdict.ladder} evaluatedAt={verdict.evaluatedAt} />
          )}
          {verdict.certificates.length > 0 && <CertificateChain certificates={verdict.certificates} />}
        </div>
      )}
    </main>
  );
}
