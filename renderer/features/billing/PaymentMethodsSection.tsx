import { useBilling } from '../../store/billing-context';
import { PaymentMethodsTable } from './PaymentMethodsTable';

/** Payment methods: the list, and (Owners) adding one on the portal's page in the system browser. */
export function PaymentMethodsSection({ role }: { role: 'owner' | 'member' }) {
  const methods = useBilling((state) => state.paymentMethods);
  const listed = useBilling((state) => state.methodsListed);
  const loading = useBilling((state) => state.methodsLoading);
  const problem = useBilling((state) => state.methodsProblem);
  const settingUp = useBilling((state) => state.settingUp);
  const notice = useBilling((state) => state.methodsNotice);
  const setupProblem = useBilling((state) => state.setupProblem);
  const reload = useBilling((state) => state.paymentMethodsReloadRequested);
  const setup = useBilling((state) => state.paymentMethodSetupRequested);
  return (
    <section className="panel billing-section" aria-labelledby="billing-methods-heading" aria-busy={loading}>
      <div className="billing-section__header">
        <h3 id="billing-methods-heading">Payment methods</h3>
        <button type="button" onClick={() => void reload()} disabled={loading}>
          {loading ? 'Reloading…' : 'Reload payment methods'}
        </button>
      </div>
      {problem !== null ? (
        <div className="callout callout--bad" role="alert">
          <p>{problem}</p>
          <p>Press Reload payment methods to try again.</p>
        </div>
      ) : !listed ? (
        <p role="status">Loading the payment methods…</p>
      ) : methods.length === 0 ? (
        <p>No payment methods yet. Orders and renewals are charged to the default payment method, so add one before buying a license.</p>
      ) : (
        <PaymentMethodsTable methods={methods} />
      )}
      <p className="notice" role="status">
        {notice}
      </p>
      <div role="alert">{setupProblem !== null && <p className="problem">{setupProblem}</p>}</div>
      {role === 'owner' ? (
        <div className="row">
          <button type="button" className="primary" onClick={() => void setup()} disabled={settingUp}>
            {settingUp ? 'Opening the portal…' : 'Add a payment method'}
          </button>
        </div>
      ) : (
        <p className="hint">Only Owners of this organization can add payment methods.</p>
      )}
    </section>
  );
}
