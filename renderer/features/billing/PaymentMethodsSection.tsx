import { refusalWords } from '../../store/portal-problem';
import { useSetupPaymentMethod } from './mutations';
import { paymentMethodWords } from './payment-method-words';
import { PaymentMethodsTable } from './PaymentMethodsTable';
import { usePaymentMethods } from './queries';
import { useWindowFocus } from './use-window-focus';

const SETUP_OPEN =
  'The portal’s page for adding a payment method is open in your browser. Add the card there, then come back: the list refreshes when you return to the app, or press Refresh.';

/** Payment methods: the list, and (Owners) adding one on the portal's page in the system browser. */
export function PaymentMethodsSection({ orgId, role }: { orgId: string; role: 'owner' | 'member' }) {
  const list = usePaymentMethods(orgId);
  const setup = useSetupPaymentMethod(orgId);
  const loading = list.isFetching;
  // The window got the focus back (from the browser, say): a method added there shows. TanStack Query's own
  // focus refetch follows visibility, which a browser window in front of the app does not change.
  useWindowFocus(() => {
    if (list.data !== undefined) void list.refetch();
  });
  const added = list.data?.added ?? [];
  const addedWords = added.length > 0 ? `Added ${added.map(paymentMethodWords).join('; ')}.` : null;
  // What happened last speaks: the page opened for adding one, or the methods that appeared since; nothing while the page is opening.
  const setupNewer = setup.isSuccess && (addedWords === null || setup.submittedAt > list.dataUpdatedAt);
  const notice = setup.isPending ? null : setupNewer ? SETUP_OPEN : addedWords;

  function reloaded() {
    // Refresh starts afresh: the words about opening the page were about the list before it.
    setup.reset();
    void list.refetch();
  }

  return (
    <section className="panel billing-section" aria-labelledby="billing-methods-heading" aria-busy={loading}>
      <div className="billing-section__header">
        <h3 id="billing-methods-heading">Payment methods</h3>
        <button type="button" onClick={reloaded} disabled={loading}>
          {loading ? 'Refreshing…' : 'Refresh payment methods'}
        </button>
      </div>
      {list.isError ? (
        <div className="callout callout--bad" role="alert">
          <p>{refusalWords(list.error, 'list the payment methods')}</p>
          <p>Press Refresh payment methods to try again.</p>
        </div>
      ) : list.data === undefined ? (
        <p role="status">Loading the payment methods…</p>
      ) : list.data.methods.length === 0 ? (
        <p>
          No payment methods yet. Orders and renewals are charged to the default payment method, so add one before
          buying a license.
        </p>
      ) : (
        <PaymentMethodsTable methods={list.data.methods} />
      )}
      <p className="notice" role="status">
        {notice}
      </p>
      <div role="alert">
        {setup.isError && (
          <p className="problem">{refusalWords(setup.error, 'open the page for adding a payment method')}</p>
        )}
      </div>
      {role === 'owner' ? (
        <div className="row">
          <button type="button" className="primary" onClick={() => setup.mutate()} disabled={setup.isPending}>
            {setup.isPending ? 'Opening the portal…' : 'Add a payment method'}
          </button>
        </div>
      ) : (
        <p className="hint">Only Owners of this organization can add payment methods.</p>
      )}
    </section>
  );
}
