import { useDashboardScreen } from './dashboard-screen';

/** What the last dashboard action did: a problem at once (alert), an outcome politely (status). */
export function DashboardOutcome() {
  const outcome = useDashboardScreen((state) => state.outcome);
  return (
    <>
      {outcome?.tone === 'problem' && (
        <p className="problem" role="alert">
          {outcome.text}
        </p>
      )}
      <p className="notice" role="status">
        {outcome?.tone === 'notice' ? outcome.text : null}
      </p>
    </>
  );
}
