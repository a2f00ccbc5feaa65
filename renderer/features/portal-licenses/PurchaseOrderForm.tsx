import { useMemo } from 'react';
import { visiblePurchaseProblems } from '../../store/purchase';
import { useInstanceRows } from '../../queries/instance-list';
import { usePurchase } from '../../store/portal-licenses-context';
import { TextField } from '../dashboard/TextField';
import { InstanceChoice } from './InstanceChoice';
import { OrderTotal } from './OrderTotal';
import { PlanChoice } from './PlanChoice';
import { SeatFields } from './SeatFields';

/** "Purchase a license": the installation, the plan, the nickname and the users; Continue opens the checkout. */
export function PurchaseOrderForm() {
  const rows = useInstanceRows();
  const form = usePurchase((state) => state.form);
  const attempted = usePurchase((state) => state.attempted);
  const serverProblems = usePurchase((state) => state.serverProblems);
  const problems = useMemo(() => visiblePurchaseProblems({ form, attempted, serverProblems }, rows), [form, attempted, serverProblems, rows]);
  const submitting = usePurchase((state) => state.submitting);
  const submitProblem = usePurchase((state) => state.submitProblem);
  const purchaseFormEdited = usePurchase((state) => state.purchaseFormEdited);
  const checkoutRequested = usePurchase((state) => state.checkoutRequested);
  const purchaseClosed = usePurchase((state) => state.purchaseClosed);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void checkoutRequested();
      }}
    >
      <InstanceChoice problems={problems} />
      <PlanChoice problem={problems.planId} />
      <TextField
        id="purchase-nickname"
        label="License name"
        value={form.nickname}
        onValue={(value) => purchaseFormEdited({ nickname: value })}
        problem={problems.nickname}
        hint="Simply a nickname, a convenient way to label the license."
        hintAlways
        maxLength={100}
        disabled={submitting}
      />
      <SeatFields problems={problems} />
      <OrderTotal />
      {submitProblem !== null && (
        <p className="problem" role="alert">
          {submitProblem}
        </p>
      )}
      <div className="dialog__actions">
        <button type="button" onClick={purchaseClosed}>
          Cancel
        </button>
        <button type="submit" className="primary" aria-disabled={submitting}>
          {submitting ? 'Opening the checkout…' : 'Continue'}
        </button>
      </div>
    </form>
  );
}
