import { useDashboardScreen } from './dashboard-screen';

/** No instance yet: what the dashboard is for and what adding one takes. */
export function EmptyState() {
  const addDialogOpened = useDashboardScreen((state) => state.addDialogOpened);
  return (
    <section className="empty-state" aria-labelledby="empty-heading">
      <h2 id="empty-heading">No instances yet</h2>
      <p>
        Add the authentik instances you look after to see every instance’s license status here, worst first: expiry,
        users against licensed seats, and what needs renewing.
      </p>
      <p>For each instance you need:</p>
      <ul>
        <li>its address, such as https://auth.example.com;</li>
        <li>
          an API token of a user allowed to view and install licenses (in authentik: Directory → Tokens and App
          passwords). The token is kept only in this computer’s token vault, encrypted with a key the OS keychain holds.
        </li>
      </ul>
      <button type="button" className="primary" onClick={addDialogOpened}>
        Add instance
      </button>
    </section>
  );
}
