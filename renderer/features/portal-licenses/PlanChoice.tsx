import type { UseQueryResult } from '@tanstack/react-query';
import type { IpcFailureError } from '../../ipc/answer';
import { refusalWords } from '../../store/portal-problem';
import { formatMinorUnits } from '../../ui/money';
import type { PurchaseForm } from './purchase-form';
import type { Plan } from './queries';

const PERIOD_WORDS: Record<Plan['billing_period'], string> = { month: 'per month', year: 'per year' };

/** "€5.00 per internal user and €0.50 per external user, per month". */
function planPrices(plan: Plan): string {
  return `${formatMinorUnits(plan.price_per_internal_user, plan.currency)} per internal user and ${formatMinorUnits(plan.price_per_external_user, plan.currency)} per external user, ${PERIOD_WORDS[plan.billing_period]}`;
}

/** The pricing plans, each with its prices per user and billing period. */
interface PlanChoiceProps {
  plans: UseQueryResult<Plan[], IpcFailureError>;
  planId: string;
  problem: string | undefined;
  disabled: boolean;
  onEdit: (change: Partial<PurchaseForm>) => void;
}

export function PlanChoice({ plans: query, planId, problem, disabled, onEdit }: PlanChoiceProps) {
  const plans = query.data ?? null;
  const plansProblem = query.isError ? refusalWords(query.error, 'list the plans') : null;
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
            disabled={disabled}
            aria-describedby={`purchase-plan-${plan.id}-prices`}
            onChange={() => onEdit({ planId: plan.id })}
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
