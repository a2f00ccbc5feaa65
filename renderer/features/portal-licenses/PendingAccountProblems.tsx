import { portalOpened } from '../../app/portal-navigation';
import { useSignInOpener } from '../../queries/portal-account-mutations';
import { portalHost } from '../../queries/portal-accounts';
import { usePendingInstalls, type PendingInstalls } from './queries';

const selectAccountProblems = (answer: PendingInstalls) => answer.accountProblems;

/**
 * The signed-in accounts whose licenses could not be read for renewed-but-not-installed, each in words:
 * their pairings may be missing until the account is signed in again (or its portal answers).
 */
export function PendingAccountProblems() {
  const problems = usePendingInstalls(selectAccountProblems).data;
  const signInOpened = useSignInOpener();
  if (problems.length === 0) return null;
  return (
    <ul className="pending-account-problems">
      {problems.map((problem) => {
        const who = `${problem.email} on ${portalHost(problem.portalUrl)}`;
        return (
          <li key={`${problem.accountId}:${problem.message}`} className="hint">
            Renewed-but-not-installed licenses of {who} could not be checked: {problem.message}
            {problem.signInAgain && (
              <>
                {' '}
                <button
                  type="button"
                  className="small-button"
                  onClick={() => {
                    signInOpened(problem.portalUrl);
                    portalOpened();
                  }}
                >
                  Sign in again<span className="sr-only"> as {who}</span>
                </button>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
