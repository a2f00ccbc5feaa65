import { usePurchase } from '../../store/portal-licenses-context';
import type { Plan } from '../../store/purchase';
import { formatMinorUnits } from '../../ui/money';

const PERIOD_WORDS: Record<Plan['billing_period'], string> = { month: 'per month', year: 'per year' };

/** "€5.00 per internal user and €0.50 per external user, per month". */
function planPrices(plan: Plan): string {
  return `${formatMinorUnits(plan.price_per_internal_user, plan.currency)} per internal user and ${formatMinorUnits(plan.price_per_external_user, plan.currency)} per external user, ${PERIOD_WORDS[plan.billing_period]}`;
}

/** The pricing plans, each with its prices per user and billing period. */
export function PlanChoice({ problem }: { problem: string | undefined }) {
  const plans = usePurchase((state) => state.plans);
  const plansProblem = usePurchase((state) => state.plansProblem);
  const planId = usePurchase((state) => state.form.planId);
  const submitting = usePurchase((state) => state.submitting);
  const purchaseFormEdited = usePurchase((state) => state.purchaseFormEdited);
  return (
    <fieldset className="purchase-plans" aria-describedby={problem === undefined ? undefined : 'purchase-plan-problem'}>
      <legend>Plan</legend>
      {plansProblem !== null && (
        <p className="problem" role="alert">
          {plansProblem} Close this dialog and open it again to retry.
        </p>
      )}
      {plans === null && plansProblem === null && <p className="muted">Loading the plans…</p>}
      {plans?.map((plan) => (
        <div key={plan.id} className="purchase-plan">
          <input
            type="radio"
            id={`purchase-plan-${plan.id}`}
            name="purchase-plan"
            value={plan.id}
            checked={plan.id === planId}
            disabled={submitting}
            aria-describedby={`purchase-plan-${plan.id}-prices`}
            onChange={() => purchaseFormEdited({ planId: plan.id })}
          />
          <label htmlFor={`purchase-plan-${plan.id}`}>{plan.name}</label>
          <span id={`purchase-plan-${plan.id}-prices`} className="purchase-plan__prices">
            {planPrices(plan)}
          </span>
        </div>
      ))}
      {problem !== undefined && (
        <p id="purchase-plan-problem" className="hint hint--error">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
