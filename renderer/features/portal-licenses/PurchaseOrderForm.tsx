import { useInstanceRows } from '../../queries/instance-list';
import { TextField } from '../../ui/TextField';
import { InstanceChoice } from './InstanceChoice';
import { OrderTotal } from './OrderTotal';
import { PlanChoice } from './PlanChoice';
import {
  checkoutOrderOf,
  purchaseFormProblems,
  shownForm,
  visiblePurchaseProblems,
  type PurchaseForm,
} from './purchase-form';
import { orderRefusal, useCheckout } from './purchase-mutations';
import { usePurchaseScreen, type OrderDraft } from './purchase-screen';
import { usePlans } from './queries';
import { SeatFields } from './SeatFields';
import { useSeatSuggestion } from './seat-suggestion';

interface PurchaseOrderFormProps {
  orgId: string;
  draft: OrderDraft;
  /** The dialog's opening: the checkout's answer is taken only by it. */
  opening: number;
  onClose: () => void;
}

/** "Purchase a license": the installation, the plan, the nickname and the users; Continue opens the checkout. */
export function PurchaseOrderForm({ orgId, draft, opening, onClose }: PurchaseOrderFormProps) {
  const rows = useInstanceRows();
  const plans = usePlans();
  const seats = useSeatSuggestion(draft.form.instanceId, rows);
  const form = shownForm(draft.form, draft.countsTyped, seats.suggestion, plans.data?.[0]?.id ?? null);
  const checkout = useCheckout();
  const refusal = orderRefusal(checkout.error, draft);
  const problems = visiblePurchaseProblems(form, rows, draft.attempted, refusal.fields);
  const submitting = checkout.isPending;
  const formEdited = usePurchaseScreen((state) => state.formEdited);
  const instanceChosen = usePurchaseScreen((state) => state.instanceChosen);
  const orderAttempted = usePurchaseScreen((state) => state.orderAttempted);
  const edited = (change: Partial<PurchaseForm>): void => {
    if (!submitting) formEdited(change, form);
  };
  const plan = plans.data?.find((entry) => entry.id === form.planId) ?? null;
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (submitting) return;
        orderAttempted();
        if (Object.keys(purchaseFormProblems(form, rows)).length === 0)
          checkout.mutate({ opening, orgId, order: checkoutOrderOf(form, rows) });
      }}
    >
      <InstanceChoice
        rows={rows}
        form={form}
        problems={problems}
        disabled={submitting}
        onChoose={(instanceId) => {
          if (!submitting) instanceChosen(instanceId, rows.find((row) => row.id === instanceId)?.name ?? null);
        }}
        onEdit={edited}
      />
      <PlanChoice plans={plans} planId={form.planId} problem={problems.planId} disabled={submitting} onEdit={edited} />
      <TextField
        id="purchase-nickname"
        label="License name"
        value={form.nickname}
        onValue={(value) => edited({ nickname: value })}
        problem={problems.nickname}
        hint="Simply a nickname, a convenient way to label the license."
        hintAlways
        maxLength={100}
        disabled={submitting}
      />
      <SeatFields form={form} seats={seats} problems={problems} disabled={submitting} onEdit={edited} />
      <OrderTotal plan={plan} form={form} />
      {refusal.words !== null && (
        <p className="problem" role="alert">
          {refusal.words}
        </p>
      )}
      <div className="dialog__actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="primary" aria-disabled={submitting}>
          {submitting ? 'Opening the checkout…' : 'Continue'}
        </button>
      </div>
    </form>
  );
}
